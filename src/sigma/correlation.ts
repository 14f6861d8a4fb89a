// Correlation documents: the `correlation:` section of a Sigma meta-rule turned into the model.
// The loader calls `parseCorrelation` for every document with a `correlation` key; references
// between documents are checked afterwards by `resolveCorrelations` (correlation-resolve.ts).
import { SigmaError, type DiagnosticCode, type DiagnosticSink, type Severity } from './diagnostics.ts';
import { parseCorrelationExpression } from './correlation-expression.ts';
import { parseTimespan } from './correlation-timespan.ts';
import type {
  Correlation,
  CorrelationType,
  ExpressionCondition,
  RuleMetadata,
  RuleReference,
  SigmaCorrelation,
  ThresholdCondition,
  ThresholdOperator,
} from './model.ts';
import type { SourceSpan } from './span.ts';

export const CORRELATION_TYPES: readonly CorrelationType[] = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
  'value_median',
];

export const THRESHOLD_OPERATORS: readonly ThresholdOperator[] = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'];

const CORRELATION_KEYS = new Set(['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate']);

/** Correlation types whose condition aggregates the values of one field. */
const NUMERIC_TYPES = new Set<CorrelationType>(['value_sum', 'value_avg', 'value_percentile', 'value_median']);

export function isTemporalType(type: CorrelationType): boolean {
  return type === 'temporal' || type === 'temporal_ordered';
}

/** Span of the node at `path`; with `key`, of the map key that leads to it (the loader's `spanOf` accepts both). */
type SpanOf = (path: Array<string | number>, key?: boolean) => SourceSpan;

/** Reports diagnostics for one document and remembers whether any of them was an error. */
class Reporter {
  failed = false;
  readonly spanOf: SpanOf;
  readonly #sink: DiagnosticSink;

  constructor(spanOf: SpanOf, sink: DiagnosticSink) {
    this.spanOf = spanOf;
    this.#sink = sink;
  }

  add(code: DiagnosticCode, message: string, path: Array<string | number>, severity: Severity = 'error'): void {
    this.addAt(code, message, this.spanOf(path), severity);
  }

  /** Reports at the key of `path` rather than its value, for keys that should not be there. */
  addAtKey(code: DiagnosticCode, message: string, path: Array<string | number>, severity: Severity = 'error'): void {
    this.addAt(code, message, this.spanOf(path, true), severity);
  }

  addAt(code: DiagnosticCode, message: string, span: SourceSpan, severity: Severity = 'error'): void {
    if (severity === 'error') this.failed = true;
    this.#sink({ code, severity, message, span });
  }
}

/**
 * Builds a correlation rule from a YAML document already converted to plain values.
 * Every problem goes to `report` with its position. The result is undefined when any of them
 * is an error, so that the other documents still load.
 *
 * @example
 *   const correlation = parseCorrelation(doc.toJS(), metadata, (path) => spanOfNode(doc, path), sink);
 */
export function parseCorrelation(
  doc: Record<string, unknown>,
  metadata: RuleMetadata,
  spanOf: SpanOf,
  report: DiagnosticSink,
): SigmaCorrelation | undefined {
  const reporter = new Reporter(spanOf, report);
  const section = doc['correlation'];
  if (!isRecord(section)) {
    reporter.add('INVALID_CORRELATION', 'the correlation section must be a mapping with type, rules, timespan and condition', ['correlation']);
    return undefined;
  }

  for (const key of Object.keys(section)) {
    if (!CORRELATION_KEYS.has(key)) {
      reporter.addAtKey('INVALID_CORRELATION', `unknown key '${key}' in the correlation section; it is ignored`, ['correlation', key], 'warning');
    }
  }

  const type = parseType(section, reporter);
  const rules = parseRules(section, reporter);
  const groupBy = parseGroupBy(section, reporter);
  const timespan = parseTimespanKey(section, reporter);
  const aliases = parseAliases(section, reporter);
  const generate = parseGenerate(doc, section, reporter);
  const condition = type === undefined ? undefined : parseConditionKey(section, type, rules, reporter);

  if (reporter.failed || type === undefined || timespan === undefined) return undefined;
  const correlation: Correlation = {
    type,
    rules,
    groupBy,
    timespan,
    aliases: aliases.aliases,
    aliasReferences: aliases.references,
    generate,
    span: spanOf(['correlation']),
  };
  if (condition !== undefined) correlation.condition = condition;
  return { ...metadata, kind: 'correlation', correlation };
}

