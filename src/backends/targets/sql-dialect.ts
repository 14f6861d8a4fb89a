// The SQL dialect shared by PostgreSQL, DuckDB, SQLite and ClickHouse: every construct is written
// once here in terms of a flavour table.
//
// Absent fields: a field test on an absent field yields NULL, and NULL behaves as false under AND
// and OR. Only NOT would turn it into NULL instead of true, so NOT is written as
// `NOT COALESCE(x, FALSE)`: `selection AND NOT filter` fires when the filter's field is missing.
import { assertNever, type StringPattern } from '../../sigma/model.ts';
import type { Dialect } from '../dialect.ts';
import { BackendUnsupportedError } from '../errors.ts';
import type { FieldLocation, FieldRef, FieldTest, ValueTest } from '../query.ts';
import { joinOperands } from '../render.ts';
import { parseSigmaRegex } from '../regex.ts';
import { foldCase, patternShape, toLikePattern } from '../sigma-string.ts';
import type { SqlFlavour } from './sql-flavour.ts';

/** The storage of events: one JSON document per row, or one column per field. */
export type SqlLayout = 'json' | 'flat';

export interface SqlOptions {
  layout: SqlLayout;
  table: string;
  /** The JSON column of the `json` layout. */
  column: string;
}

export const DEFAULT_SQL_OPTIONS: SqlOptions = { layout: 'json', table: 'events', column: 'event' };

/** The SQL dialect with the field reader that correlation queries also use. */
export interface SqlDialect extends Dialect {
  /** A field's value as text, or NULL when it is absent, null, an object without the text key, or a list. */
  fieldText(field: FieldRef): string;
}

