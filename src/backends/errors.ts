// The one error type of the backends: a rule uses something a target cannot express exactly.
import type { TargetName } from './target-names.ts';

/** A construct, modifier or value that a target cannot write as an exact query. */
export class BackendUnsupportedError extends Error {
  readonly code = 'BACKEND_UNSUPPORTED';
  readonly target: TargetName;
  /** The Sigma construct, e.g. `re (lookbehind)`, `cidr (IPv6)`, `keyword search`. */
  readonly construct: string;

  constructor(target: TargetName, construct: string, detail: string) {
    super(`${target} cannot express ${construct}: ${detail}`);
    this.name = 'BackendUnsupportedError';
    this.target = target;
    this.construct = construct;
  }
}
