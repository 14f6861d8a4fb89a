// The aggregate of each group's window at each of its event times, as SQL common table
// expressions that end in `sigil_evaluated(keys, sigil_time, groups, sigil_aggregate[, sigil_seen_i])`.
//
// Counts, sums, averages and temporal "rule seen" flags are window functions over a RANGE frame
// `[t − timespan, t]`; a RANGE frame ending at CURRENT ROW includes every row with the same
// time, so events of one time are never split. PostgreSQL and SQLite allow neither DISTINCT nor
// percentiles in a window frame, so distinct counts and percentiles join each evaluation time to
// the events of its window instead, on every engine alike. Ordered presence joins the same way.
import { assertNever } from '../../sigma/model.ts';
import type { CorrelationPlan } from './plan.ts';
import type { CorrelationSql } from './sql-functions.ts';

/** Column names shared by the layers of the query. */
export interface Columns {
  /** Case-folded group values, the partition keys. */
  keys: string[];
  /** Group values as written in the events. */
  groups: string[];
}

/** Returns the common table expressions, as `name AS (query)` texts, that compute `sigil_evaluated` from `sigil_events`. */
export function aggregateExpressions(plan: CorrelationPlan, sql: CorrelationSql, columns: Columns): string[] {
  switch (plan.aggregate.kind) {
    case 'event_count':
      return windowed(plan, columns, ['COUNT(*)'], 'MAX(sigil_aggregate_1) AS sigil_aggregate');
    case 'value_sum':
      return windowed(plan, columns, ['SUM(sigil_value)'], 'MAX(sigil_aggregate_1) AS sigil_aggregate');
    case 'value_avg':
      return windowed(plan, columns, ['AVG(sigil_value)'], 'MAX(sigil_aggregate_1) AS sigil_aggregate');
    case 'temporal': {
      const seen = plan.rules.map((_rule, index) => `MAX(sigil_rule_${index + 1})`);
      const flags = plan.rules.map((_rule, index) => `MAX(sigil_aggregate_${index + 1}) AS sigil_seen_${index + 1}`);
      const total = plan.rules.map((_rule, index) => `MAX(sigil_aggregate_${index + 1})`).join(' + ');
      return windowed(plan, columns, seen, `${total} AS sigil_aggregate, ${flags.join(', ')}`);
    }
    case 'value_count':
      return [
        ...pairs(plan, columns),
        `sigil_evaluated AS (SELECT ${[...columns.keys, 'sigil_time', ...firstGroups(columns)].join(', ')}, ` +
          `COUNT(DISTINCT sigil_value) AS sigil_aggregate FROM sigil_pairs GROUP BY ${[...columns.keys, 'sigil_time'].join(', ')})`,
      ];
    case 'value_percentile':
      return [...pairs(plan, columns), ...percentile(sql, columns, plan.aggregate.rank)];
    case 'temporal_ordered':
      return [...pairs(plan, columns), ...ordered(plan, columns)];
    default:
      return assertNever(plan.aggregate);
  }
}

function partitionBy(keys: string[]): string {
  return keys.length === 0 ? '' : `PARTITION BY ${keys.join(', ')} `;
}

function firstGroups(columns: Columns): string[] {
  return columns.groups.map((group) => `MIN(${group}) AS ${group}`);
}

// One row per event with the window aggregates, then one row per group and time: all rows of
// one time share their frame, so any of them gives the value.
function windowed(plan: CorrelationPlan, columns: Columns, aggregates: string[], evaluated: string): string[] {
  const frame = `OVER (${partitionBy(columns.keys)}ORDER BY sigil_time RANGE BETWEEN ${plan.windowMs} PRECEDING AND CURRENT ROW)`;
  const computed = aggregates.map((aggregate, index) => `${aggregate} ${frame} AS sigil_aggregate_${index + 1}`);
  const byTime = [...columns.keys, 'sigil_time'].join(', ');
  return [
    `sigil_windows AS (SELECT ${[...columns.keys, 'sigil_time', ...columns.groups, ...computed].join(', ')} FROM sigil_events)`,
    `sigil_evaluated AS (SELECT ${[byTime, ...firstGroups(columns), evaluated].join(', ')} FROM sigil_windows GROUP BY ${byTime})`,
  ];
}

