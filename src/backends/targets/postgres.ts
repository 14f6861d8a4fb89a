// PostgreSQL: a `jsonb` column read with `#>>`, POSIX regexes (ARE), `inet` for CIDR tests.
import type { CidrPattern } from '../../sigma/model.ts';
import { ipv4CidrRegexBody } from '../ipv4-regex.ts';
import { patchRegexSource } from '../regex.ts';
import { ipv6TextRegex } from './ipv6-text.ts';
import { bindInSubquery, DECIMAL_NUMBER, standardIdentifier, standardString, type SqlFlavour } from './sql-flavour.ts';

// A key of a text-array path literal such as '{Event,EventData,Image}'.
function pathKey(key: string): string {
  return /^[A-Za-z0-9_]+$/.test(key) ? key : `"${key.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

function pathLiteral(path: string[]): string {
  return standardString(`{${path.map(pathKey).join(',')}}`);
}

// An SQL/JSON path such as '$.Event.UserData.*.SubjectUserName' for paths with a `*` key.
function jsonPathLiteral(path: string[]): string {
  return standardString('$' + path.map((key) => (key === '*' ? '.*' : `."${key.replace(/["\\]/g, (char) => `\\${char}`)}"`)).join(''));
}

// TRUE when the keys before the first `*` are absent (objects all the way, last key missing), so
// the costly wildcard path, which most events lack (`Event.UserData`), is skipped.
function wildcardPrefixAbsent(column: string, path: string[]): string | undefined {
  const prefix = path.slice(0, path.indexOf('*'));
  if (prefix.length === 0) return undefined;
  const objects = prefix.map((_, index) => {
    const parent = index === 0 ? column : `(${column} #> ${pathLiteral(prefix.slice(0, index))})`;
    return `jsonb_typeof(${parent}) = 'object'`;
  });
  return `(${objects.join(' AND ')} AND (${column} #> ${pathLiteral(prefix)}) IS NULL)`;
}

// The value at a path as jsonb, or NULL when it is absent. The text is always in parentheses,
// so it can follow a function name: `jsonb_typeof(…)`.
function valueAt(column: string, path: string[]): string {
  if (!path.includes('*')) return `(${column} #> ${pathLiteral(path)})`;
  const query = `jsonb_path_query_first(${column}, ${jsonPathLiteral(path)})`;
  const absent = wildcardPrefixAbsent(column, path);
  return absent === undefined ? query : `(CASE WHEN ${absent} THEN NULL ELSE ${query} END)`;
}

function presentAt(column: string, path: string[]): string {
  if (!path.includes('*')) return `(${column} #> ${pathLiteral(path)}) IS NOT NULL`;
  const query = `jsonb_path_exists(${column}, ${jsonPathLiteral(path)})`;
  const absent = wildcardPrefixAbsent(column, path);
  return absent === undefined ? query : `(CASE WHEN ${absent} THEN FALSE ELSE ${query} END)`;
}

// The range with its host bits cleared, as the engine reads it.
function inetLiteral(cidr: CidrPattern): string {
  const groups = Array.from({ length: 8 }, (_, index) => ((cidr.network[index * 2]! << 8) | cidr.network[index * 2 + 1]!).toString(16));
  return `CAST(${standardString(`${groups.join(':')}/${cidr.prefixLength}`)} AS inet)`;
}

export const POSTGRES: SqlFlavour = {
  target: 'postgres',
  string: standardString,
  identifier: standardIdentifier,
  jsonText: (column, path) => (path.includes('*') ? `(${valueAt(column, path)} #>> '{}')` : `(${column} #>> ${pathLiteral(path)})`),
  jsonType: (column, path) => `jsonb_typeof${valueAt(column, path)}`,
  objectType: 'object',
  arrayType: 'array',
  jsonPresent: presentAt,
  columnText: (column) => `CAST(${column} AS text)`,
  lower: (expression) => `lower(${expression})`,
  like: (expression, pattern) => `${expression} LIKE ${standardString(pattern)}`,
  likeFolded: (expression, pattern) => `${expression} LIKE ${standardString(pattern)}`,
  regex(expression, regex) {
    // `(?w)` makes ^ and $ match at newlines, which is the m flag. An ARE dot matches line
    // breaks, so dots are rewritten to exclude them as a JavaScript dot does.
    const options = regex.flags.multiline ? '(?w)' : '';
    const source = patchRegexSource(regex, {
      dotExcludingNewlines: '[^\\n\\r\\u2028\\u2029]',
      wordBoundary: '\\y',
      notWordBoundary: '\\Y',
      // ARE counts stop at 255 (DUPMAX).
      maxRepeat: 255,
    });
    return `${expression} ${regex.flags.ignoreCase ? '~*' : '~'} ${standardString(options + source)}`;
  },
  number: (expression) =>
    `(CASE WHEN ${expression} ~ ${standardString(DECIMAL_NUMBER)} THEN CAST(${expression} AS double precision) END)`,
  cidr(expression, cidr) {
    if (cidr.version === 4) return `${expression} ~ ${standardString(`^${ipv4CidrRegexBody(cidr)}$`)}`;
    // Only text the engine reads as IPv6 reaches the cast, which would fail on other text.
    // IPv4-mapped addresses are IPv4 to the engine, so they are outside every IPv6 range.
    const address = `CAST(substring(${expression} FROM ${standardString(ipv6TextRegex())}) AS inet)`;
    return bindInSubquery(
      address,
      (value) => `${value} <<= ${inetLiteral(cidr)} AND NOT ${value} <<= CAST('::ffff:0.0.0.0/96' AS inet)`,
      ' OFFSET 0',
    );
  },
  bindValue: (expression, body) => bindInSubquery(expression, body, ' OFFSET 0'),
  anyElement: (column, path, predicate) =>
    `EXISTS (SELECT 1 FROM jsonb_array_elements${valueAt(column, path)} AS element(value) ` +
    `WHERE jsonb_typeof(element.value) NOT IN ('object', 'array', 'null') AND ${predicate("(element.value #>> '{}')")})`,
  anyLeaf: (column, predicate) =>
    `EXISTS (SELECT 1 FROM jsonb_path_query(${column}, 'strict $.**') AS leaf(value) ` +
    `WHERE jsonb_typeof(leaf.value) NOT IN ('object', 'array', 'null') AND ${predicate("(leaf.value #>> '{}')")})`,
  contains: (haystack, needle) => `strpos(${haystack}, ${needle}) > 0`,
  startsWith: (haystack, prefix) => `starts_with(${haystack}, ${prefix})`,
  endsWith: (haystack, suffix) => `right(${haystack}, length(${suffix})) = ${suffix}`,
  wildcardPaths: true,
  trueLiteral: 'TRUE',
  falseLiteral: 'FALSE',
};
