// Kusto Query Language (Microsoft Sentinel, Defender XDR advanced hunting): `Table | where ...`.
// String operators (`=~`, `contains`, `startswith`, `endswith`) ignore case; other wildcards and
// regexes use `matches regex` (RE2).
//
// NOTE: KQL string columns hold "" for a missing value, so KQL cannot tell an absent field from
// an empty one; `null`, `exists`, the empty string and a lone `*` are rejected for that reason.
import { assertNever, type StringPattern } from '../../sigma/model.ts';
import type { Dialect } from '../dialect.ts';
import { BackendUnsupportedError } from '../errors.ts';
import { plainLocations, type FieldRef, type FieldTest } from '../query.ts';
import { parseSigmaRegex } from '../regex.ts';
import { patternShape, toAnchoredRegex } from '../sigma-string.ts';
import { toRe2 } from './re2.ts';

/** A verbatim KQL string literal: backslashes are literal and `"` is doubled. */
export function kqlString(text: string): string {
  if (/[\r\n]/.test(text)) return JSON.stringify(text);
  return `@"${text.replaceAll('"', '""')}"`;
}

function kqlField(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(name)) return name;
  return `['${name.replace(/['\\]/g, (char) => `\\${char}`)}']`;
}

function absentVersusEmpty(construct: string): BackendUnsupportedError {
  return new BackendUnsupportedError('kql', construct, 'KQL string columns cannot tell an absent field from an empty one');
}

function stringTest(name: string, pattern: StringPattern): string {
  const shape = patternShape(pattern);
  const suffix = pattern.cased ? '_cs' : '';
  switch (shape.kind) {
    case 'any':
      throw absentVersusEmpty("a lone '*'");
    case 'equals':
      if (shape.text === '') throw absentVersusEmpty('the empty string');
      return `${name} ${pattern.cased ? '==' : '=~'} ${kqlString(shape.text)}`;
    case 'contains':
    case 'startswith':
    case 'endswith':
      return `${name} ${shape.kind}${suffix} ${kqlString(shape.text)}`;
    case 'wildcard':
      return `${name} matches regex ${kqlString(toAnchoredRegex(pattern))}`;
    default:
      return assertNever(shape);
  }
}

function fieldTest(name: string, test: FieldTest): string {
  switch (test.kind) {
    case 'String':
      return stringTest(name, test);
    case 'Regex':
      return `${name} matches regex ${kqlString(toRe2('kql', parseSigmaRegex(test)))}`;
    case 'Cidr':
      return `coalesce(${test.version === 4 ? 'ipv4' : 'ipv6'}_is_in_range(${name}, ${kqlString(test.text)}), false)`;
    case 'Compare':
      return `(isnotnull(todouble(${name})) and todouble(${name}) ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[test.operator]} ${test.value})`;
    case 'Exists':
      throw absentVersusEmpty('exists');
    case 'Null':
      throw absentVersusEmpty('null');
    case 'FieldRef': {
      const other = kqlField(test.other.locations[0]?.name ?? test.other.sigma);
      const left = test.cased ? name : `tolower(${name})`;
      const right = test.cased ? other : `tolower(${other})`;
      if (test.match === 'equals') return `${left} == ${right}`;
      if (test.match === 'contains') return `indexof(${left}, ${right}) >= 0`;
      if (test.match === 'startswith') return `indexof(${left}, ${right}) == 0`;
      throw new BackendUnsupportedError('kql', 'fieldref with endswith', 'not converted');
    }
    case 'TimePart':
      throw new BackendUnsupportedError('kql', `${test.part} time modifier`, 'not converted');
    default:
      return assertNever(test);
  }
}

function eachLocation(field: FieldRef, test: FieldTest): string {
  const locations = plainLocations(field);
  if (locations.length === 0) throw new BackendUnsupportedError('kql', `field ${field.sigma}`, 'its only paths have a wildcard key');
  const written = locations.map((location) => fieldTest(kqlField(location.name), test));
  return written.length === 1 ? written[0]! : `(${written.join(' or ')})`;
}

/** The KQL dialect; `table` is the table the query starts from. */
export function kqlDialect(table: string): Dialect {
  return {
    target: 'kql',
    and: 'and',
    or: 'or',
    not: (operand) => `not(${operand})`,
    matchAll: 'true',
    matchNone: 'false',
    field: eachLocation,
    keyword(test) {
      if (test.kind === 'String' && patternShape(test).kind === 'contains') {
        const shape = patternShape(test);
        if (shape.kind === 'contains') return `* ${test.cased ? 'contains_cs' : 'contains'} ${kqlString(shape.text)}`;
      }
      throw new BackendUnsupportedError('kql', 'keyword with wildcards or regex', 'KQL searches all columns only with contains');
    },
    statement: (condition) => `${kqlField(table)} | where ${condition}`,
  };
}
