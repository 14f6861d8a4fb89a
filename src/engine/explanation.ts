// The result of explaining a rule on an event: which parts were true or false, and why.

/** Why a field condition came out as it did. */
export type ItemReason =
  | 'matched'
  | 'absent-field'
  | 'value-mismatch'
  | 'case-mismatch'
  | 'not-a-number'
  | 'not-an-ip'
  | 'not-a-timestamp'
  | 'negated';

export interface ValueExplanation {
  /** The rule value as written. */
  written: string | boolean | null;
  matched: boolean;
}

/** One `field|modifiers: values` item, or a keyword item (field null). */
export interface ItemExplanation {
  field: string | null;
  /** The field name looked up in the event, after the profile's renames. */
  eventField: string | null;
  modifiers: string[];
  present: boolean;
  /** The event's value (for keywords: undefined). */
  eventValue: unknown;
  values: ValueExplanation[];
  result: boolean;
  reason: ItemReason;
}

export interface SearchExplanation {
  name: string;
  result: boolean;
  items: ItemExplanation[];
}

export interface FilterExplanation {
  title: string;
  id?: string;
  result: boolean;
  searches: SearchExplanation[];
}

export interface RuleExplanation {
  matched: boolean;
  /** The logsource variant whose conditions the event met, e.g. "Sysmon EventID 3"; undefined when none did. */
  variant?: string;
  logsourceMatched: boolean;
  /** Logsource conditions checked for the variant tried (or the first variant). */
  logsourceConditions: Array<{ field: string; values: readonly string[]; eventValue: unknown; result: boolean }>;
  condition: string;
  conditionResult: boolean;
  searches: SearchExplanation[];
  filters: FilterExplanation[];
}
