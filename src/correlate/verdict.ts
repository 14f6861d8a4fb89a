// Whether a group's window satisfies its correlation's condition, and the value it reports.
import { assertNever, type ThresholdOperator } from '../sigma/model.ts';
import type { Group } from './group.ts';
import type { Observation } from './observation.ts';
import type { CorrelationNode } from './plan.ts';
import { evaluateExpression, targetsPresent, targetsPresentInOrder } from './temporal.ts';

export function conditionHolds(node: CorrelationNode, group: Group): boolean {
  const condition = node.correlation.correlation.condition;
  if (condition === undefined) {
    // Temporal types without a condition need every referenced rule.
    return (group.aggregate.value(group.entries) ?? 0) >= node.targets.length;
  }
  if (condition.kind === 'Threshold') {
    const value = group.aggregate.value(group.entries);
    return value !== undefined && condition.bounds.every((bound) => compare(value, bound.operator, bound.value));
  }
  const present = presence(node, group.entries());
  const references = node.correlation.correlation.rules.map((rule) => rule.reference);
  return evaluateExpression(condition.expression, (identifier) => present[references.indexOf(identifier)] === true);
}

/** The number a detection reports: the aggregate, or for expressions the number of rules present. */
export function conditionValue(node: CorrelationNode, group: Group, entries: Observation[]): number {
  if (node.correlation.correlation.condition?.kind === 'Expression') {
    return presence(node, entries).filter(Boolean).length;
  }
  return group.aggregate.value(() => entries) ?? 0;
}

function presence(node: CorrelationNode, entries: readonly Observation[]): boolean[] {
  return node.correlation.correlation.type === 'temporal_ordered'
    ? targetsPresentInOrder(entries, node.targets.length)
    : targetsPresent(entries, node.targets.length);
}

export function compare(value: number, operator: ThresholdOperator, bound: number): boolean {
  switch (operator) {
    case 'gt':
      return value > bound;
    case 'gte':
      return value >= bound;
    case 'lt':
      return value < bound;
    case 'lte':
      return value <= bound;
    case 'eq':
      return value === bound;
    case 'neq':
      return value !== bound;
    default:
      return assertNever(operator);
  }
}
