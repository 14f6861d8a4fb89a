// DuckDB: a JSON column read with `json_extract_string`, RE2 regexes, `json_tree` for keywords.
import { BackendUnsupportedError } from '../errors.ts';
import { ipv4CidrRegexBody } from '../ipv4-regex.ts';
import { toRe2 } from './re2.ts';
import { DECIMAL_NUMBER, jsonPath, standardIdentifier, standardString, type SqlFlavour } from './sql-flavour.ts';

// TRUE when `body` is TRUE for some element of the list, and FALSE (never NULL) otherwise.
// The `lambda x: …` syntax needs DuckDB 1.3 or later.
function anyInList(list: string, name: string, body: (name: string) => string): string {
  return `(len(list_filter(${list}, lambda ${name}: ${body(name)})) > 0)`;
}

export const DUCKDB: SqlFlavour = {
  target: 'duckdb',
  string: standardString,
  identifier: standardIdentifier,
  jsonText: (column, path) => `json_extract_string(${column}, ${standardString(jsonPath(path))})`,
  jsonType: (column, path) => `json_type(${column}, ${standardString(jsonPath(path))})`,
  objectType: 'OBJECT',
  arrayType: 'ARRAY',
  jsonPresent: (column, path) => `(json_extract(${column}, ${standardString(jsonPath(path))}) IS NOT NULL)`,
  columnText: (column) => `CAST(${column} AS VARCHAR)`,
  lower: (expression) => `lower(${expression})`,
  like: (expression, pattern) => `${expression} LIKE ${standardString(pattern)} ESCAPE '\\'`,
  likeFolded: (expression, pattern) => `${expression} LIKE ${standardString(pattern)} ESCAPE '\\'`,
  regex: (expression, regex) => `regexp_matches(${expression}, ${standardString(toRe2('duckdb', regex))})`,
  number: (expression) =>
    `(CASE WHEN regexp_matches(${expression}, ${standardString(DECIMAL_NUMBER)}) THEN TRY_CAST(trim(${expression}) AS DOUBLE) END)`,
  cidr(expression, cidr) {
    if (cidr.version === 4) return `regexp_full_match(${expression}, ${standardString(ipv4CidrRegexBody(cidr))})`;
    throw new BackendUnsupportedError('duckdb', 'cidr (IPv6)', 'DuckDB has no built-in IP type');
  },
  // A lambda rather than a correlated subquery: DuckDB turns each subquery into a join over the
  // table, which for rules with hundreds of tests ran out of memory.
  bindValue: (expression, body) => anyInList(`[${expression}]`, 'value', body),
  anyElement: (column, path, predicate) =>
    anyInList(`json_extract_string(${column}, ${standardString(`${jsonPath(path)}[*]`)})`, 'element', predicate),
  anyLeaf: (column, predicate) =>
    `EXISTS (SELECT 1 FROM json_tree(${column}) AS leaf WHERE leaf.atom IS NOT NULL AND leaf.type NOT IN ('NULL', 'OBJECT', 'ARRAY') AND ${predicate('json_extract_string(leaf.value, \'$\')')})`,
  contains: (haystack, needle) => `contains(${haystack}, ${needle})`,
  startsWith: (haystack, prefix) => `starts_with(${haystack}, ${prefix})`,
  endsWith: (haystack, suffix) => `ends_with(${haystack}, ${suffix})`,
  wildcardPaths: false,
  trueLiteral: 'TRUE',
  falseLiteral: 'FALSE',
};
