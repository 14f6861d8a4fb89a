// SQLite: a JSON text column read with `json_extract`, `json_tree` for keywords, and a REGEXP
// function the application registers (SQLite has none built in). The REGEXP function must take
// a JavaScript-syntax pattern with optional leading inline flags `(?ims)`; Sigil's `load-sql`
// documentation shows one. NOTE: SQLite's lower() and LIKE fold ASCII letters only.
import { BackendUnsupportedError } from '../errors.ts';
import { ipv4CidrRegexBody } from '../ipv4-regex.ts';
import { bindInSubquery, DECIMAL_NUMBER, jsonPath, standardIdentifier, standardString, type SqlFlavour } from './sql-flavour.ts';

// json_extract returns 1 and 0 for JSON booleans; Sigma compares them as `true` and `false`.
function scalarText(typeExpression: string, valueExpression: string): string {
  return `(CASE ${typeExpression} WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(${valueExpression} AS TEXT) END)`;
}

export const SQLITE: SqlFlavour = {
  target: 'sqlite',
  string: standardString,
  identifier: standardIdentifier,
  jsonText(column, path) {
    const at = standardString(jsonPath(path));
    return scalarText(`json_type(${column}, ${at})`, `json_extract(${column}, ${at})`);
  },
  jsonScalarText(column, path, objectText) {
    const at = standardString(jsonPath(path));
    return (
      `(CASE json_type(${column}, ${at}) WHEN 'object' THEN ${objectText} WHEN 'array' THEN NULL ` +
      `WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(json_extract(${column}, ${at}) AS TEXT) END)`
    );
  },
  jsonType: (column, path) => `json_type(${column}, ${standardString(jsonPath(path))})`,
  objectType: 'object',
  arrayType: 'array',
  jsonPresent: (column, path) => `(json_type(${column}, ${standardString(jsonPath(path))}) IS NOT NULL)`,
  columnText: (column) => `CAST(${column} AS TEXT)`,
  lower: (expression) => `lower(${expression})`,
  // LIKE ignores ASCII case in SQLite, so case-sensitive wildcards go through REGEXP.
  like: (expression, pattern) => `${expression} REGEXP ${standardString(likeToRegex(pattern))}`,
  likeFolded: (expression, pattern) => `${expression} LIKE ${standardString(pattern)} ESCAPE '\\'`,
  regex(expression, regex) {
    const flags = `${regex.flags.ignoreCase ? 'i' : ''}${regex.flags.multiline ? 'm' : ''}${regex.flags.dotAll ? 's' : ''}`;
    return `${expression} REGEXP ${standardString((flags === '' ? '' : `(?${flags})`) + regex.source)}`;
  },
  number: (expression) =>
    `(CASE WHEN ${expression} REGEXP ${standardString(DECIMAL_NUMBER)} THEN CAST(trim(${expression}) AS REAL) END)`,
  cidr(expression, cidr) {
    if (cidr.version === 4) return `${expression} REGEXP ${standardString(`^${ipv4CidrRegexBody(cidr)}$`)}`;
    throw new BackendUnsupportedError('sqlite', 'cidr (IPv6)', 'SQLite has no IP type');
  },
  bindValue: (expression, body) => bindInSubquery(expression, body, ' LIMIT -1 OFFSET 0'),
  anyElement: (column, path, predicate) =>
    `EXISTS (SELECT 1 FROM json_each(${column}, ${standardString(jsonPath(path))}) AS element WHERE element.type NOT IN ('object', 'array', 'null') AND ` +
    `${predicate(scalarText('element.type', 'element.atom'))})`,
  anyLeaf: (column, predicate) =>
    `EXISTS (SELECT 1 FROM json_tree(${column}) AS leaf WHERE leaf.type NOT IN ('object', 'array', 'null') AND ` +
    `${predicate(scalarText('leaf.type', 'leaf.atom'))})`,
  contains: (haystack, needle) => `instr(${haystack}, ${needle}) > 0`,
  startsWith: (haystack, prefix) => `substr(${haystack}, 1, length(${prefix})) = ${prefix}`,
  endsWith: (haystack, suffix) => `(length(${suffix}) = 0 OR substr(${haystack}, -length(${suffix})) = ${suffix})`,
  wildcardPaths: false,
  trueLiteral: 'TRUE',
  falseLiteral: 'FALSE',
};

// Rewrites an escaped LIKE pattern (`%`, `_`, `\` escapes) as an anchored regex with dot-all.
function likeToRegex(pattern: string): string {
  let regex = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '\\') {
      index += 1;
      regex += escapeRegexChar(pattern[index] ?? '\\');
    } else if (char === '%') regex += '.*';
    else if (char === '_') regex += '.';
    else regex += escapeRegexChar(char);
  }
  return `(?s)^${regex}$`;
}

function escapeRegexChar(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}
