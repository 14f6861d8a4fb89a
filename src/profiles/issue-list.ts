// Problems found in profile data, collected with the path of the offending value.
import type { DiagnosticCode } from '../sigma/diagnostics.ts';

/** A problem in profile data, at a path of keys and indexes from the document root. */
export interface ProfileIssue {
  code: DiagnosticCode;
  message: string;
  path: Array<string | number>;
}

/** Collects issues while a validator walks the data. */
export class IssueList {
  readonly issues: ProfileIssue[] = [];

  add(code: DiagnosticCode, message: string, path: Array<string | number>): void {
    this.issues.push({ code, message, path });
  }

  /** Returns the value as a plain object, or reports it and returns undefined. */
  mapping(value: unknown, path: Array<string | number>, what: string): Record<string, unknown> | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    this.add('NOT_A_MAPPING', `${what} must be a mapping of names to values`, path);
    return undefined;
  }

  /** Reports every key of `object` that is not in `known`. */
  unknownKeys(object: Record<string, unknown>, known: readonly string[], path: Array<string | number>, what: string): void {
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        this.add('INVALID_FIELD', `unknown key "${key}" in ${what}. Expected one of: ${known.join(', ')}`, [...path, key]);
      }
    }
  }
}