function parseType(section: Record<string, unknown>, reporter: Reporter): CorrelationType | undefined {
  const type = section['type'];
  if (type === undefined) {
    reporter.add('MISSING_FIELD', `the correlation has no type; use one of ${CORRELATION_TYPES.join(', ')}`, ['correlation']);
    return undefined;
  }
  if (typeof type !== 'string' || !(CORRELATION_TYPES as readonly string[]).includes(type)) {
    reporter.add('INVALID_CORRELATION', `unknown correlation type '${String(type)}'; use one of ${CORRELATION_TYPES.join(', ')}`, ['correlation', 'type']);
    return undefined;
  }
  return type as CorrelationType;
}

function parseRules(section: Record<string, unknown>, reporter: Reporter): RuleReference[] {
  const value = section['rules'];
  if (value === undefined) {
    reporter.add('MISSING_FIELD', 'the correlation has no rules; list the ids or names of the rules it correlates', ['correlation']);
    return [];
  }
  const items = typeof value === 'string' ? [{ item: value as unknown, path: ['correlation', 'rules'] as Array<string | number> }]
    : Array.isArray(value) ? value.map((item, index) => ({ item: item as unknown, path: ['correlation', 'rules', index] }))
    : undefined;
  if (items === undefined || items.length === 0) {
    reporter.add('INVALID_CORRELATION', 'the correlation rules must be a rule id or name, or a non-empty list of them', ['correlation', 'rules']);
    return [];
  }

  const references: RuleReference[] = [];
  for (const { item, path } of items) {
    if (typeof item !== 'string' || item === '') {
      reporter.add('INVALID_CORRELATION', 'a rule reference must be a rule id or name', path);
    } else if (references.some((reference) => reference.reference === item)) {
      reporter.add('INVALID_CORRELATION', `rule '${item}' is listed twice; the second entry is ignored`, path, 'warning');
    } else {
      references.push({ reference: item, span: reporter.spanOf(path) });
    }
  }
  return references;
}

function parseGroupBy(section: Record<string, unknown>, reporter: Reporter): string[] {
  const value = section['group-by'];
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (list === undefined) {
    reporter.add('INVALID_CORRELATION', 'group-by must be a field name or a list of field names', ['correlation', 'group-by']);
    return [];
  }
  const fields: string[] = [];
  list.forEach((field: unknown, index) => {
    const path = ['correlation', 'group-by', index];
    if (typeof field !== 'string' || field === '') reporter.add('INVALID_CORRELATION', 'a group-by entry must be a field name', path);
    else if (fields.includes(field)) reporter.add('INVALID_CORRELATION', `group-by lists '${field}' twice`, path, 'warning');
    else fields.push(field);
  });
  return fields;
}

function parseTimespanKey(section: Record<string, unknown>, reporter: Reporter): Correlation['timespan'] | undefined {
  const value = section['timespan'];
  const span = reporter.spanOf(['correlation', 'timespan']);
  if (value === undefined) {
    reporter.add('MISSING_FIELD', 'the correlation has no timespan; write a number and a unit, e.g. 5m', ['correlation']);
    return undefined;
  }
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  if (text === undefined) {
    reporter.addAt('INVALID_TIMESPAN', 'the timespan must be a number and a unit, e.g. 5m', span);
    return undefined;
  }
  try {
    return { text, seconds: parseTimespan(text, span), span };
  } catch (error) {
    if (!(error instanceof SigmaError)) throw error;
    reporter.addAt(error.code, error.message, error.span, error.severity);
    return undefined;
  }
}

