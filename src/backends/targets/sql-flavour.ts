// The differences between SQL engines (quoting, JSON access, case folding, pattern and regex
// operators) as one table per engine. `sql-dialect.ts` builds the dialect from such a table.
import type { CidrPattern } from '../../sigma/model.ts';
import type { ParsedRegex } from '../regex.ts';
import type { TargetName } from '../target-names.ts';

export interface SqlFlavour {
  target: TargetName;
  /** A string literal. */
  string(text: string): string;
  /** A quoted identifier (table or column name). */
  identifier(name: string): string;
  /** A scalar value at a JSON path as text, or NULL when the path is absent or JSON null. */
  jsonText(column: string, path: string[]): string;
  /**
   * Optional: the value at a path as text, with `objectText` for an object and NULL for an array,
   * written with one type lookup (the dialect otherwise combines `jsonType` and `jsonText`).
   */
  jsonScalarText?(column: string, path: string[], objectText: string): string;
  /** The JSON type name of the value at a path. */
  jsonType(column: string, path: string[]): string;
  /** The names `jsonType` gives objects and arrays. */
  objectType: string;
  arrayType: string;
  /** TRUE when the path is present in the JSON document, even with a null value; never NULL. */
  jsonPresent(column: string, path: string[]): string;
  /** A column of the flat layout as text. */
  columnText(column: string): string;
  lower(expression: string): string;
  /** Case-sensitive LIKE with `\` escaping `%`, `_` and `\`; `pattern` is the unquoted pattern. */
  like(expression: string, pattern: string): string;
  /** Case-insensitive LIKE where `loweredPattern` is already lower case. */
  likeFolded(expression: string, loweredPattern: string): string;
  /** A regex search anywhere in the value; throws `BackendUnsupportedError` for what the engine lacks. */
  regex(expression: string, regex: ParsedRegex): string;
  /** The value as a double, or NULL when it is not a decimal number. */
  number(expression: string): string;
  /** TRUE when the value is an address inside the range; never an error for other text. */
  cidr(expression: string, cidr: CidrPattern): string;
  /** Evaluates `body` with the value of `expression` bound to a name, so a long test list reads it once. */
  bindValue(expression: string, body: (name: string) => string): string;
  /** TRUE when some scalar element of the JSON array at `path` satisfies `predicate(elementText)`. */
  anyElement(column: string, path: string[], predicate: (elementText: string) => string): string;
  /** TRUE when some scalar leaf of the JSON document satisfies `predicate(leafTextExpression)`. */
  anyLeaf(column: string, predicate: (leafText: string) => string): string;
  contains(haystack: string, needle: string): string;
  startsWith(haystack: string, prefix: string): string;
  endsWith(haystack: string, suffix: string): string;
  /** Whether JSON paths may contain a `*` key (any key at that level). */
  wildcardPaths: boolean;
  trueLiteral: string;
  falseLiteral: string;
}

/**
 * Binds a value in a correlated subquery (PostgreSQL, DuckDB, SQLite). `fence` is written after
 * the inner SELECT to keep the planner from pulling the subquery up, which would copy the
 * expression into every test of the body and evaluate it once per test (`OFFSET 0` in PostgreSQL).
 */
export function bindInSubquery(expression: string, body: (name: string) => string, fence = ''): string {
  return `EXISTS (SELECT 1 FROM (SELECT ${expression} AS value${fence}) AS field WHERE ${body('field.value')})`;
}

/** The decimal number syntax every SQL flavour accepts before casting. */
export const DECIMAL_NUMBER = '^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$';

/** Doubles single quotes, the standard SQL string literal. */
export function standardString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Double-quoted identifier with doubled inner quotes. */
export function standardIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Writes a JSONPath such as `$.Event."#text"` for DuckDB and SQLite. */
export function jsonPath(path: string[]): string {
  return '$' + path.map((key) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `."${key.replaceAll('"', '\\"')}"`)).join('');
}
