// The reference evaluator: walks the rule model directly for one event and can record why.
// It is the definition the compiled matcher is tested against, and the source of explanations.
import {
  printCondition,
  type ConditionNode,
  type Detection,
  type DetectionItem,
  type DetectionNode,
  type SigmaFilter,
  type SigmaRule,
  type ValuePattern,
} from '../../sigma/index.ts';
import { collectLeafValues, valueDate, valueNumber, valueText } from '../event-values.ts';
import type { FilterExplanation, ItemExplanation, ItemReason, RuleExplanation, SearchExplanation } from '../explanation.ts';
import type { EngineProfile, LogsourceVariant } from '../profile.ts';
import { matchesSigmaString, referencePatternMatches } from './patterns.ts';

type Event = Readonly<Record<string, unknown>>;

interface Scope {
  event: Event;
  profile: EngineProfile;
  variant: LogsourceVariant;
  trace?: ItemExplanation[];
}

function lookup(scope: Scope, field: string): unknown {
  const eventField = scope.variant.fieldMap[field] ?? field;
  return scope.profile.fieldAccessor(eventField)(scope.event);
}

function valueMatches(patterns: readonly ValuePattern[], scope: Scope, fieldValue: unknown, leaves: unknown[] | undefined): boolean {
  const fieldLookup = (field: string): unknown => lookup(scope, field);
  return patterns.some((pattern) =>
    leaves ? leaves.some((leaf) => referencePatternMatches(pattern, leaf, fieldLookup)) : referencePatternMatches(pattern, fieldValue, fieldLookup),
  );
}

function evaluateItem(item: DetectionItem, scope: Scope): boolean {
  const leaves = item.field === null ? collectLeafValues(scope.event, []) : undefined;
  const fieldValue = item.field === null ? undefined : lookup(scope, item.field);
  const results = item.values.map((value) => valueMatches(value.patterns, scope, fieldValue, leaves));
  let result = item.modifiers.all ? results.every(Boolean) : results.some(Boolean);
  const present = fieldValue !== undefined;
  if (item.modifiers.negated) result = present && !result;

  if (scope.trace) {
    scope.trace.push({
      field: item.field,
      eventField: item.field === null ? null : (scope.variant.fieldMap[item.field] ?? item.field),
      modifiers: item.modifiers.written,
      present: item.field === null || present,
      eventValue: fieldValue,
      values: item.values.map((value, index) => ({ written: value.written, matched: results[index]! })),
      result,
      reason: itemReason(item, fieldValue, result),
    });
  }
  return result;
}

/** The most useful reason for a field condition's result. */
function itemReason(item: DetectionItem, fieldValue: unknown, result: boolean): ItemReason {
  if (result) return 'matched';
  if (item.modifiers.negated) return fieldValue === undefined ? 'absent-field' : 'negated';
  const checksPresence = item.values.some((value) => value.patterns.some((pattern) => pattern.kind === 'Null' || pattern.kind === 'Exists'));
  if (item.field !== null && fieldValue === undefined && !checksPresence) return 'absent-field';
  if (item.modifiers.compare && valueNumber(fieldValue) === undefined) return 'not-a-number';
  if (item.modifiers.cidr) return 'not-an-ip';
  if (item.modifiers.timePart && valueDate(fieldValue) === undefined) return 'not-a-timestamp';
  if (item.modifiers.cased) {
    const text = valueText(fieldValue);
    const caseless = item.values.some((value) => value.patterns.some((pattern) => pattern.kind === 'String' && text !== undefined && matchesSigmaString(pattern.parts, false, text)));
    if (caseless) return 'case-mismatch';
  }
  return 'value-mismatch';
}

function evaluateNode(node: DetectionNode, scope: Scope): boolean {
  switch (node.kind) {
    case 'Item':
      return evaluateItem(node, scope);
    case 'AllOf':
      // Every item is evaluated (no short cut) so that explanations are complete.
      return node.items.map((item) => evaluateNode(item, scope)).every(Boolean);
    case 'AnyOf':
      return node.items.map((item) => evaluateNode(item, scope)).some(Boolean);
  }
}

