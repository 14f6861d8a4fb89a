// The registry of targets: name → dialect, built from the user's options.
import type { Dialect } from './dialect.ts';
import type { TargetName } from './target-names.ts';
import { CLICKHOUSE } from './targets/clickhouse.ts';
import { DUCKDB } from './targets/duckdb.ts';
import { esqlDialect } from './targets/esql.ts';
import { kqlDialect } from './targets/kql.ts';
import { luceneDialect } from './targets/lucene.ts';
import { POSTGRES } from './targets/postgres.ts';
import { splDialect } from './targets/spl.ts';
import { sqlDialect, type SqlLayout } from './targets/sql-dialect.ts';
import type { SqlFlavour } from './targets/sql-flavour.ts';
import { SQLITE } from './targets/sqlite.ts';

/** Options of every target; each target reads the ones that apply to it. */
export interface TargetOptions {
  /** SQL: `json` (one JSON column) or `flat` (one column per field). */
  layout: SqlLayout;
  /** SQL and KQL: the table name. */
  table: string;
  /** SQL `json` layout: the JSON column. */
  column: string;
  /** ES|QL: the index pattern after FROM. */
  index: string;
}

export const DEFAULT_TARGET_OPTIONS: TargetOptions = { layout: 'json', table: 'events', column: 'event', index: 'logs-*' };

const SQL_FLAVOURS: Partial<Record<TargetName, SqlFlavour>> = {
  postgres: POSTGRES,
  duckdb: DUCKDB,
  sqlite: SQLITE,
  clickhouse: CLICKHOUSE,
};

/**
 * The dialects to try in order for a target. Most targets have one; SPL first tries search
 * syntax and falls back to a `| where` expression.
 */
export function dialectsFor(target: TargetName, options: TargetOptions = DEFAULT_TARGET_OPTIONS): Dialect[] {
  const flavour = SQL_FLAVOURS[target];
  if (flavour !== undefined) return [sqlDialect(flavour, options)];
  switch (target) {
    case 'lucene':
      return [luceneDialect()];
    case 'esql':
      return [esqlDialect(options.index)];
    case 'spl':
      return [splDialect(false), splDialect(true)];
    case 'kql':
      return [kqlDialect(options.table)];
    default:
      throw new Error(`Unknown target ${target}`);
  }
}
