// Compiles the patterns of a detection item into one test of an event value.
import { cidrContains, parseIp, type StringPattern, type ValuePattern } from '../../sigma/index.ts';
import { compileRegexTester } from '../regex-match.ts';
import { compareNumbers, matchesByKind, timePart } from '../comparisons.ts';
import { valueDate, valueNumber, valueText } from '../event-values.ts';
import type { FieldAccessor } from '../profile.ts';
import type { MatchContext } from '../match-context.ts';
import { compileStringAlternatives, compileStringPattern } from './strings.ts';

/** Tests one field value (the whole value, which may be an array or undefined). */
export type ValueTest = (value: unknown, context: MatchContext) => boolean;

/** Tests one element of a field value (never an array). */
type ElementTest = (element: unknown, context: MatchContext) => boolean;

/** Thrown when a pattern cannot be evaluated, e.g. an `expand` placeholder without values. */
export class UnsupportedPatternError extends Error {}

function anyElement(test: ElementTest): ValueTest {
  return (value, context) => {
    if (Array.isArray(value)) {
      for (const element of value) if (test(element, context)) return true;
      return false;
    }
    return test(value, context);
  };
}

function stringTests(patterns: readonly StringPattern[]): ElementTest[] {
  const caseless = patterns.filter((pattern) => !pattern.cased);
  const cased = patterns.filter((pattern) => pattern.cased);
  const tests: ElementTest[] = [];
  if (caseless.length > 0) {
    const test = compileStringAlternatives(caseless);
    tests.push((element, context) => {
      const text = valueText(element);
      return text !== undefined && test(context.lower(text));
    });
  }
  if (cased.length > 0) {
    const test = compileStringAlternatives(cased);
    tests.push((element) => {
      const text = valueText(element);
      return text !== undefined && test(text);
    });
  }
  return tests;
}

function elementTest(pattern: Exclude<ValuePattern, StringPattern>, resolve: (field: string) => FieldAccessor): ElementTest {
  switch (pattern.kind) {
    case 'Regex': {
      const regex = compileRegexTester(pattern);
      return (element) => {
        const text = valueText(element);
        return text !== undefined && regex(text);
      };
    }
    case 'Cidr':
      return (element) => {
        const text = valueText(element);
        const address = text === undefined ? undefined : parseIp(text.trim());
        return address !== undefined && cidrContains(pattern, address);
      };
    case 'Compare':
      return (element) => {
        const number = valueNumber(element);
        return number !== undefined && compareNumbers(pattern.operator, number, pattern.value);
      };
    case 'FieldRef': {
      const other = resolve(pattern.field);
      const fold = (text: string, context: MatchContext): string => (pattern.cased ? text : context.lower(text));
      return (element, context) => {
        const text = valueText(element);
        if (text === undefined) return false;
        const otherValue = other(context.event);
        const otherElements = Array.isArray(otherValue) ? otherValue : [otherValue];
        return otherElements.some((otherElement) => {
          const otherText = valueText(otherElement);
          return otherText !== undefined && matchesByKind(pattern.match, fold(text, context), fold(otherText, context));
        });
      };
    }
    case 'TimePart': {
      const inner = pattern.inner;
      const innerTest = inner.kind === 'Compare' ? (part: number) => compareNumbers(inner.operator, part, inner.value) : ((test) => (part: number) => test(String(part)))(compileStringPattern(inner));
      return (element) => {
        const date = valueDate(element);
        return date !== undefined && innerTest(timePart(date, pattern.part));
      };
    }
    case 'Exists':
    case 'Null':
      throw new Error(`${pattern.kind} patterns test the whole value, not an element`);
    case 'Placeholder':
      throw new UnsupportedPatternError(`placeholder '%${pattern.name}%' has no values`);
  }
}

/**
 * One test for a set of patterns OR-ed: presence tests (`null`, `exists`) look at the whole
 * value, the others at each element of an array value.
 */
export function compilePatterns(patterns: readonly ValuePattern[], resolve: (field: string) => FieldAccessor): ValueTest {
  const wholeValueTests: ValueTest[] = [];
  const strings: StringPattern[] = [];
  const elementTests: ElementTest[] = [];

  for (const pattern of patterns) {
    if (pattern.kind === 'Null') wholeValueTests.push((value) => value === undefined || value === null);
    else if (pattern.kind === 'Exists') wholeValueTests.push(pattern.present ? (value) => value !== undefined : (value) => value === undefined);
    else if (pattern.kind === 'String') strings.push(pattern);
    else elementTests.push(elementTest(pattern, resolve));
  }
  elementTests.unshift(...stringTests(strings));

  const element: ElementTest | undefined =
    elementTests.length === 0
      ? undefined
      : elementTests.length === 1
        ? elementTests[0]!
        : (value, context) => {
            for (const test of elementTests) if (test(value, context)) return true;
            return false;
          };
  const perElement = element ? anyElement(element) : undefined;

  if (wholeValueTests.length === 0) return perElement ?? (() => false);
  return (value, context) => {
    for (const test of wholeValueTests) if (test(value, context)) return true;
    return perElement !== undefined && perElement(value, context);
  };
}
