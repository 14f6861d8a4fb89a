// What the engine needs from a profile. Profiles live in profiles/; the engine only sees this shape.
import type { Logsource } from '../sigma/index.ts';

/** Reads one field of an event; undefined when the field is absent. May return an array. */
export type FieldAccessor = (event: Readonly<Record<string, unknown>>) => unknown;

/** One way events can satisfy a logsource: conditions on the event, and field renames for its rules. */
export interface LogsourceVariant {
  /** Sigma-level fields and their accepted values (compared as case-insensitive text); all must hold. */
  conditions: ReadonlyArray<{ field: string; values: readonly string[] }>;
  /** Rule field name → field name for events of this variant. */
  fieldMap: Readonly<Record<string, string>>;
  label: string;
}

/** How a log family names its fields and which events a logsource selects. */
export interface EngineProfile {
  name: string;
  logsourceVariants(logsource: Logsource): LogsourceVariant[];
  fieldAccessor(field: string): FieldAccessor;
  /** Marks the event being matched, so the profile may reuse work across its accessors until `endEvent`. */
  beginEvent?(event: Readonly<Record<string, unknown>>): void;
  endEvent?(): void;
}
