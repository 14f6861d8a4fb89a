// The functions correlation queries need beyond those of the detection flavours, per SQL engine:
// integer parsing and division for timestamps, a regex test, suffixes, floor, and LAG.
import type { TargetName } from '../target-names.ts';
import { CLICKHOUSE } from '../targets/clickhouse.ts';
import { DUCKDB } from '../targets/duckdb.ts';
import { POSTGRES } from '../targets/postgres.ts';
import type { SqlFlavour } from '../targets/sql-flavour.ts';
import { SQLITE } from '../targets/sqlite.ts';

export interface CorrelationSql {
  flavour: SqlFlavour;
  /** Text of digits as a 64-bit integer. The caller guarantees digits, but ClickHouse evaluates untaken branches, so it must not fail. */
  integer(text: string): string;
  /** Integer division truncating toward zero (operands are never negative here). */
  divide(dividend: string, divisor: number): string;
  /** TRUE when the whole text matches a POSIX-compatible regex (no backreferences, no lookaround). */
  fullMatch(text: string, regex: string): string;
  /** The last `length` characters of a text. */
  suffix(text: string, length: number): string;
  /** The largest integer not above a non-negative double. */
  floor(expression: string): string;
  /** An integer expression as a double. */
  double(expression: string): string;
  /** The value of `expression` in the previous row of the partition, or 0 in the first row. */
  previous(expression: string, over: string): string;
  /**
   * Written before a common table expression's query to compute it once. The window joins read
   * the events twice, and SQLite otherwise evaluates them again for every evaluation time.
   */
  materialized: string;
}

const POSTGRES_SQL: CorrelationSql = {
  flavour: POSTGRES,
  integer: (text) => `CAST(${text} AS bigint)`,
  divide: (dividend, divisor) => `(${dividend}) / ${divisor}`,
  fullMatch: (text, regex) => `${text} ~ ${POSTGRES.string(`^(${regex})$`)}`,
  suffix: (text, length) => `right(${text}, ${length})`,
  floor: (expression) => `floor(${expression})`,
  double: (expression) => `CAST(${expression} AS double precision)`,
  previous: (expression, over) => `lag(${expression}, 1, 0) OVER (${over})`,
  materialized: 'MATERIALIZED ',
};

const DUCKDB_SQL: CorrelationSql = {
  flavour: DUCKDB,
  integer: (text) => `TRY_CAST(${text} AS BIGINT)`,
  divide: (dividend, divisor) => `(${dividend}) // ${divisor}`,
  fullMatch: (text, regex) => `regexp_full_match(${text}, ${DUCKDB.string(regex)})`,
  suffix: (text, length) => `right(${text}, ${length})`,
  floor: (expression) => `floor(${expression})`,
  double: (expression) => `CAST(${expression} AS DOUBLE)`,
  previous: (expression, over) => `lag(${expression}, 1, 0) OVER (${over})`,
  materialized: 'MATERIALIZED ',
};

const SQLITE_SQL: CorrelationSql = {
  flavour: SQLITE,
  integer: (text) => `CAST(${text} AS INTEGER)`,
  divide: (dividend, divisor) => `(${dividend}) / ${divisor}`,
  // REGEXP is the application's function with JavaScript semantics, as for detection queries.
  fullMatch: (text, regex) => `${text} REGEXP ${SQLITE.string(`^(?:${regex})$`)}`,
  suffix: (text, length) => `substr(${text}, -${length})`,
  // SQLite's floor() needs the math extension; truncation is the floor of a non-negative number.
  floor: (expression) => `CAST(${expression} AS INTEGER)`,
  double: (expression) => `CAST(${expression} AS REAL)`,
  previous: (expression, over) => `lag(${expression}, 1, 0) OVER (${over})`,
  materialized: 'MATERIALIZED ',
};

const CLICKHOUSE_SQL: CorrelationSql = {
  flavour: CLICKHOUSE,
  integer: (text) => `toInt64OrZero(${text})`,
  divide: (dividend, divisor) => `intDiv(${dividend}, ${divisor})`,
  fullMatch: (text, regex) => `match(${text}, ${CLICKHOUSE.string(`^(${regex})$`)})`,
  suffix: (text, length) => `right(${text}, ${length})`,
  floor: (expression) => `floor(${expression})`,
  double: (expression) => `toFloat64(${expression})`,
  // lagInFrame reads inside the frame, so the frame must reach back to the partition's start.
  previous: (expression, over) => `lagInFrame(${expression}, 1, 0) OVER (${over} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
  // ClickHouse has no MATERIALIZED hint; it computes each reference of a common table expression on its own.
  materialized: '',
};

const BY_TARGET: Partial<Record<TargetName, CorrelationSql>> = {
  postgres: POSTGRES_SQL,
  duckdb: DUCKDB_SQL,
  sqlite: SQLITE_SQL,
  clickhouse: CLICKHOUSE_SQL,
};

/** Returns the correlation functions of an SQL target, or undefined for other targets. */
export function correlationSql(target: TargetName): CorrelationSql | undefined {
  return BY_TARGET[target];
}
