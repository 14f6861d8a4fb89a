// Converting correlation rules: each correlation, with the detection rules it references, becomes
// one query for the SQL targets; other targets reject correlations with the reason.
import { resolveCorrelations } from '../../sigma/correlation-resolve.ts';
import type { RuleCollection, SigmaCorrelation, SigmaRule } from '../../sigma/model.ts';
import { buildQuery } from '../builder.ts';
import type { ConvertOptions } from '../convert.ts';
import { BackendUnsupportedError } from '../errors.ts';
import { renderCondition } from '../render.ts';
import type { TargetName } from '../target-names.ts';
import { DEFAULT_TARGET_OPTIONS, type TargetOptions } from '../targets.ts';
import { sqlDialect, type SqlDialect } from '../targets/sql-dialect.ts';
import { planCorrelation } from './plan.ts';
import { correlationSql } from './sql-functions.ts';
import { sqlCorrelationQuery } from './sql-query.ts';

export type CorrelationConversionResult =
  | { ok: true; correlation: SigmaCorrelation; query: string }
  | { ok: false; correlation: SigmaCorrelation; error: BackendUnsupportedError };

/** The reason each non-SQL target gives for rejecting correlations. */
const UNSUPPORTED_REASONS: Partial<Record<TargetName, string>> = {
  lucene: 'a Lucene query string selects single events and cannot aggregate over time windows',
  esql:
    'ES|QL has no sliding windows: STATS … BY BUCKET groups events into fixed buckets, ' +
    'which would miss or add detections near bucket boundaries',
  spl:
    'Sigil does not convert correlations to SPL yet: no Splunk server was available to check that ' +
    'streamstats time_window includes both window ends and counts events with equal times together',
  kql: 'Sigil does not convert correlations to KQL yet: no Kusto engine was available to check window boundaries',
};

/**
 * Converts every correlation of a collection; the detection rules they reference may come from
 * any file of the collection. Correlations whose references do not resolve are rejected too
 * (the loader has already reported why).
 *
 * @example
 *   for (const result of convertCorrelations(collection, { target: 'duckdb', profile })) {
 *     if (result.ok) console.log(result.query);
 *   }
 */
export function convertCorrelations(
  collection: Pick<RuleCollection, 'rules' | 'correlations'>,
  { target, profile, options }: ConvertOptions,
): CorrelationConversionResult[] {
  const targetOptions: TargetOptions = { ...DEFAULT_TARGET_OPTIONS, ...options };
  const resolved = new Map(resolveCorrelations(collection).correlations.map((item) => [item.correlation, item]));
  return collection.correlations.map((correlation): CorrelationConversionResult => {
    try {
      const item = resolved.get(correlation);
      if (item === undefined) {
        throw new BackendUnsupportedError(target, 'unresolved correlation', 'a referenced rule is missing, ambiguous or part of a cycle');
      }
      const sql = correlationSql(target);
      if (sql === undefined) throw new BackendUnsupportedError(target, 'correlation', UNSUPPORTED_REASONS[target] ?? 'not converted');
      if (targetOptions.layout !== 'json') {
        throw new BackendUnsupportedError(target, 'correlation (flat layout)', 'the event time is read from the JSON document; use --layout json');
      }
      const plan = planCorrelation(item, target);
      const dialect = sqlDialect(sql.flavour, targetOptions);
      const conditions = plan.rules.map((rule) => ruleCondition(rule, dialect, { target, profile }));
      return { ok: true, correlation, query: sqlCorrelationQuery(plan, conditions, { sql, dialect, profile, table: targetOptions.table }) };
    } catch (error) {
      if (error instanceof BackendUnsupportedError) return { ok: false, correlation, error };
      throw error;
    }
  });
}

// A referenced rule's condition; a construct it cannot convert rejects the correlation, naming the rule.
function ruleCondition(rule: SigmaRule, dialect: SqlDialect, { target, profile }: Pick<ConvertOptions, 'target' | 'profile'>): string {
  try {
    return renderCondition(buildQuery(rule, profile, target), dialect);
  } catch (error) {
    if (error instanceof BackendUnsupportedError) {
      const detail = error.message.replace(`${target} cannot express ${error.construct}: `, '');
      throw new BackendUnsupportedError(target, `${error.construct} in referenced rule "${rule.title}"`, detail);
    }
    if (error instanceof SyntaxError) {
      throw new BackendUnsupportedError(target, `re in referenced rule "${rule.title}"`, `the pattern is not valid: ${error.message}`);
    }
    throw error;
  }
}
