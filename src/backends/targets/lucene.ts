// Elasticsearch / OpenSearch query string (Lucene syntax).
//
// Case: Lucene compares terms exactly, so the query lower-cases every case-insensitive value and
// expects string fields mapped as `keyword` with a lowercase normalizer (see docs/backends.md).
// A `cased` value cannot be matched exactly on such a field and is rejected.
import { assertNever, type StringPattern } from '../../sigma/model.ts';
import type { Dialect } from '../dialect.ts';
import { BackendUnsupportedError } from '../errors.ts';
import { ipv4CidrRegexBody } from '../ipv4-regex.ts';
import { LuceneRegexError, toLuceneRegex } from '../lucene-regex.ts';
import type { FieldRef, FieldTest } from '../query.ts';
import { parseSigmaRegex } from '../regex.ts';
import { foldCase, normalizeParts, patternShape } from '../sigma-string.ts';

const RESERVED = /[+\-=&|><!(){}[\]^"~*?:\\/\s]/g;

/** Escapes a field name or term so that every character is literal. */
export function escapeLucene(text: string): string {
  return text.replace(RESERVED, (char) => `\\${char}`);
}

function term(pattern: StringPattern): string {
  const shape = patternShape(pattern);
  if (shape.kind === 'equals') return `"${shape.text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
  return normalizeParts(pattern.parts)
    .map((part) => (part.kind === 'AnyChars' ? '*' : part.kind === 'OneChar' ? '?' : escapeLucene(part.text)))
    .join('');
}

// The generated patterns escape every `/` already.
function regexTerm(source: string): string {
  return `/${source}/`;
}

function luceneRegex(test: Parameters<typeof parseSigmaRegex>[0]): string {
  try {
    return regexTerm(toLuceneRegex(parseSigmaRegex(test)));
  } catch (error) {
    if (error instanceof LuceneRegexError) throw new BackendUnsupportedError('lucene', `re (${error.message})`, 'Lucene regular expressions have no such construct');
    throw error;
  }
}

function valueTerm(test: FieldTest): string {
  switch (test.kind) {
    case 'String':
      if (test.cased) throw new BackendUnsupportedError('lucene', 'cased', 'fields are matched through a lowercase normalizer');
      return term(foldCase(test));
    case 'Regex':
      return luceneRegex(test);
    case 'Cidr':
      if (test.version !== 4) throw new BackendUnsupportedError('lucene', 'cidr (IPv6)', 'IPv6 text has many spellings and keyword fields compare text');
      return regexTerm(ipv4CidrRegexBody(test).replaceAll('(?:', '('));
    case 'Compare':
      return `${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[test.operator]}${test.value}`;
    case 'FieldRef':
      throw new BackendUnsupportedError('lucene', 'fieldref', 'a query string cannot compare two fields');
    case 'TimePart':
      throw new BackendUnsupportedError('lucene', `${test.part} time modifier`, 'a query string cannot extract parts of a timestamp');
    case 'Exists':
    case 'Null':
      throw new Error('Exists and Null are written by the dialect');
    default:
      return assertNever(test);
  }
}

function anyLocation(field: FieldRef, write: (name: string) => string): string {
  // A `*` in a field name is a wildcard over field names in query strings, as in the profile.
  const written = field.locations.map((location) => write(location.name.split('*').map(escapeLucene).join('*')));
  return written.length === 1 ? written[0]! : `(${written.join(' OR ')})`;
}

/** The Lucene query string dialect. */
export function luceneDialect(): Dialect {
  return {
    target: 'lucene',
    and: 'AND',
    or: 'OR',
    not: (operand, compound) => (compound ? `NOT (${operand})` : `NOT ${operand}`),
    matchAll: '*:*',
    matchNone: 'NOT *:*',
    field(field, test) {
      if (test.kind === 'Exists') {
        const exists = anyLocation(field, (name) => `_exists_:${name}`);
        return test.present ? exists : `NOT ${exists}`;
      }
      if (test.kind === 'Null') return `NOT ${anyLocation(field, (name) => `_exists_:${name}`)}`;
      if (test.kind === 'String' && patternShape(test).kind === 'any') return anyLocation(field, (name) => `${name}:*`);
      const value = valueTerm(test);
      return anyLocation(field, (name) => `${name}:${value}`);
    },
    keyword(test) {
      if (test.kind === 'Regex') return luceneRegex(test);
      if (test.cased) throw new BackendUnsupportedError('lucene', 'cased keyword', 'fields are matched through a lowercase normalizer');
      return term(foldCase(test));
    },
    statement: (condition) => condition,
  };
}
