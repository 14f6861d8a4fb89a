// The plan of a correlation query, checked once for every target: the referenced detection rules,
// the field each group-by entry reads per rule, the aggregated value, the window and the
// condition. Constructs that no target writes exactly are rejected here.
import { conditionHasNegation } from '../../sigma/correlation-expression.ts';
import type { ResolvedCorrelation } from '../../sigma/correlation-resolve.ts';
import { assertNever, type ConditionNode, type CorrelationType, type SigmaCorrelation, type SigmaRule, type ThresholdOperator } from '../../sigma/model.ts';
import { BackendUnsupportedError } from '../errors.ts';
import type { TargetName } from '../target-names.ts';

/** A group-by entry and the field it reads in the events of each referenced rule (aliases differ per rule). */
export interface GroupField {
  name: string;
  /** One field name per referenced rule, in the order of `rules`. */
  fieldPerRule: string[];
}

/** The test of the condition at each evaluation time. */
export type PlanCondition =
  | { kind: 'Threshold'; bounds: Array<{ operator: ThresholdOperator; value: number }> }
  /** A temporal expression over the referenced rules, identifiers given as rule indices. */
  | { kind: 'Expression'; expression: ConditionNode; ruleIndex: (identifier: string) => number }
  /** Temporal types without a condition: every referenced rule has an event in the window. */
  | { kind: 'AllRules' };

/** The converted aggregate: its type and, for value types, the fields and percentile rank. */
export type PlanAggregate =
  | { kind: 'event_count' }
  | { kind: 'value_count'; fields: string[] }
  | { kind: 'value_sum' | 'value_avg'; field: string }
  | { kind: 'value_percentile'; field: string; rank: number }
  | { kind: 'temporal' }
  /** The referenced rules that occur in listed order, each strictly after the previous one found. */
  | { kind: 'temporal_ordered' };

export interface CorrelationPlan {
  correlation: SigmaCorrelation;
  rules: SigmaRule[];
  groupBy: GroupField[];
  aggregate: PlanAggregate;
  condition: PlanCondition;
  /** Window length in milliseconds: the window at time t is `[t − windowMs, t]`. */
  windowMs: number;
}

/** Checks a resolved correlation and returns its plan, or throws `BackendUnsupportedError` naming the construct. */
export function planCorrelation(resolved: ResolvedCorrelation, target: TargetName): CorrelationPlan {
  const { correlation, targets, aliasFields } = resolved;
  const section = correlation.correlation;
  const rules: SigmaRule[] = [];
  for (const referenced of targets) {
    if (referenced.kind === 'correlation') {
      throw new BackendUnsupportedError(
        target,
        'chained correlation',
        `it references correlation "${referenced.title}"; an inner correlation fires once per episode, which a query cannot reproduce`,
      );
    }
    rules.push(referenced);
  }
  const groupBy = section.groupBy.map((name) => ({
    name,
    fieldPerRule: rules.map((_rule, index) => aliasFields[name]?.[index] ?? name),
  }));
  return {
    correlation,
    rules,
    groupBy,
    aggregate: planAggregate(section.type, section.condition, target),
    condition: planCondition(correlation, target),
    windowMs: section.timespan.seconds * 1000,
  };
}

function planAggregate(type: CorrelationType, condition: SigmaCorrelation['correlation']['condition'], target: TargetName): PlanAggregate {
  const fields = condition?.kind === 'Threshold' ? condition.fields : [];
  const field = fields[0];
  switch (type) {
    case 'event_count':
      return { kind: 'event_count' };
    case 'temporal':
      return { kind: 'temporal' };
    case 'temporal_ordered':
      // A threshold tests the longest ordered run over any subset of the rules, which the
      // query does not compute; the full run and the presence of each rule it does.
      if (condition?.kind === 'Threshold') {
        throw new BackendUnsupportedError(target, 'temporal_ordered with a threshold', 'only the default condition and expressions are converted');
      }
      return { kind: 'temporal_ordered' };
    case 'value_count':
      return { kind: 'value_count', fields };
    case 'value_sum':
    case 'value_avg':
      if (field === undefined) throw new BackendUnsupportedError(target, `${type} without field`, 'the condition names no field');
      return { kind: type, field };
    case 'value_percentile':
    case 'value_median': {
      if (field === undefined) throw new BackendUnsupportedError(target, `${type} without field`, 'the condition names no field');
      let rank = 50;
      if (type === 'value_percentile' && condition?.kind === 'Threshold') rank = condition.percentile ?? 50;
      return { kind: 'value_percentile', field, rank };
    }
    default:
      return assertNever(type);
  }
}

function planCondition(correlation: SigmaCorrelation, target: TargetName): PlanCondition {
  const condition = correlation.correlation.condition;
  if (condition === undefined) return { kind: 'AllRules' };
  if (condition.kind === 'Threshold') return { kind: 'Threshold', bounds: condition.bounds };
  if (conditionHasNegation(condition.expression)) {
    throw new BackendUnsupportedError(
      target,
      `not in a temporal condition (${condition.text})`,
      'an absent rule is decided at a deadline after the first event, which a query cannot reproduce',
    );
  }
  const references = correlation.correlation.rules.map((rule) => rule.reference);
  return { kind: 'Expression', expression: condition.expression, ruleIndex: (identifier) => references.indexOf(identifier) };
}