function parseAliases(
  section: Record<string, unknown>,
  reporter: Reporter,
): { aliases: Record<string, Record<string, string>>; references: RuleReference[] } {
  const aliases: Record<string, Record<string, string>> = {};
  const references: RuleReference[] = [];
  const value = section['aliases'];
  if (value === undefined || value === null) return { aliases, references };
  if (!isRecord(value)) {
    reporter.add('INVALID_CORRELATION', 'aliases must map each alias to a mapping of rule name to field name', ['correlation', 'aliases']);
    return { aliases, references };
  }

  for (const [alias, mapping] of Object.entries(value)) {
    if (!isRecord(mapping)) {
      reporter.add('INVALID_CORRELATION', `alias '${alias}' must map rule names to field names`, ['correlation', 'aliases', alias]);
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [rule, field] of Object.entries(mapping)) {
      const path = ['correlation', 'aliases', alias, rule];
      if (typeof field !== 'string' || field === '') {
        reporter.add('INVALID_CORRELATION', `alias '${alias}' must give a field name for rule '${rule}'`, path);
        continue;
      }
      fields[rule] = field;
      references.push({ reference: rule, span: reporter.spanOf(path) });
    }
    aliases[alias] = fields;
  }
  return { aliases, references };
}

/** Reads `generate` from the correlation section (pySigma, sigmahq.io) or the top level (the JSON schema). */
function parseGenerate(doc: Record<string, unknown>, section: Record<string, unknown>, reporter: Reporter): boolean {
  const readAt = (value: unknown, path: string[]): boolean | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    reporter.add('INVALID_CORRELATION', 'generate must be true or false', path);
    return undefined;
  };
  const inner = readAt(section['generate'], ['correlation', 'generate']);
  const outer = readAt(doc['generate'], ['generate']);
  if (inner !== undefined && outer !== undefined && inner !== outer) {
    reporter.addAtKey('INVALID_CORRELATION', `generate is ${outer} at the top level but ${inner} in the correlation section; the correlation section wins`, ['generate'], 'warning');
  }
  return inner ?? outer ?? false;
}

function parseConditionKey(
  section: Record<string, unknown>,
  type: CorrelationType,
  rules: readonly RuleReference[],
  reporter: Reporter,
): ThresholdCondition | ExpressionCondition | undefined {
  const value = section['condition'];
  const path = ['correlation', 'condition'];
  if (value === undefined || value === null) {
    // Temporal types without a condition require every listed rule, which the engine applies.
    if (!isTemporalType(type)) reporter.add('MISSING_FIELD', `a ${type} correlation needs a condition, e.g. 'condition: {gte: 10}'`, ['correlation']);
    return undefined;
  }
  if (typeof value === 'string') {
    if (!isTemporalType(type)) {
      reporter.add('INVALID_CORRELATION', `a condition expression is allowed only for temporal and temporal_ordered correlations; a ${type} correlation needs a threshold such as 'gte: 10'`, path);
      return undefined;
    }
    return parseCorrelationExpression(value, reporter.spanOf(path), rules, (error) => reporter.addAt(error.code, error.message, error.span, error.severity));
  }
  if (!isRecord(value)) {
    reporter.add('INVALID_CORRELATION', 'the condition must be a mapping such as {gte: 10}, or a boolean expression over rule names for temporal types', path);
    return undefined;
  }
  return parseThreshold(value, type, reporter);
}

