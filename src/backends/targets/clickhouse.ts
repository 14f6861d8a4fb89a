// ClickHouse: a String column holding JSON, read with the JSONExtract functions; RE2 regexes
// through match(); isIPAddressInRange for IPv6 CIDR tests. ClickHouse string literals use
// backslash escapes, so quoting differs from standard SQL.
import type { CidrPattern } from '../../sigma/model.ts';
import { BackendUnsupportedError } from '../errors.ts';
import { ipv4CidrRegexBody } from '../ipv4-regex.ts';
import { toRe2 } from './re2.ts';
import { DECIMAL_NUMBER, type SqlFlavour } from './sql-flavour.ts';

function clickhouseString(text: string): string {
  return `'${text.replace(/[\\']/g, (char) => `\\${char}`)}'`;
}

function pathArguments(path: string[]): string {
  return path.map(clickhouseString).join(', ');
}

export const CLICKHOUSE: SqlFlavour = {
  target: 'clickhouse',
  string: clickhouseString,
  identifier: (name) => `\`${name.replace(/[\\`]/g, (char) => `\\${char}`)}\``,
  jsonText(column, path) {
    const at = `${column}, ${pathArguments(path)}`;
    return (
      `multiIf(JSONType(${at}) = 'String', JSONExtractString(${at}), ` +
      `JSONType(${at}) IN ('Int64', 'UInt64', 'Double', 'Bool'), JSONExtractRaw(${at}), NULL)`
    );
  },
  jsonType: (column, path) => `toString(JSONType(${column}, ${pathArguments(path)}))`,
  objectType: 'Object',
  arrayType: 'Array',
  jsonPresent: (column, path) => `JSONHas(${column}, ${pathArguments(path)})`,
  columnText: (column) => `toString(${column})`,
  lower: (expression) => `lowerUTF8(${expression})`,
  like: (expression, pattern) => `${expression} LIKE ${clickhouseString(pattern)}`,
  likeFolded: (expression, pattern) => `${expression} LIKE ${clickhouseString(pattern)}`,
  regex: (expression, regex) => `match(${expression}, ${clickhouseString(toRe2('clickhouse', regex))})`,
  number: (expression) =>
    `if(match(${expression}, ${clickhouseString(DECIMAL_NUMBER)}), toFloat64OrNull(trimBoth(${expression})), NULL)`,
  cidr: (expression, cidr) => clickhouseCidr(expression, cidr),
  bindValue: (expression, body) => `arrayExists(value -> ${body('value')}, [${expression}])`,
  anyElement: (column, path, predicate) =>
    `arrayExists(element -> ${predicate('element')}, JSONExtract(${column}, ${pathArguments(path)}, 'Array(Nullable(String))'))`,
  anyLeaf() {
    throw new BackendUnsupportedError('clickhouse', 'keyword search', 'ClickHouse cannot walk every value of a JSON string');
  },
  contains: (haystack, needle) => `position(${haystack}, ${needle}) > 0`,
  startsWith: (haystack, prefix) => `startsWith(${haystack}, ${prefix})`,
  endsWith: (haystack, suffix) => `endsWith(${haystack}, ${suffix})`,
  wildcardPaths: false,
  trueLiteral: 'true',
  falseLiteral: 'false',
};

function clickhouseCidr(expression: string, cidr: CidrPattern): string {
  if (cidr.version === 4) return `match(${expression}, ${clickhouseString(`^${ipv4CidrRegexBody(cidr)}$`)})`;
  return `if(isIPv6String(${expression}), isIPAddressInRange(${expression}, ${clickhouseString(cidr.text)}), false)`;
}
