// Splunk SPL. A rule is written in search syntax when every test has an exact search form
// (search compares field values case-insensitively with `*` wildcards); otherwise the whole
// condition is written as one `| where` expression, which has regexes and functions.
import { assertNever, type StringPattern } from '../../sigma/model.ts';
import type { Dialect } from '../dialect.ts';
import { BackendUnsupportedError } from '../errors.ts';
import { plainLocations, type FieldRef, type FieldTest } from '../query.ts';
import { parseSigmaRegex, patchRegexSource } from '../regex.ts';
import { normalizeParts, patternShape, toAnchoredRegex } from '../sigma-string.ts';

/** A double-quoted SPL string with `\` and `"` escaped. */
export function splString(text: string): string {
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

function splField(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(name)) return name;
  throw new BackendUnsupportedError('spl', `field name ${name}`, 'only plain field names are written');
}

/** Signals that a test needs the `| where` form; the dialect then renders the rule again. */
export class NeedsWhere extends Error {}

function searchValue(pattern: StringPattern): string {
  if (pattern.cased) throw new NeedsWhere();
  const parts = normalizeParts(pattern.parts);
  // Search syntax has no single-character wildcard and cannot escape a literal `*`.
  if (parts.some((part) => part.kind === 'OneChar' || (part.kind === 'Text' && part.text.includes('*')))) throw new NeedsWhere();
  return splString(parts.map((part) => (part.kind === 'AnyChars' ? '*' : (part as { text: string }).text)).join(''));
}

function searchTest(name: string, test: FieldTest): string {
  switch (test.kind) {
    case 'String':
      return `${name}=${searchValue(test)}`;
    case 'Cidr':
      if (test.version !== 4) throw new NeedsWhere();
      return `${name}=${splString(test.text)}`;
    case 'Exists':
      return test.present ? `${name}=*` : `NOT ${name}=*`;
    case 'Null':
      return `NOT ${name}=*`;
    case 'Regex':
    case 'Compare':
    case 'FieldRef':
    case 'TimePart':
      throw new NeedsWhere();
    default:
      return assertNever(test);
  }
}

function pcre(test: Parameters<typeof parseSigmaRegex>[0]): string {
  const parsed = parseSigmaRegex(test);
  const flags = `${parsed.flags.ignoreCase ? 'i' : ''}${parsed.flags.multiline ? 'm' : ''}${parsed.flags.dotAll ? 's' : ''}`;
  const source = patchRegexSource(parsed, { dotExcludingNewlines: '[^\\n\\r\\x{2028}\\x{2029}]' });
  return (flags === '' ? '' : `(?${flags})`) + source;
}

function whereTest(name: string, test: FieldTest): string {
  switch (test.kind) {
    case 'String': {
      if (patternShape(test).kind === 'any') return `isnotnull(${name})`;
      return `(isnotnull(${name}) AND match(${name}, ${splString(toAnchoredRegex(test))}))`;
    }
    case 'Regex':
      return `(isnotnull(${name}) AND match(${name}, ${splString(pcre(test))}))`;
    case 'Cidr':
      return `(isnotnull(${name}) AND cidrmatch(${splString(test.text)}, ${name}))`;
    case 'Compare':
      return `(isnum(tonumber(${name})) AND tonumber(${name}) ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[test.operator]} ${test.value})`;
    case 'Exists':
      return test.present ? `isnotnull(${name})` : `isnull(${name})`;
    case 'Null':
      return `isnull(${name})`;
    case 'FieldRef': {
      const other = splField(test.other.locations[0]?.name ?? test.other.sigma);
      if (test.match !== 'equals') throw new BackendUnsupportedError('spl', `fieldref with ${test.match}`, 'SPL has no substring test between two fields');
      return test.cased ? `(${name} == ${other})` : `(lower(${name}) == lower(${other}))`;
    }
    case 'TimePart':
      throw new BackendUnsupportedError('spl', `${test.part} time modifier`, 'not converted');
    default:
      return assertNever(test);
  }
}

function eachLocation(field: FieldRef, write: (name: string) => string): string {
  const locations = plainLocations(field);
  if (locations.length === 0) throw new BackendUnsupportedError('spl', `field ${field.sigma}`, 'its only paths have a wildcard key');
  const written = locations.map((location) => write(splField(location.name)));
  return written.length === 1 ? written[0]! : `(${written.join(' OR ')})`;
}

/** The SPL dialect in search form (`where: false`) or `| where` form (`where: true`). */
export function splDialect(where: boolean): Dialect {
  return {
    target: 'spl',
    and: 'AND',
    or: 'OR',
    not: (operand, compound) => (compound ? `NOT (${operand})` : `NOT ${operand}`),
    matchAll: where ? 'true()' : '*',
    matchNone: where ? 'false()' : 'NOT *',
    field(field, test) {
      // Absence must hold at every location, so it is the negation of presence at any.
      if (test.kind === 'Null' || (test.kind === 'Exists' && !test.present)) {
        const present = eachLocation(field, (name) => (where ? `isnotnull(${name})` : `${name}=*`));
        return `NOT ${present}`;
      }
      return eachLocation(field, (name) => (where ? whereTest(name, test) : searchTest(name, test)));
    },
    keyword(test) {
      if (test.kind === 'Regex') throw new NeedsWhere();
      if (where) return `searchmatch(${splString(searchValue(test))})`;
      return searchValue(test);
    },
    statement: (condition) => (where ? `* | where ${condition}` : condition),
  };
}