/** Builds the dialect of one SQL engine. */
export function sqlDialect(flavour: SqlFlavour, options: SqlOptions): SqlDialect {
  const column = flavour.identifier(options.column);

  // NOTE: only PostgreSQL has wildcard JSON paths. Other engines skip a location with a `*`
  // key, so they miss values found only there (docs/backends.md lists this).
  const usableLocations = (field: FieldRef): FieldLocation[] => {
    const usable = field.locations.filter((location) => flavour.wildcardPaths || !location.path.includes('*'));
    if (usable.length === 0) throw new BackendUnsupportedError(flavour.target, `field ${field.sigma}`, 'its only paths have a wildcard key');
    return usable;
  };

  // Objects and arrays have no text; an object with the text key stands for that key's value.
  const scalarText = (path: string[], textKey: string | undefined): string => {
    const objectCase = textKey === undefined ? 'NULL' : scalarText([...path, textKey], undefined);
    if (flavour.jsonScalarText !== undefined) return flavour.jsonScalarText(column, path, objectCase);
    const type = flavour.jsonType(column, path);
    return `(CASE ${type} WHEN ${flavour.string(flavour.objectType)} THEN ${objectCase} WHEN ${flavour.string(flavour.arrayType)} THEN NULL ELSE ${flavour.jsonText(column, path)} END)`;
  };

  const text = (field: FieldRef): string => {
    if (options.layout === 'flat') return flavour.columnText(flavour.identifier(field.mapped));
    const values = usableLocations(field).map((location) => scalarText(location.path, location.textKey));
    return values.length === 1 ? values[0]! : `COALESCE(${values.join(', ')})`;
  };

  // A test on the field's value. The value under the text key may be a list (the unnamed
  // <Data> elements of classic events), and then the test holds when it holds for an element.
  // NOTE: lists directly at a field's path are not searched; no event shape Sigil reads has them.
  const valueTest = (field: FieldRef, predicate: (value: string) => string): string => {
    if (options.layout === 'flat') return predicate(flavour.columnText(flavour.identifier(field.mapped)));
    const tests = usableLocations(field).map((location) => {
      const scalar = predicate(scalarText(location.path, location.textKey));
      if (location.textKey === undefined) return scalar;
      const listPath = [...location.path, location.textKey];
      const listType = flavour.string(flavour.arrayType);
      return `(CASE WHEN ${flavour.jsonType(column, listPath)} = ${listType} THEN ${flavour.anyElement(column, listPath, predicate)} ELSE ${scalar} END)`;
    });
    return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
  };

  const present = (field: FieldRef): string => {
    if (options.layout === 'flat') return `${flavour.identifier(field.mapped)} IS NOT NULL`;
    const tests = usableLocations(field).map((location) => flavour.jsonPresent(column, location.path));
    return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
  };

  // `lowered` marks `value` as already lower-cased, so a case-insensitive test uses it as is.
  const stringTest = (value: string, pattern: StringPattern, lowered = false): string => {
    const shape = patternShape(pattern);
    if (shape.kind === 'any') return `${value} IS NOT NULL`;
    const folded = foldCase(pattern);
    const subject = pattern.cased || lowered ? value : flavour.lower(value);
    if (shape.kind === 'equals') return `${subject} = ${flavour.string(pattern.cased ? shape.text : shape.text.toLowerCase())}`;
    const like = toLikePattern(folded);
    return pattern.cased ? flavour.like(value, like) : flavour.likeFolded(subject, like);
  };

  const valuePredicate = (test: ValueTest): ((value: string) => string) => {
    switch (test.kind) {
      case 'String':
        return (value) => stringTest(value, test);
      case 'Regex': {
        const parsed = parseSigmaRegex(test);
        return (value) => flavour.regex(value, parsed);
      }
      case 'Cidr':
        return (value) => flavour.cidr(value, test);
      case 'Compare':
        return (value) => `${flavour.number(value)} ${COMPARE_OPERATORS[test.operator]} ${test.value}`;
      default:
        return assertNever(test);
    }
  };

  const fieldTest = (field: FieldRef, test: FieldTest): string => {
    switch (test.kind) {
      case 'String':
        if (patternShape(test).kind === 'any') return `${text(field)} IS NOT NULL`;
        return valueTest(field, valuePredicate(test));
      case 'Regex':
      case 'Cidr':
      case 'Compare':
        return valueTest(field, valuePredicate(test));
      case 'Exists':
        return test.present ? present(field) : `NOT ${present(field)}`;
      case 'Null':
        return `${text(field)} IS NULL`;
      case 'FieldRef':
        return fieldRefTest(flavour, text(field), text(test.other), test.match, test.cased);
      case 'TimePart':
        // NOTE: the engine reads timestamps with JavaScript's Date parser, which also takes
        // non-ISO text and epoch numbers, and no SQL engine parses the same set of texts.
        throw new BackendUnsupportedError(
          flavour.target,
          `${test.part} time modifier`,
          "the engine parses timestamps with JavaScript's date parser, which SQL cannot reproduce exactly",
        );
      default:
        return assertNever(test);
    }
  };

  const dialect: SqlDialect = {
    target: flavour.target,
    fieldText: text,
    and: 'AND',
    or: 'OR',
    not: (operand) => `NOT COALESCE(${operand}, ${flavour.falseLiteral})`,
    matchAll: flavour.trueLiteral,
    matchNone: flavour.falseLiteral,
    maxChain: 32,
    field: fieldTest,
    fieldAny(field, tests) {
      if (tests.some((test) => test.kind === 'String' && patternShape(test).kind === 'any')) {
        return `(${tests.map((test) => fieldTest(field, test)).join(' OR ')})`;
      }
      // A list of case-insensitive strings lower-cases the value once rather than once per value.
      const folded = tests.filter((test): test is StringPattern => test.kind === 'String' && !test.cased);
      if (folded.length === tests.length) {
        const anyFolded = (lowered: string): string =>
          joinOperands(folded.map((test) => stringTest(lowered, test, true)), 'OR', dialect);
        return valueTest(field, (value) => flavour.bindValue(flavour.lower(value), anyFolded));
      }
      const predicates = tests.map(valuePredicate);
      const anyPredicate = (value: string): string => joinOperands(predicates.map((predicate) => predicate(value)), 'OR', dialect);
      return valueTest(field, (value) => flavour.bindValue(value, anyPredicate));
    },
    keyword(test) {
      if (options.layout !== 'json') {
        throw new BackendUnsupportedError(flavour.target, 'keyword search', 'the flat layout has no list of all values; use --layout json');
      }
      if (test.kind === 'Regex') {
        const parsed = parseSigmaRegex(test);
        return flavour.anyLeaf(column, (leaf) => flavour.regex(leaf, parsed));
      }
      return flavour.anyLeaf(column, (leaf) => stringTest(leaf, test));
    },
    statement: (condition) => `SELECT * FROM ${flavour.identifier(options.table)} WHERE ${condition}`,
  };
  return dialect;
}

const COMPARE_OPERATORS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function fieldRefTest(flavour: SqlFlavour, value: string, other: string, match: string, cased: boolean): string {
  const left = cased ? value : flavour.lower(value);
  const right = cased ? other : flavour.lower(other);
  switch (match) {
    case 'equals':
      return `${left} = ${right}`;
    case 'contains':
      return flavour.contains(left, right);
    case 'startswith':
      return flavour.startsWith(left, right);
    case 'endswith':
      return flavour.endsWith(left, right);
    default:
      throw new Error(`Unknown match kind ${match}`);
  }
}
