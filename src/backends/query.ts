// The query tree: a rule's condition with search identifiers, logsource and field names resolved.
// The builder produces it; each target renders it.
import type {
  CidrPattern,
  ComparePattern,
  ExistsPattern,
  MatchKind,
  NullPattern,
  RegexPattern,
  StringPattern,
  TimePartPattern,
} from '../sigma/model.ts';

/** Where a Sigma field lives in the stored event. */
export interface FieldLocation {
  /** Name of the field in targets with flat field names (Lucene, SPL, KQL, flat SQL columns). */
  name: string;
  /** Path of keys inside one JSON document, for SQL tables with a JSON column; `*` is any key. */
  path: string[];
  /** When the value at `path` is an object with this key, the key's value is the field's value (`#text`). */
  textKey?: string;
}

/** A Sigma field after the logsource variant's renames and the profile's mapping. */
export interface FieldRef {
  /** The field name as the rule wrote it. */
  sigma: string;
  /** The name after the logsource variant's renames; the column name of flat SQL tables. */
  mapped: string;
  /** Candidate locations; the first one present in an event is the field's value. */
  locations: FieldLocation[];
}

/**
 * The locations whose name has no `*` key, for targets that cannot write a wildcard field name.
 * NOTE: values found only through a wildcard path (such as `UserData.*.Field`) are then missed.
 */
export function plainLocations(field: FieldRef): FieldLocation[] {
  return field.locations.filter((location) => !location.path.includes('*'));
}

/** `fieldref` with the referenced field resolved. */
export interface FieldRefTest {
  kind: 'FieldRef';
  other: FieldRef;
  match: MatchKind;
  cased: boolean;
}

/** The tests that compare the field's value (as opposed to its presence or another field). */
export type ValueTest = StringPattern | RegexPattern | CidrPattern | ComparePattern;

/** Narrows a field test to a value test. */
export function isValueTest(test: FieldTest): test is ValueTest {
  return test.kind === 'String' || test.kind === 'Regex' || test.kind === 'Cidr' || test.kind === 'Compare';
}

/** What one field must satisfy. */
export type FieldTest =
  | StringPattern
  | RegexPattern
  | CidrPattern
  | ComparePattern
  | ExistsPattern
  | NullPattern
  | FieldRefTest
  | TimePartPattern;

export type QueryNode =
  | { kind: 'And'; operands: QueryNode[] }
  | { kind: 'Or'; operands: QueryNode[] }
  | { kind: 'Not'; operand: QueryNode }
  | { kind: 'Const'; value: boolean }
  | { kind: 'Field'; field: FieldRef; test: FieldTest }
  /** Tests on one field OR-ed, so that a dialect can read the field once for a long value list. */
  | { kind: 'FieldAny'; field: FieldRef; tests: ValueTest[] }
  /** A keyword: some leaf value of the event matches. */
  | { kind: 'Keyword'; test: StringPattern | RegexPattern };

/** Builds an AND, dropping TRUE operands, flattening nested ANDs and folding FALSE. */
export function and(operands: QueryNode[]): QueryNode {
  const kept: QueryNode[] = [];
  for (const operand of operands) {
    if (operand.kind === 'Const') {
      if (!operand.value) return operand;
      continue;
    }
    if (operand.kind === 'And') kept.push(...operand.operands);
    else kept.push(operand);
  }
  if (kept.length === 0) return { kind: 'Const', value: true };
  return kept.length === 1 ? kept[0]! : { kind: 'And', operands: kept };
}

/** Builds an OR, dropping FALSE operands, flattening nested ORs and folding TRUE. */
export function or(operands: QueryNode[]): QueryNode {
  const kept: QueryNode[] = [];
  for (const operand of operands) {
    if (operand.kind === 'Const') {
      if (operand.value) return operand;
      continue;
    }
    if (operand.kind === 'Or') kept.push(...operand.operands);
    else kept.push(operand);
  }
  if (kept.length === 0) return { kind: 'Const', value: false };
  return kept.length === 1 ? kept[0]! : { kind: 'Or', operands: kept };
}

/** Builds a NOT, folding constants and double negation. */
export function not(operand: QueryNode): QueryNode {
  if (operand.kind === 'Const') return { kind: 'Const', value: !operand.value };
  if (operand.kind === 'Not') return operand.operand;
  return { kind: 'Not', operand };
}
