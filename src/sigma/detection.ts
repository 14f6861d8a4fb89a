// Reads a `detection` section: search identifiers (maps, lists, keywords) and the condition.
import { parseCondition } from './condition/parser.ts';
import { SigmaError, type DiagnosticSink } from './diagnostics.ts';
import type { ConditionNode, Detection, DetectionItem, DetectionNode, ItemValue, SearchIdentifier } from './model.ts';
import { parseModifierChain, splitDetectionKey } from './modifiers.ts';
import { shiftSpan, type SourceSpan } from './span.ts';
import { buildValuePatterns, type PlaceholderValues } from './values.ts';

type YamlPath = Array<string | number>;

/** What reading a detection needs from its document. */
export interface DetectionContext {
  spanOf(path: ReadonlyArray<string | number>, key?: boolean): SourceSpan;
  report: DiagnosticSink;
  placeholders?: PlaceholderValues;
}

/** Keys of a detection map that are not search identifiers. */
const RESERVED_KEYS = new Set(['condition', 'timeframe']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | boolean | null {
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

/**
 * Reads the detection map found at `basePath` (`['detection']` for rules, `['filter']` for filters).
 * Returns undefined when an error makes the detection unusable; every error has been reported.
 */
export function readDetection(value: unknown, basePath: YamlPath, context: DetectionContext, ignoredKeys: readonly string[] = []): Detection | undefined {
  const span = context.spanOf(basePath);
  if (!isRecord(value)) {
    context.report({ code: value === undefined ? 'MISSING_FIELD' : 'INVALID_FIELD', severity: 'error', message: `'${basePath.join('.')}' must be a map of search identifiers and a condition`, span });
    return undefined;
  }

  let failed = false;
  const searches: SearchIdentifier[] = [];
  for (const [name, body] of Object.entries(value)) {
    if (RESERVED_KEYS.has(name) || ignoredKeys.includes(name)) continue;
    const path = [...basePath, name];
    try {
      searches.push({ name, body: readSearch(body, path, context), span: context.spanOf(path, true) });
    } catch (error) {
      if (!(error instanceof SigmaError)) throw error;
      context.report(error.toDiagnostic());
      failed = true;
    }
  }

  const conditionTexts = readConditionTexts(value['condition'], [...basePath, 'condition'], context);
  if (!conditionTexts) return undefined;
  // Searches that failed to load still count as names, so the condition reports no second error for them.
  const names = Object.keys(value).filter((name) => !RESERVED_KEYS.has(name) && !ignoredKeys.includes(name));
  const conditions: ConditionNode[] = [];
  for (const { text, span: textSpan } of conditionTexts) {
    try {
      conditions.push(parseCondition(text, textSpan, names));
    } catch (error) {
      if (!(error instanceof SigmaError)) throw error;
      context.report(error.toDiagnostic());
      failed = true;
    }
  }
  if (failed) return undefined;

  const condition: ConditionNode = conditions.length === 1 ? conditions[0]! : { kind: 'Or', operands: conditions, span: context.spanOf([...basePath, 'condition']) };
  const detection: Detection = { searches, condition, conditionTexts, span };
  if (typeof value['timeframe'] === 'string') detection.timeframe = value['timeframe'];
  return detection;
}

function readConditionTexts(value: unknown, path: YamlPath, context: DetectionContext): Detection['conditionTexts'] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (value === undefined || value === null || list.length === 0) {
    context.report({ code: 'MISSING_FIELD', severity: 'error', message: "missing 'condition'", span: context.spanOf(path.slice(0, -1)) });
    return undefined;
  }
  const texts: Detection['conditionTexts'] = [];
  for (const [index, item] of list.entries()) {
    const itemPath = Array.isArray(value) ? [...path, index] : path;
    if (typeof item !== 'string') {
      context.report({ code: 'INVALID_FIELD', severity: 'error', message: "'condition' must be a string or a list of strings", span: context.spanOf(itemPath) });
      return undefined;
    }
    texts.push({ text: item, span: conditionTextSpan(context.spanOf(itemPath), item) });
  }
  return texts;
}

/** Positions inside a quoted condition scalar start one column after the quote. */
function conditionTextSpan(scalarSpan: SourceSpan, text: string): SourceSpan {
  const width = (scalarSpan.endColumn ?? 0) - scalarSpan.column;
  const quoted = scalarSpan.endLine === scalarSpan.line && width === text.length + 2;
  return quoted ? shiftSpan(scalarSpan, 1) : scalarSpan;
}

/** Reads one search identifier: a map (AND), a list (OR) or keyword values. */
function readSearch(body: unknown, path: YamlPath, context: DetectionContext): DetectionNode {
  if (isRecord(body)) return readMap(body, path, context);
  if (Array.isArray(body)) {
    if (body.length === 0) throw new SigmaError('EMPTY_DETECTION', `search identifier '${path[path.length - 1]}' is an empty list`, context.spanOf(path));
    if (body.every(isScalar)) return readItem(null, [], body, path, context);
    const items = body.map((entry, index): DetectionNode => {
      const entryPath = [...path, index];
      if (isRecord(entry)) return readMap(entry, entryPath, context);
      if (isScalar(entry)) return readItem(null, [], [entry], entryPath, context);
      throw new SigmaError('INVALID_VALUE', 'a list inside a search identifier must hold maps or values, not lists', context.spanOf(entryPath));
    });
    return { kind: 'AnyOf', items, span: context.spanOf(path) };
  }
  if (body === null) throw new SigmaError('EMPTY_DETECTION', `search identifier '${path[path.length - 1]}' is empty`, context.spanOf(path, true));
  return readItem(null, [], [body], path, context);
}

function readMap(map: Record<string, unknown>, path: YamlPath, context: DetectionContext): DetectionNode {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new SigmaError('EMPTY_DETECTION', 'a search map must have at least one field', context.spanOf(path));
  const items = entries.map(([key, value]) => {
    const { field, modifiers } = splitDetectionKey(key);
    const values = Array.isArray(value) ? value : [value];
    return readItem(field, modifiers, values, [...path, key], context, Array.isArray(value));
  });
  return items.length === 1 ? items[0]! : { kind: 'AllOf', items, span: context.spanOf(path) };
}

function readItem(field: string | null, modifierNames: string[], rawValues: unknown[], path: YamlPath, context: DetectionContext, valueIsList = false): DetectionItem {
  const keySpan = field === null && modifierNames.length === 0 ? context.spanOf(path) : context.spanOf(path, true);
  const modifiers = parseModifierChain(modifierNames, field === null, keySpan);
  if (rawValues.length === 0) throw new SigmaError('INVALID_VALUE', 'the value list is empty', context.spanOf(path));

  const values: ItemValue[] = rawValues.map((raw, index) => {
    const valuePath = valueIsList ? [...path, index] : path;
    const span = context.spanOf(valuePath);
    if (!isScalar(raw)) throw new SigmaError('INVALID_VALUE', 'a value must be a string, number, boolean or null, not a list or map', span);
    const patterns = buildValuePatterns(raw, { chain: modifiers, isKeyword: field === null, span, ...(context.placeholders ? { placeholders: context.placeholders } : {}) });
    for (const pattern of patterns) {
      if (pattern.kind === 'Placeholder') {
        context.report({ code: 'UNRESOLVED_PLACEHOLDER', severity: 'warning', message: `placeholder '%${pattern.name}%' has no values; the rule cannot run until they are given (--placeholders FILE)`, span });
      }
    }
    return { written: raw, patterns, span };
  });
  if (modifiers.negated && values.some((value) => value.written === null)) {
    throw new SigmaError('INVALID_MODIFIER_VALUE', "'neq' cannot be used with null", keySpan);
  }
  return { kind: 'Item', field, modifiers, values, span: keySpan };
}
