// ES|QL (Elasticsearch Query Language): `FROM index | WHERE condition`.
// ES|QL has three-valued logic like SQL, so NOT is written `NOT COALESCE(x, false)`.
import { assertNever, type StringPattern } from '../../sigma/model.ts';
import type { Dialect } from '../dialect.ts';
import { BackendUnsupportedError } from '../errors.ts';
import { LuceneRegexError, toLuceneRegex } from '../lucene-regex.ts';
import { plainLocations, type FieldTest } from '../query.ts';
import { parseSigmaRegex } from '../regex.ts';
import { foldCase, normalizeParts, patternShape } from '../sigma-string.ts';

/** Writes a double-quoted ES|QL string literal. */
export function esqlString(text: string): string {
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`).replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t')}"`;
}

function esqlField(name: string): string {
  return /^[A-Za-z_@][A-Za-z0-9_.@]*$/.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}

// ES|QL LIKE: `*` any run, `?` one character, `\` escapes.
function likePattern(pattern: StringPattern): string {
  const written = normalizeParts(pattern.parts).map((part) => {
    if (part.kind === 'AnyChars') return '*';
    if (part.kind === 'OneChar') return '?';
    return part.text.replace(/[\\*?]/g, (char) => `\\${char}`);
  });
  return written.join('');
}

function stringTest(value: string, pattern: StringPattern): string {
  const shape = patternShape(pattern);
  if (shape.kind === 'any') return `${value} IS NOT NULL`;
  const subject = pattern.cased ? value : `TO_LOWER(${value})`;
  if (shape.kind === 'equals') return `${subject} == ${esqlString(pattern.cased ? shape.text : shape.text.toLowerCase())}`;
  return `${subject} LIKE ${esqlString(likePattern(foldCase(pattern)))}`;
}

function fieldTest(name: string, test: FieldTest): string {
  switch (test.kind) {
    case 'String':
      return stringTest(name, test);
    case 'Regex':
      try {
        return `${name} RLIKE ${esqlString(toLuceneRegex(parseSigmaRegex(test)))}`;
      } catch (error) {
        if (error instanceof LuceneRegexError) throw new BackendUnsupportedError('esql', `re (${error.message})`, 'RLIKE takes Lucene regular expressions');
        throw error;
      }
    case 'Cidr':
      return `CIDR_MATCH(TO_IP(${name}), ${esqlString(test.text)})`;
    case 'Compare':
      return `TO_DOUBLE(${name}) ${{ lt: '<', lte: '<=', gt: '>', gte: '>=' }[test.operator]} ${test.value}`;
    case 'Exists':
      return test.present ? `${name} IS NOT NULL` : `${name} IS NULL`;
    case 'Null':
      return `${name} IS NULL`;
    case 'FieldRef': {
      const other = esqlField(test.other.locations[0]?.name ?? test.other.sigma);
      const left = test.cased ? name : `TO_LOWER(${name})`;
      const right = test.cased ? other : `TO_LOWER(${other})`;
      if (test.match === 'equals') return `${left} == ${right}`;
      if (test.match === 'contains') return `LOCATE(${left}, ${right}) > 0`;
      if (test.match === 'startswith') return `STARTS_WITH(${left}, ${right})`;
      return `ENDS_WITH(${left}, ${right})`;
    }
    case 'TimePart':
      throw new BackendUnsupportedError('esql', `${test.part} time modifier`, 'not converted');
    default:
      return assertNever(test);
  }
}

/** Builds the ES|QL dialect; `index` is the source pattern after FROM. */
export function esqlDialect(index: string): Dialect {
  return {
    target: 'esql',
    and: 'AND',
    or: 'OR',
    not: (operand) => `NOT COALESCE(${operand}, false)`,
    matchAll: 'true',
    matchNone: 'false',
    field(field, test) {
      const locations = plainLocations(field);
      if (locations.length === 0) throw new BackendUnsupportedError('esql', `field ${field.sigma}`, 'its only paths have a wildcard key');
      const names = locations.map((location) => esqlField(location.name));
      // ES stores no nulls, so a null field and an absent one are the same to ES|QL.
      if (test.kind === 'Null' || (test.kind === 'Exists' && !test.present)) {
        return names.length === 1 ? `${names[0]} IS NULL` : `(${names.map((name) => `${name} IS NULL`).join(' AND ')})`;
      }
      const written = names.map((name) => fieldTest(name, test));
      return written.length === 1 ? written[0]! : `(${written.join(' OR ')})`;
    },
    keyword() {
      throw new BackendUnsupportedError('esql', 'keyword search', 'ES|QL filters name their fields');
    },
    statement: (condition) => `FROM ${index} | WHERE ${condition}`,
  };
}
