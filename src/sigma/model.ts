// The Sigma rule model: what the loader builds from YAML and every other module reads.
// Nodes are plain immutable data; each carries the span it came from.
import type { Diagnostic } from './diagnostics.ts';
import type { SourceSpan } from './span.ts';

export type RuleLevel = 'informational' | 'low' | 'medium' | 'high' | 'critical';
export type RuleStatus = 'stable' | 'test' | 'experimental' | 'deprecated' | 'unsupported';
export const RULE_LEVELS: readonly RuleLevel[] = ['informational', 'low', 'medium', 'high', 'critical'];
export const RULE_STATUSES: readonly RuleStatus[] = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'];

/** Origin of a rule, filter or correlation document. */
export interface DocumentOrigin {
  file: string;
  /** 0-based index of the YAML document in its file. */
  documentIndex: number;
  span: SourceSpan;
  /** The YAML text of this document as written. */
  text: string;
}

export interface Logsource {
  category?: string;
  product?: string;
  service?: string;
  definition?: string;
  /** Any other keys of the logsource map, kept as written. */
  custom: Record<string, unknown>;
  span: SourceSpan;
}

export interface RelatedRule {
  id: string;
  type: string;
}

/** Metadata shared by rules, filters and correlations (fields a document may lack stay undefined or empty). */
export interface RuleMetadata {
  title: string;
  id?: string;
  name?: string;
  related: RelatedRule[];
  taxonomy?: string;
  status?: RuleStatus;
  description?: string;
  license?: string;
  author?: string;
  references: string[];
  date?: string;
  modified?: string;
  fields: string[];
  falsepositives: string[];
  level?: RuleLevel;
  tags: string[];
  scope: string[];
  /** Top-level keys that are not part of the specification, kept as plain values. */
  custom: Record<string, unknown>;
  origin: DocumentOrigin;
}

/** A detection rule. */
export interface SigmaRule extends RuleMetadata {
  kind: 'rule';
  logsource: Logsource;
  detection: Detection;
}

/** A Sigma filter document: a condition AND-ed onto the rules it names. */
export interface SigmaFilter extends RuleMetadata {
  kind: 'filter';
  logsource: Logsource;
  /** Rule ids or names; empty means every rule whose logsource falls within the filter's. */
  rules: string[];
  detection: Detection;
}

export type CorrelationType =
  | 'event_count'
  | 'value_count'
  | 'temporal'
  | 'temporal_ordered'
  | 'value_sum'
  | 'value_avg'
  | 'value_percentile'
  | 'value_median';

export type ThresholdOperator = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';

/** A reference from a correlation to a rule or correlation by id or name. */
export interface RuleReference {
  reference: string;
  span: SourceSpan;
}

/** A numeric correlation condition such as `gte: 10`, possibly two bounds. */
export interface ThresholdCondition {
  kind: 'Threshold';
  bounds: Array<{ operator: ThresholdOperator; value: number }>;
  /** Fields that `value_*` correlations aggregate (`field:`). */
  fields: string[];
  /** Percentile rank for `value_percentile`, 0-100. */
  percentile?: number;
  span: SourceSpan;
}

/** The extended boolean condition of temporal correlations, e.g. `a and not b`. */
export interface ExpressionCondition {
  kind: 'Expression';
  expression: ConditionNode;
  text: string;
  span: SourceSpan;
}

export interface Correlation {
  type: CorrelationType;
  rules: RuleReference[];
  groupBy: string[];
  timespan: { text: string; seconds: number; span: SourceSpan };
  condition?: ThresholdCondition | ExpressionCondition;
  /** alias → (rule id or name → field in that rule's events). */
  aliases: Record<string, Record<string, string>>;
  /** The rule keys of `aliases` with their spans, so that resolution can point at an unknown one. */
  aliasReferences: RuleReference[];
  generate: boolean;
  span: SourceSpan;
}

/** A correlation rule document. */
export interface SigmaCorrelation extends RuleMetadata {
  kind: 'correlation';
  correlation: Correlation;
}

export type SigmaDocument = SigmaRule | SigmaFilter | SigmaCorrelation;

// ---------------------------------------------------------------------------
// Detection

export interface Detection {
  /** Search identifiers in document order. */
  searches: SearchIdentifier[];
  /** The condition; a list of conditions is OR-ed into one tree. */
  condition: ConditionNode;
  /** Each condition string as written, with its span. */
  conditionTexts: Array<{ text: string; span: SourceSpan }>;
  /** The deprecated `timeframe` key, kept as written. */
  timeframe?: string;
  span: SourceSpan;
}

export interface SearchIdentifier {
  name: string;
  body: DetectionNode;
  span: SourceSpan;
}

/** A map (all items AND-ed), a list (items OR-ed), or one field/keyword item. */
export type DetectionNode = DetectionAllOf | DetectionAnyOf | DetectionItem;