function evaluateCondition(node: ConditionNode, results: ReadonlyMap<string, boolean>): boolean {
  switch (node.kind) {
    case 'Identifier':
      return results.get(node.name) ?? false;
    case 'And':
      return node.operands.every((operand) => evaluateCondition(operand, results));
    case 'Or':
      return node.operands.some((operand) => evaluateCondition(operand, results));
    case 'Not':
      return !evaluateCondition(node.operand, results);
    case 'Of':
      return node.quantifier === 'all'
        ? node.identifiers.every((name) => results.get(name) ?? false)
        : node.identifiers.some((name) => results.get(name) ?? false);
  }
}

function evaluateDetection(detection: Detection, scope: Scope, explain: boolean): { result: boolean; searches: SearchExplanation[] } {
  const results = new Map<string, boolean>();
  const searches: SearchExplanation[] = [];
  for (const search of detection.searches) {
    const trace: ItemExplanation[] = [];
    const result = evaluateNode(search.body, explain ? { ...scope, trace } : scope);
    results.set(search.name, result);
    if (explain) searches.push({ name: search.name, result, items: trace });
  }
  return { result: evaluateCondition(detection.condition, results), searches };
}

function variantConditions(variant: LogsourceVariant, event: Event, profile: EngineProfile): RuleExplanation['logsourceConditions'] {
  return variant.conditions.map((condition) => {
    const eventValue = profile.fieldAccessor(condition.field)(event);
    const values = Array.isArray(eventValue) ? eventValue : [eventValue];
    const result = values.some((value) => {
      const text = valueText(value)?.toLowerCase();
      return text !== undefined && condition.values.some((accepted) => accepted.toLowerCase() === text);
    });
    return { field: condition.field, values: condition.values, eventValue, result };
  });
}

/**
 * Explains a rule on an event: the logsource check, each search identifier and field
 * condition, the condition, and each filter. `filters` are the ones that apply to the rule.
 */
export function explainRule(rule: SigmaRule, event: Event, profile: EngineProfile, filters: readonly SigmaFilter[] = []): RuleExplanation {
  const variants = profile.logsourceVariants(rule.logsource);
  const checked = variants.map((variant) => ({ variant, conditions: variantConditions(variant, event, profile) }));
  const chosen = checked.find((entry) => entry.conditions.every((condition) => condition.result)) ?? checked[0];
  const condition = rule.detection.conditionTexts.map((entry) => entry.text).join(' or ') || printCondition(rule.detection.condition);

  if (!chosen) {
    return { matched: false, logsourceMatched: false, logsourceConditions: [], condition, conditionResult: false, searches: [], filters: [] };
  }
  const logsourceMatched = chosen.conditions.every((entry) => entry.result);
  const scope: Scope = { event, profile, variant: chosen.variant };
  const detection = evaluateDetection(rule.detection, scope, true);
  const filterResults: FilterExplanation[] = filters.map((filter) => {
    const evaluated = evaluateDetection(filter.detection, scope, true);
    const explanation: FilterExplanation = { title: filter.title, result: evaluated.result, searches: evaluated.searches };
    if (filter.id !== undefined) explanation.id = filter.id;
    return explanation;
  });
  const matched = logsourceMatched && detection.result && filterResults.every((filter) => filter.result);

  return {
    matched,
    variant: logsourceMatched ? chosen.variant.label : undefined,
    logsourceMatched,
    logsourceConditions: chosen.conditions,
    condition,
    conditionResult: detection.result,
    searches: detection.searches,
    filters: filterResults,
  } as RuleExplanation;
}

/** True when the rule fires on the event: some logsource variant holds, the condition holds, and every filter holds. */
export function evaluateRule(rule: SigmaRule, event: Event, profile: EngineProfile, filters: readonly SigmaFilter[] = []): boolean {
  for (const variant of profile.logsourceVariants(rule.logsource)) {
    if (!variantConditions(variant, event, profile).every((condition) => condition.result)) continue;
    const scope: Scope = { event, profile, variant };
    if (!evaluateDetection(rule.detection, scope, false).result) continue;
    if (filters.every((filter) => evaluateDetection(filter.detection, scope, false).result)) return true;
  }
  return false;
}
