// A correlation as one SQL query with common table expressions, layer by layer:
//   sigil_tagged    every event with one 0/1 column per referenced rule it matches
//   sigil_matched   events matching some referenced rule, with time text, group values, value
//   sigil_parts     events with a readable time, every group value and the value present
//   sigil_events    time in epoch milliseconds and case-folded group keys
//   …               the window aggregate per group and event time (sql-aggregate.ts)
//   sigil_decided   whether the condition holds there, and whether it held at the group's previous time
// The result has one row per group and event time at which the condition holds.
import { assertNever, type ConditionNode } from '../../sigma/model.ts';
import type { BackendProfile } from '../profile.ts';
import type { FieldRef } from '../query.ts';
import type { SqlDialect } from '../targets/sql-dialect.ts';
import type { CorrelationPlan, PlanCondition } from './plan.ts';
import { aggregateExpressions, type Columns } from './sql-aggregate.ts';
import type { CorrelationSql } from './sql-functions.ts';
import { epochMilliseconds, TIMESTAMP_PATTERN, timestampParts, timestampText } from './sql-timestamp.ts';

/** Column names of the result besides the group-by fields. */
export const RESULT_COLUMNS = { time: 'window_end_ms', value: 'aggregate_value', episodeStart: 'episode_start' } as const;

export interface SqlContext {
  sql: CorrelationSql;
  dialect: SqlDialect;
  profile: BackendProfile;
  table: string;
}

/** Writes the query of a plan; `ruleConditions` holds the rendered condition of each referenced rule. */
export function sqlCorrelationQuery(plan: CorrelationPlan, ruleConditions: string[], context: SqlContext): string {
  const { sql } = context;
  const columns: Columns = {
    keys: plan.groupBy.map((_field, index) => `sigil_key_${index + 1}`),
    groups: plan.groupBy.map((_field, index) => `sigil_group_${index + 1}`),
  };
  const ruleColumns = plan.rules.map((_rule, index) => `sigil_rule_${index + 1}`);
  const kind = plan.aggregate.kind;
  const hasValue = kind !== 'event_count' && kind !== 'temporal' && kind !== 'temporal_ordered';
  const valueColumns = hasValue ? ['sigil_value'] : [];
  const byTime = [...columns.keys, 'sigil_time'].join(', ');

  const tags = ruleConditions.map((condition, index) => `CASE WHEN ${condition} THEN 1 ELSE 0 END AS ${ruleColumns[index]}`);
  const matched = [
    `${timestampText(context.dialect, context.profile)} AS sigil_time_text`,
    ...plan.groupBy.map((field, index) => `${groupText(field.fieldPerRule, context)} AS ${columns.groups[index]}`),
    ...(hasValue ? [`${valueExpression(plan, context)} AS sigil_value`] : []),
    ...ruleColumns,
  ];
  const present = [sql.fullMatch('sigil_time_text', TIMESTAMP_PATTERN), ...[...columns.groups, ...valueColumns].map((column) => `${column} IS NOT NULL`)];
  const parts = timestampParts(sql, 'sigil_time_text').map(([name, expression]) => `${expression} AS ${name}`);
  const events = [
    ...columns.groups.map((group, index) => `${sql.flavour.lower(group)} AS ${columns.keys[index]}`),
    ...columns.groups,
    ...valueColumns,
    ...ruleColumns,
    `${epochMilliseconds(sql)} AS sigil_time`,
  ];
  const previous = sql.previous('sigil_holds', `${columns.keys.length === 0 ? '' : `PARTITION BY ${columns.keys.join(', ')} `}ORDER BY sigil_time`);
  const result = [
    ...plan.groupBy.map((field, index) => `${columns.groups[index]} AS ${sql.flavour.identifier(field.name)}`),
    `sigil_time AS ${RESULT_COLUMNS.time}`,
    `sigil_aggregate AS ${RESULT_COLUMNS.value}`,
    `CASE WHEN sigil_held_before = 0 THEN 1 ELSE 0 END AS ${RESULT_COLUMNS.episodeStart}`,
  ];

  const expressions = [
    `sigil_tagged AS (SELECT *, ${tags.join(', ')} FROM ${sql.flavour.identifier(context.table)})`,
    `sigil_matched AS (SELECT ${matched.join(', ')} FROM sigil_tagged WHERE ${ruleColumns.map((column) => `${column} = 1`).join(' OR ')})`,
    `sigil_parts AS (SELECT *, ${parts.join(', ')} FROM sigil_matched WHERE ${present.join(' AND ')})`,
    `sigil_events AS ${sql.materialized}(SELECT ${events.join(', ')} FROM sigil_parts)`,
    ...aggregateExpressions(plan, sql, columns),
    `sigil_decided AS (SELECT *, CASE WHEN ${conditionText(plan.condition, plan)} THEN 1 ELSE 0 END AS sigil_holds FROM sigil_evaluated)`,
    `sigil_rows AS (SELECT *, ${previous} AS sigil_held_before FROM sigil_decided)`,
  ];
  return `WITH ${expressions.join(', ')} SELECT ${result.join(', ')} FROM sigil_rows WHERE sigil_holds = 1 ORDER BY ${byTime}`;
}

