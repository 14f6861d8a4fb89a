// Turns a rule into a query tree: conditions, search identifiers and detection items become
// AND/OR/NOT over field tests; the logsource variants of the profile wrap the detection.
import {
  assertNever,
  type ConditionNode,
  type DetectionItem,
  type DetectionNode,
  type SigmaRule,
  type ValuePattern,
} from '../sigma/model.ts';
import { BackendUnsupportedError } from './errors.ts';
import type { BackendProfile, LogsourceVariant } from './profile.ts';
import { and, isValueTest, not, or, type FieldRef, type QueryNode, type ValueTest } from './query.ts';
import type { TargetName } from './target-names.ts';

interface BuildContext {
  rule: SigmaRule;
  profile: BackendProfile;
  fieldMap: Record<string, string>;
  target: TargetName;
}

/** Builds the query tree of a rule: (variant conditions AND detection) OR-ed over the variants. */
export function buildQuery(rule: SigmaRule, profile: BackendProfile, target: TargetName): QueryNode {
  const variants = profile.logsourceVariants(rule.logsource);
  if (variants.length === 0) {
    throw new BackendUnsupportedError(target, 'logsource', `profile ${profile.name} has no events for this logsource`);
  }
  return or(variants.map((variant) => buildVariant(rule, profile, variant, target)));
}

function buildVariant(
  rule: SigmaRule,
  profile: BackendProfile,
  variant: LogsourceVariant,
  target: TargetName,
): QueryNode {
  const context: BuildContext = { rule, profile, fieldMap: variant.fieldMap, target };
  const conditions = variant.conditions.map(({ field, values }) =>
    or(
      values.map((value) => ({
        kind: 'Field' as const,
        field: resolveField(context, field, false),
        test: { kind: 'String' as const, parts: [{ kind: 'Text' as const, text: value }], cased: false },
      })),
    ),
  );
  return and([...conditions, buildDetection(context)]);
}

function buildDetection(context: BuildContext): QueryNode {
  return buildCondition(context, context.rule.detection.condition);
}

function buildCondition(context: BuildContext, node: ConditionNode): QueryNode {
  switch (node.kind) {
    case 'And':
      return and(node.operands.map((operand) => buildCondition(context, operand)));
    case 'Or':
      return or(node.operands.map((operand) => buildCondition(context, operand)));
    case 'Not':
      return not(buildCondition(context, node.operand));
    case 'Identifier':
      return buildSearch(context, node.name);
    case 'Of': {
      const searches = node.identifiers.map((name) => buildSearch(context, name));
      return node.quantifier === 'all' ? and(searches) : or(searches);
    }
    default:
      return assertNever(node);
  }
}

function buildSearch(context: BuildContext, name: string): QueryNode {
  const search = context.rule.detection.searches.find((candidate) => candidate.name === name);
  // The loader rejects unknown identifiers, so this only guards hand-built rules.
  if (search === undefined) throw new Error(`Search identifier ${name} is not defined`);
  return buildDetectionNode(context, search.body);
}

function buildDetectionNode(context: BuildContext, node: DetectionNode): QueryNode {
  switch (node.kind) {
    case 'AllOf':
      return and(node.items.map((item) => buildDetectionNode(context, item)));
    case 'AnyOf':
      return or(node.items.map((item) => buildDetectionNode(context, item)));
    case 'Item':
      return buildItem(context, node);
    default:
      return assertNever(node);
  }
}

function buildItem(context: BuildContext, item: DetectionItem): QueryNode {
  const grouped = groupValueTests(context, item);
  if (grouped !== undefined) return grouped;
  const values = item.values.map((value) =>
    or(value.patterns.map((pattern) => buildPattern(context, item, pattern))),
  );
  const combined = item.modifiers.all ? and(values) : or(values);
  if (!item.modifiers.negated) return combined;
  if (item.field === null) throw unsupported(context, 'neq', 'neq needs a field');
  // `neq`: the field is present and no value matches.
  const present: QueryNode = {
    kind: 'Field',
    field: resolveField(context, item.field, true),
    test: { kind: 'Exists', present: true },
  };
  return and([present, not(combined)]);
}

// An item whose values are OR-ed value tests on one field becomes one FieldAny node.
function groupValueTests(context: BuildContext, item: DetectionItem): QueryNode | undefined {
  if (item.field === null || item.modifiers.all || item.modifiers.negated) return undefined;
  const patterns = item.values.flatMap((value) => value.patterns);
  if (patterns.length < 2) return undefined;
  const tests: ValueTest[] = [];
  for (const pattern of patterns) {
    if (pattern.kind === 'Placeholder' || pattern.kind === 'FieldRef' || pattern.kind === 'TimePart') return undefined;
    if (!isValueTest(pattern)) return undefined;
    tests.push(pattern);
  }
  return { kind: 'FieldAny', field: resolveField(context, item.field, true), tests };
}

function buildPattern(context: BuildContext, item: DetectionItem, pattern: ValuePattern): QueryNode {
  if (pattern.kind === 'Placeholder') {
    throw unsupported(context, `placeholder %${pattern.name}%`, 'the placeholder has no values');
  }
  if (item.field === null) {
    // A keyword matches when some value of the event contains it.
    if (pattern.kind === 'String') {
      const parts = [{ kind: 'AnyChars' as const }, ...pattern.parts, { kind: 'AnyChars' as const }];
      return { kind: 'Keyword', test: { ...pattern, parts } };
    }
    if (pattern.kind === 'Regex') return { kind: 'Keyword', test: pattern };
    throw unsupported(context, `keyword with ${pattern.kind}`, 'keywords take strings or regular expressions');
  }
  const field = resolveField(context, item.field, true);
  if (pattern.kind === 'FieldRef') {
    const other = resolveField(context, pattern.field, true);
    return { kind: 'Field', field, test: { kind: 'FieldRef', other, match: pattern.match, cased: pattern.cased } };
  }
  return { kind: 'Field', field, test: pattern };
}

function resolveField(context: BuildContext, field: string, mapped: boolean): FieldRef {
  const name = mapped ? (context.fieldMap[field] ?? field) : field;
  return { sigma: field, mapped: name, locations: context.profile.locateField(name) };
}

function unsupported(context: BuildContext, construct: string, detail: string): BackendUnsupportedError {
  return new BackendUnsupportedError(context.target, construct, detail);
}
