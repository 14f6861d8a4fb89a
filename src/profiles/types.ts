// The profile contract the engine calls, and the data model a profile file is read into.
import type { Logsource } from '../sigma/model.ts';

/** Returns the event's value for one field, or undefined when the event lacks it. */
export type FieldAccessor = (event: Record<string, unknown>) => unknown;

/** A log family's field names and the mapping from a Sigma `logsource` to its events. */
export interface Profile {
  name: string;
  description: string;
  /** The ways events of this profile can satisfy a rule's logsource. Empty: the profile has no events for it (rule never fires). */
  logsourceVariants(logsource: Logsource): LogsourceVariant[];
  /** An accessor for a Sigma field name: returns the event's value, or undefined when absent. Paths are resolved here, once. */
  fieldAccessor(field: string): FieldAccessor;
  /**
   * The event paths tried for a field, in order, as arrays of keys (`*` is any key).
   * Backends use them to name the field in a query. Values found through `keyValue` sources are not listed.
   */
  fieldPaths(field: string): string[][];
  /** Marks the event the engine starts matching; accessors may reuse work for it until `endEvent`. */
  beginEvent?(event: Record<string, unknown>): void;
  /** Ends the match that `beginEvent` started; accessors then read every event afresh. */
  endEvent?(): void;
  /**
   * When a value found at a path is an object with this key, the key's value is the field's value
   * (`#text` of an XML element that also has attributes). Undefined when the profile does not unwrap.
   */
  textKey?: string;
}

/** One way a rule's logsource maps onto events: conditions on the event plus field renames. */
export interface LogsourceVariant {
  /** Conditions on events (AND): a Sigma-level field name (resolved through fieldAccessor) and the accepted values (OR), compared as case-insensitive strings. */
  conditions: LogsourceCondition[];
  /** Sigma field name in the rule → field name for events of this variant (e.g. Image → NewProcessName for Security 4688). */
  fieldMap: Record<string, string>;
  /** Label for messages, e.g. "Sysmon EventID 1". */
  label: string;
}

export interface LogsourceCondition {
  field: string;
  values: string[];
}

// ---------------------------------------------------------------------------
// The profile file model, after validation. See docs/profiles.md for the file format.

/** A path into an event: the keys from the root, `*` for any key, a number for a list index. */
export type PathSpec = string[];

/** The source of a field's value: the first path that resolves, or every path's value collected into a list. */
export type FieldSource = { kind: 'FirstOf'; paths: PathSpec[] } | { kind: 'Collect'; paths: PathSpec[] };

/** A text value holding `Key=Value` lines whose keys act as extra fields (e.g. PowerShell classic events). */
export interface KeyValueSource {
  /** Only events that meet these conditions are searched. */
  when: LogsourceCondition[];
  /** Path to the text (or list of texts) holding the lines. */
  path: PathSpec;
}

/** A logsource variant as written in a profile: optional service to inherit from, own conditions and renames. */
export interface VariantSpec {
  label?: string;
  /** Name of a service of the same profile whose conditions and field map this variant adds to its own. */
  service?: string;
  conditions: LogsourceCondition[];
  fieldMap: Record<string, string>;
}

export interface LogsourceSpec {
  /** Values of `logsource.product` this profile's events belong to. Empty: any product. */
  products: string[];
  categories: Record<string, VariantSpec[]>;
  services: Record<string, VariantSpec[]>;
}

/** A validated profile file. */
export interface ProfileSpec {
  name: string;
  description: string;
  /** Paths whose presence marks an event of this profile (used by automatic detection). */
  detect: PathSpec[];
  /** When a resolved value is an object with this key, the key's value is used instead (the `#text` of an element with attributes). */
  textKey?: string;
  /** Sigma field name → where its value is. */
  fields: Record<string, FieldSource>;
  /** Paths tried for any field not listed in `fields`, where the key `{field}` is the field name. */
  defaultPaths: PathSpec[];
  keyValue: KeyValueSource[];
  /** Absent: logsource is ignored and every rule applies to every event. */
  logsource?: LogsourceSpec;
}

/** The placeholder key in `defaultPaths` that stands for the field name. */
export const FIELD_PLACEHOLDER = '{field}';