export interface DetectionAllOf {
  kind: 'AllOf';
  items: DetectionNode[];
  span: SourceSpan;
}

export interface DetectionAnyOf {
  kind: 'AnyOf';
  items: DetectionNode[];
  span: SourceSpan;
}

/** `field|modifiers: values`, or a keyword item when `field` is null. */
export interface DetectionItem {
  kind: 'Item';
  field: string | null;
  modifiers: ModifierChain;
  values: ItemValue[];
  span: SourceSpan;
}

/** One value as written in the rule and the patterns its modifiers turned it into (OR-ed). */
export interface ItemValue {
  written: string | boolean | null;
  patterns: ValuePattern[];
  span: SourceSpan;
}

export type MatchKind = 'equals' | 'contains' | 'startswith' | 'endswith';
export type Encoding = 'base64' | 'base64offset' | 'utf16le' | 'utf16be' | 'utf16' | 'windash';
export type TimePart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export type CompareOperator = 'lt' | 'lte' | 'gt' | 'gte';

/** The modifier chain of a detection item, checked and turned into a record at load time. */
export interface ModifierChain {
  /** Modifier names as written, in order. */
  written: string[];
  /** Match kind of string values: equality, containment, prefix or suffix. */
  match: MatchKind;
  /** Values are AND-ed instead of OR-ed. */
  all: boolean;
  cased: boolean;
  /** `neq`: the item is true when the field is present and no value matches. */
  negated: boolean;
  /** Value transformations in the order written. */
  encodings: Encoding[];
  regex?: { ignoreCase: boolean; multiline: boolean; dotAll: boolean };
  cidr: boolean;
  compare?: CompareOperator;
  exists: boolean;
  timePart?: TimePart;
  expand: boolean;
  fieldref: boolean;
}

export type ValuePattern =
  | StringPattern
  | RegexPattern
  | CidrPattern
  | ComparePattern
  | ExistsPattern
  | NullPattern
  | FieldRefPattern
  | TimePartPattern
  | PlaceholderPattern;

/** A piece of a Sigma string: literal text or a wildcard. */
export type StringPart = { kind: 'Text'; text: string } | { kind: 'AnyChars' } | { kind: 'OneChar' };

/** A full-value match with `*` and `?` wildcards; `contains` and friends are already wildcards here. */
export interface StringPattern {
  kind: 'String';
  parts: StringPart[];
  cased: boolean;
}

export interface RegexPattern {
  kind: 'Regex';
  source: string;
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

export interface CidrPattern {
  kind: 'Cidr';
  text: string;
  version: 4 | 6;
  /** Network address bytes (4 or 16), host bits cleared. */
  network: number[];
  prefixLength: number;
}

export interface ComparePattern {
  kind: 'Compare';
  operator: CompareOperator;
  value: number;
  text: string;
}

export interface ExistsPattern {
  kind: 'Exists';
  present: boolean;
}

/** `field: null`: the field is absent or null. */
export interface NullPattern {
  kind: 'Null';
}

/** `fieldref`: compare with another field of the same event. */
export interface FieldRefPattern {
  kind: 'FieldRef';
  field: string;
  match: MatchKind;
  cased: boolean;
}

/** A time modifier: extract a part of a timestamp, then compare it. */
export interface TimePartPattern {
  kind: 'TimePart';
  part: TimePart;
  inner: StringPattern | ComparePattern;
}

/** An `expand` placeholder whose values were not given; such a rule cannot be evaluated. */
export interface PlaceholderPattern {
  kind: 'Placeholder';
  name: string;
}

// ---------------------------------------------------------------------------
// Condition

export type ConditionNode = ConditionIdentifier | ConditionAnd | ConditionOr | ConditionNot | ConditionOf;

export interface ConditionIdentifier {
  kind: 'Identifier';
  name: string;
  span: SourceSpan;
}

export interface ConditionAnd {
  kind: 'And';
  operands: ConditionNode[];
  span: SourceSpan;
}

export interface ConditionOr {
  kind: 'Or';
  operands: ConditionNode[];
  span: SourceSpan;
}

export interface ConditionNot {
  kind: 'Not';
  operand: ConditionNode;
  span: SourceSpan;
}

/** `1 of pattern`, `all of pattern`, `1 of them`, `all of them`. */
export interface ConditionOf {
  kind: 'Of';
  quantifier: 'one' | 'all';
  /** `them` or a pattern such as `selection_*`. */
  pattern: string;
  /** The search identifiers the pattern names, in document order. */
  identifiers: string[];
  span: SourceSpan;
}

/** Everything loaded from a set of files. */
export interface RuleCollection {
  rules: SigmaRule[];
  filters: SigmaFilter[];
  correlations: SigmaCorrelation[];
  diagnostics: Diagnostic[];
}

/** Throws for an unexpected variant; used as the default of exhaustive switches. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected variant: ${JSON.stringify(value)}`);
}
