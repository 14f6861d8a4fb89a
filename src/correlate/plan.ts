// The correlation plan: resolved correlations turned into nodes that know which field to read
// for each group-by entry and referenced rule, who consumes their output, and which rules
// alert on their own.
import { conditionHasNegation } from '../sigma/correlation-expression.ts';
import { resolveCorrelations, type CorrelationTarget, type ResolvedCorrelation } from '../sigma/correlation-resolve.ts';
import type { RuleCollection, SigmaCorrelation, SigmaRule } from '../sigma/model.ts';
import type { RuleKey } from './types.ts';

/** A consumer of a rule's or correlation's output: a correlation and the index of the target in its rules. */
export interface Consumer {
  node: CorrelationNode;
  target: number;
}

/** A correlation a rule feeds and the index of that rule among the correlation's targets. */
export interface Feed {
  node: CorrelationNode;
  /** Ascending target indices; one element unless several matched rules feed the same correlation. */
  targets: number[];
}

export interface CorrelationNode {
  /** Position in evaluation order: every node comes after the nodes it consumes. */
  index: number;
  correlation: SigmaCorrelation;
  targets: CorrelationTarget[];
  /** Display label per target (name, else id). */
  targetLabels: string[];
  /** Field to read for each group-by entry, per target: `groupFields[target][entry]`. */
  groupFields: string[][];
  /** Fields the condition aggregates (`field:`), empty for counts and temporal types. */
  valueFields: string[];
  windowMs: number;
  /** The condition contains `not`, so it is decided at the window deadline instead of at each event. */
  decidesAtDeadline: boolean;
  consumers: Consumer[];
  /** False when the node is only a building block of other correlations. */
  generate: boolean;
}

export interface CorrelationPlan {
  nodes: CorrelationNode[];
  /** Detection rules that some correlation references, directly. */
  baseRules: SigmaRule[];
  /** Referenced detection rules that do not alert on their own (`generate: false`). */
  suppressedRules: Set<SigmaRule>;
  /** The correlations each referenced detection rule feeds. */
  feedsOfRule: Map<SigmaRule, Feed[]>;
  /** Finds a referenced detection rule by id, then by name. */
  findRule(key: RuleKey): SigmaRule | undefined;
}

/** Resolves the collection's correlations and builds the plan; unresolved ones are left out. */
export function buildPlan(collection: Pick<RuleCollection, 'rules' | 'correlations'>): CorrelationPlan {
  const resolved = resolveCorrelations(collection).correlations;
  const nodes = resolved.map((item, index) => createNode(item, index));
  const nodeOf = new Map(nodes.map((node) => [node.correlation, node]));
  const feedsOfRule = new Map<SigmaRule, Feed[]>();
  const referencedBy = new Map<CorrelationTarget, SigmaCorrelation[]>();

  for (const node of nodes) {
    node.targets.forEach((target, index) => {
      const consumer = { node, target: index };
      if (target.kind === 'correlation') nodeOf.get(target)?.consumers.push(consumer);
      else appendTo(feedsOfRule, target, { node, targets: [index] });
      appendTo(referencedBy, target, node.correlation);
    });
  }

  // A document stays silent only when every correlation that references it says generate: false.
  const silent = (target: CorrelationTarget): boolean =>
    (referencedBy.get(target) ?? []).length > 0 && (referencedBy.get(target) ?? []).every((item) => !item.correlation.generate);
  for (const node of nodes) node.generate = !silent(node.correlation);

  const baseRules = [...feedsOfRule.keys()];
  const suppressedRules = new Set(baseRules.filter(silent));
  const byId = new Map<string, SigmaRule>();
  const byName = new Map<string, SigmaRule>();
  for (const rule of baseRules) {
    if (rule.id !== undefined) byId.set(rule.id, rule);
    if (rule.name !== undefined) byName.set(rule.name, rule);
  }
  const findRule = (key: RuleKey): SigmaRule | undefined =>
    (key.id === undefined ? undefined : byId.get(key.id)) ?? (key.name === undefined ? undefined : byName.get(key.name));

  return { nodes, baseRules, suppressedRules, feedsOfRule, findRule };
}

function createNode(resolved: ResolvedCorrelation, index: number): CorrelationNode {
  const { correlation, targets, aliasFields } = resolved;
  const section = correlation.correlation;
  // An alias that does not name a target falls back to the field of the same name.
  const groupFields = targets.map((_target, targetIndex) =>
    section.groupBy.map((field) => aliasFields[field]?.[targetIndex] ?? field),
  );
  const condition = section.condition;
  return {
    index,
    correlation,
    targets,
    targetLabels: targets.map((target) => target.name ?? target.id ?? target.title),
    groupFields,
    valueFields: condition?.kind === 'Threshold' ? condition.fields : [],
    windowMs: section.timespan.seconds * 1000,
    decidesAtDeadline: condition?.kind === 'Expression' && conditionHasNegation(condition.expression),
    consumers: [],
    generate: true,
  };
}

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