function fieldRef(name: string, profile: BackendProfile): FieldRef {
  return { sigma: name, mapped: name, locations: profile.locateField(name) };
}

// With aliases the field depends on the rule; an event matching several rules is read through
// the first one listed, as the engine does.
function groupText(fieldPerRule: string[], context: SqlContext): string {
  const distinct = new Set(fieldPerRule);
  if (distinct.size === 1) return context.dialect.fieldText(fieldRef(fieldPerRule[0]!, context.profile));
  const branches = fieldPerRule.map(
    (field, index) => `WHEN sigil_rule_${index + 1} = 1 THEN ${context.dialect.fieldText(fieldRef(field, context.profile))}`,
  );
  return `CASE ${branches.join(' ')} END`;
}

// value_count compares case-folded text (a combination of fields joined with a separator that
// values practically never contain, as the engine does); numeric types read decimal numbers.
function valueExpression(plan: CorrelationPlan, context: SqlContext): string {
  const { flavour } = context.sql;
  const text = (name: string): string => context.dialect.fieldText(fieldRef(name, context.profile));
  const aggregate = plan.aggregate;
  switch (aggregate.kind) {
    case 'value_count':
      return aggregate.fields.map((name) => flavour.lower(text(name))).join(` || ${flavour.string('\u001f')} || `);
    case 'value_sum':
    case 'value_avg':
    case 'value_percentile':
      return flavour.number(text(aggregate.field));
    case 'event_count':
    case 'temporal':
    case 'temporal_ordered':
      throw new Error(`${aggregate.kind} aggregates no value`);
    default:
      return assertNever(aggregate);
  }
}

function conditionText(condition: PlanCondition, plan: CorrelationPlan): string {
  switch (condition.kind) {
    case 'AllRules':
      return `sigil_aggregate >= ${plan.rules.length}`;
    case 'Threshold':
      return condition.bounds.map((bound) => `sigil_aggregate ${OPERATORS[bound.operator]} ${bound.value}`).join(' AND ');
    case 'Expression':
      return expressionText(condition.expression, condition.ruleIndex);
    default:
      return assertNever(condition);
  }
}

const OPERATORS = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', neq: '<>' } as const;

function expressionText(node: ConditionNode, ruleIndex: (identifier: string) => number): string {
  const seen = (identifier: string): string => `sigil_seen_${ruleIndex(identifier) + 1} = 1`;
  switch (node.kind) {
    case 'Identifier':
      return seen(node.name);
    case 'And':
      return `(${node.operands.map((operand) => expressionText(operand, ruleIndex)).join(' AND ')})`;
    case 'Or':
      return `(${node.operands.map((operand) => expressionText(operand, ruleIndex)).join(' OR ')})`;
    case 'Not':
      return `NOT (${expressionText(node.operand, ruleIndex)})`;
    case 'Of':
      return `(${node.identifiers.map(seen).join(node.quantifier === 'all' ? ' AND ' : ' OR ')})`;
    default:
      return assertNever(node);
  }
}