// Each evaluation time (a group's distinct event time) paired with every event of its window.
function pairs(plan: CorrelationPlan, columns: Columns): string[] {
  const byTime = [...columns.keys, 'sigil_time'].join(', ');
  const join =
    columns.keys.length === 0
      ? 'CROSS JOIN sigil_events AS e'
      : `JOIN sigil_events AS e ON ${columns.keys.map((key) => `e.${key} = p.${key}`).join(' AND ')}`;
  const selected = [...columns.keys, 'sigil_time', ...columns.groups].map((column) => `p.${column}`);
  const fromEvent =
    plan.aggregate.kind === 'temporal_ordered'
      ? ['e.sigil_time AS sigil_event_time', ...plan.rules.map((_rule, index) => `e.sigil_rule_${index + 1} AS sigil_event_rule_${index + 1}`)]
      : ['e.sigil_value'];
  return [
    `sigil_points AS (SELECT ${[byTime, ...firstGroups(columns)].join(', ')} FROM sigil_events GROUP BY ${byTime})`,
    `sigil_pairs AS (SELECT ${[...selected, ...fromEvent].join(', ')} FROM sigil_points AS p ${join} ` +
      `WHERE e.sigil_time BETWEEN p.sigil_time - ${plan.windowMs} AND p.sigil_time)`,
  ];
}

// Linear interpolation at rank (n − 1) · p / 100 of the sorted window values, computed with the
// same double arithmetic as the engine: low + (high − low) · (rank − floor(rank)). Every alias
// is new in its SELECT, because ClickHouse resolves a column name to a same-named alias there.
function percentile(sql: CorrelationSql, columns: Columns, rank: number): string[] {
  const byTime = [...columns.keys, 'sigil_time'].join(', ');
  const position = `(sigil_count - 1) * ${rank} / 100`;
  return [
    `sigil_ranked AS (SELECT ${[byTime, ...columns.groups, 'sigil_value'].join(', ')}, ` +
      `ROW_NUMBER() OVER (PARTITION BY ${byTime} ORDER BY sigil_value) - 1 AS sigil_rank, ` +
      `${sql.double(`COUNT(*) OVER (PARTITION BY ${byTime})`)} AS sigil_count FROM sigil_pairs)`,
    `sigil_positioned AS (SELECT ${[byTime, ...columns.groups, 'sigil_value', 'sigil_rank'].join(', ')}, ` +
      `${position} AS sigil_position, ${sql.floor(position)} AS sigil_lower FROM sigil_ranked)`,
    `sigil_bounds AS (SELECT ${[byTime, ...firstGroups(columns)].join(', ')}, ` +
      'MAX(sigil_position) AS sigil_rank_position, MAX(sigil_lower) AS sigil_rank_lower, ' +
      'MAX(CASE WHEN sigil_rank = sigil_lower THEN sigil_value END) AS sigil_low, ' +
      `MAX(CASE WHEN sigil_rank = sigil_lower + 1 THEN sigil_value END) AS sigil_high FROM sigil_positioned GROUP BY ${byTime})`,
    `sigil_evaluated AS (SELECT ${[byTime, ...columns.groups].join(', ')}, ` +
      'CASE WHEN sigil_rank_position = sigil_rank_lower THEN sigil_low ' +
      'ELSE sigil_low + (sigil_high - sigil_low) * (sigil_rank_position - sigil_rank_lower) END AS sigil_aggregate FROM sigil_bounds)',
  ];
}

/** Earlier than every accepted time, the earliest being 1970-01-01T00:00 at offset +99:59. */
const BEFORE_ANY_TIME = '-1000000000000';

// temporal_ordered, as the engine decides presence in order: walking the rules in listed order,
// a rule is found at its earliest event in the window strictly after the last rule found, so
// events with equal times never prove an order. Each rule adds one window pass over the pairs of
// an evaluation time, because it depends on the rules found before it.
function ordered(plan: CorrelationPlan, columns: Columns): string[] {
  const byTime = [...columns.keys, 'sigil_time'];
  const found = (index: number): string => `sigil_found_${index + 1}`;
  const source = (index: number): string => (index === 0 ? 'sigil_pairs' : `sigil_step_${index}`);
  const steps = plan.rules.map((_rule, index) => {
    const earlier = plan.rules.slice(0, index).map((_other, step) => found(step));
    const last = earlier.length === 0 ? BEFORE_ANY_TIME : `COALESCE(${[...earlier].reverse().join(', ')}, ${BEFORE_ANY_TIME})`;
    const earliest = `CASE WHEN sigil_event_rule_${index + 1} = 1 AND sigil_event_time > ${last} THEN sigil_event_time END`;
    return `sigil_step_${index + 1} AS (SELECT *, MIN(${earliest}) OVER (PARTITION BY ${byTime.join(', ')}) AS ${found(index)} FROM ${source(index)})`;
  });
  const seen = plan.rules.map((_rule, index) => `CASE WHEN MAX(${found(index)}) IS NULL THEN 0 ELSE 1 END`);
  const flags = seen.map((flag, index) => `${flag} AS sigil_seen_${index + 1}`);
  return [
    ...steps,
    `sigil_evaluated AS (SELECT ${[...byTime, ...firstGroups(columns)].join(', ')}, ${seen.join(' + ')} AS sigil_aggregate, ${flags.join(', ')} ` +
      `FROM sigil_step_${plan.rules.length} GROUP BY ${byTime.join(', ')})`,
  ];
}
