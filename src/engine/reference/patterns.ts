// The reference semantics of one value pattern against one event value. Written for
// clarity, not speed: the compiled matcher must agree with it on every input.
import { cidrContains, parseIp, type StringPart, type ValuePattern } from '../../sigma/index.ts';
import { compileRegexTester, type RegexTester } from '../regex-match.ts';
import { compareNumbers, matchesByKind, timePart } from '../comparisons.ts';
import { someElement, valueDate, valueNumber, valueText } from '../event-values.ts';

/** Reads another field of the same event, for `fieldref`. */
export type FieldLookup = (field: string) => unknown;

const regexCache = new WeakMap<object, RegExp>();
const regexTesters = new WeakMap<object, RegexTester>();

function cachedRegex(key: object, build: () => RegExp): RegExp {
  let regex = regexCache.get(key);
  if (!regex) {
    regex = build();
    regexCache.set(key, regex);
  }
  return regex;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A Sigma string as an anchored RegExp over text that was lower-cased when `cased` is false. */
function wildcardRegex(parts: readonly StringPart[], cased: boolean): RegExp {
  const body = parts
    .map((part) => {
      if (part.kind === 'AnyChars') return '[\\s\\S]*';
      if (part.kind === 'OneChar') return '[\\s\\S]';
      return escapeRegex(cased ? part.text : part.text.toLowerCase());
    })
    .join('');
  return new RegExp(`^${body}$`);
}

/** True when `text` matches the Sigma string parts. */
export function matchesSigmaString(parts: readonly StringPart[], cased: boolean, text: string): boolean {
  const regex = cachedRegex(parts, () => wildcardRegex(parts, cased));
  return regex.test(cased ? text : text.toLowerCase());
}

/**
 * True when the pattern holds for a field value. `value` is undefined when the field is
 * absent; an array holds when any element does.
 */
export function referencePatternMatches(pattern: ValuePattern, value: unknown, lookup: FieldLookup): boolean {
  switch (pattern.kind) {
    case 'Exists':
      return (value !== undefined) === pattern.present;
    case 'Null':
      return value === undefined || value === null;
    case 'String':
      return someElement(value, (element) => {
        const text = valueText(element);
        return text !== undefined && matchesSigmaString(pattern.parts, pattern.cased, text);
      });
    case 'Regex': {
      let tester = regexTesters.get(pattern);
      if (!tester) {
        tester = compileRegexTester(pattern);
        regexTesters.set(pattern, tester);
      }
      const test = tester;
      return someElement(value, (element) => {
        const text = valueText(element);
        return text !== undefined && test(text);
      });
    }
    case 'Cidr':
      return someElement(value, (element) => {
        const text = valueText(element);
        const address = text === undefined ? undefined : parseIp(text.trim());
        return address !== undefined && cidrContains(pattern, address);
      });
    case 'Compare':
      return someElement(value, (element) => {
        const number = valueNumber(element);
        return number !== undefined && compareNumbers(pattern.operator, number, pattern.value);
      });
    case 'FieldRef': {
      const other = lookup(pattern.field);
      return someElement(value, (element) =>
        someElement(other, (otherElement) => {
          const text = valueText(element);
          const otherText = valueText(otherElement);
          if (text === undefined || otherText === undefined) return false;
          return pattern.cased
            ? matchesByKind(pattern.match, text, otherText)
            : matchesByKind(pattern.match, text.toLowerCase(), otherText.toLowerCase());
        }),
      );
    }
    case 'TimePart':
      return someElement(value, (element) => {
        const date = valueDate(element);
        if (!date) return false;
        const part = timePart(date, pattern.part);
        const inner = pattern.inner;
        return inner.kind === 'Compare'
          ? compareNumbers(inner.operator, part, inner.value)
          : matchesSigmaString(inner.parts, false, String(part));
      });
    case 'Placeholder':
      return false;
  }
}