function parseThreshold(value: Record<string, unknown>, type: CorrelationType, reporter: Reporter): ThresholdCondition | undefined {
  const conditionPath = ['correlation', 'condition'];
  const bounds: ThresholdCondition['bounds'] = [];
  let fields: string[] = [];
  let percentile: number | undefined;
  let operators = 0;

  for (const [key, item] of Object.entries(value)) {
    const path = [...conditionPath, key];
    if ((THRESHOLD_OPERATORS as readonly string[]).includes(key)) {
      operators++;
      const number = parseNumberText(item);
      if (number === undefined) reporter.add('INVALID_CORRELATION', `the value of ${key} must be a number, not '${String(item)}'`, path);
      else bounds.push({ operator: key as ThresholdOperator, value: number });
    } else if (key === 'field') {
      fields = parseFieldList(item, path, reporter);
    } else if (key === 'percentile') {
      percentile = parseNumberText(item);
      if (percentile === undefined || percentile < 0 || percentile > 100) {
        reporter.add('INVALID_CORRELATION', `percentile must be a number from 0 to 100, not '${String(item)}'`, path);
      }
    } else {
      reporter.addAtKey('INVALID_CORRELATION', `unknown key '${key}' in the condition; use ${THRESHOLD_OPERATORS.join(', ')}, field or percentile`, path);
    }
  }

  if (operators === 0) {
    reporter.add('INVALID_CORRELATION', `the condition needs an operator: one of ${THRESHOLD_OPERATORS.join(', ')}, or two of them for a range`, conditionPath);
  }
  checkFieldUse(type, fields, reporter);
  checkPercentileUse(type, percentile, value['percentile'] !== undefined, reporter);
  if (reporter.failed) return undefined;

  const condition: ThresholdCondition = { kind: 'Threshold', bounds, fields, span: reporter.spanOf(conditionPath) };
  if (type === 'value_median') condition.percentile = 50;
  else if (percentile !== undefined) condition.percentile = percentile;
  return condition;
}

function parseFieldList(item: unknown, path: Array<string | number>, reporter: Reporter): string[] {
  const list = typeof item === 'string' ? [item] : Array.isArray(item) ? item : undefined;
  if (list === undefined || list.length === 0 || list.some((field) => typeof field !== 'string' || field === '')) {
    reporter.add('INVALID_CORRELATION', 'field must be a field name or a list of field names', path);
    return [];
  }
  return list as string[];
}

function checkFieldUse(type: CorrelationType, fields: readonly string[], reporter: Reporter): void {
  const path = ['correlation', 'condition'];
  if (type === 'value_count' && fields.length === 0) {
    reporter.add('MISSING_FIELD', 'a value_count condition needs field: the field whose distinct values are counted', path);
  } else if (NUMERIC_TYPES.has(type) && fields.length !== 1) {
    reporter.add(fields.length === 0 ? 'MISSING_FIELD' : 'INVALID_CORRELATION', `a ${type} condition needs exactly one field: the numeric field it aggregates`, path);
  } else if ((type === 'event_count' || isTemporalType(type)) && fields.length > 0) {
    reporter.addAtKey('INVALID_CORRELATION', `field has no meaning in a ${type} condition and is ignored`, [...path, 'field'], 'warning');
  }
}

function checkPercentileUse(type: CorrelationType, percentile: number | undefined, written: boolean, reporter: Reporter): void {
  const path = ['correlation', 'condition'];
  if (type === 'value_percentile' && !written) {
    reporter.add('MISSING_FIELD', 'a value_percentile condition needs percentile: the rank from 0 to 100', path);
  } else if (type === 'value_median' && written && percentile !== 50) {
    reporter.add('INVALID_CORRELATION', 'a value_median condition is the 50th percentile; remove percentile or use value_percentile', [...path, 'percentile']);
  } else if (type !== 'value_percentile' && type !== 'value_median' && written) {
    reporter.addAtKey('INVALID_CORRELATION', `percentile has no meaning in a ${type} condition and is ignored`, [...path, 'percentile'], 'warning');
  }
}

/** Reads a threshold number. YAML numbers reach the loader as text, so both forms are accepted. */
function parseNumberText(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
