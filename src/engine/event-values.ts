// Conversions of event values for comparison with rule values: as text, as numbers, as timestamps.
import { parseNumber } from '../sigma/index.ts';

/**
 * Returns the text a rule's string values compare with: strings as they are, numbers and
 * bigints in decimal, booleans as `true`/`false`. Objects and null have no text.
 */
export function valueText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return undefined;
  }
}

/** Returns the number an event value contains, for `lt`/`gt` comparisons, or undefined when it is not numeric. */
export function valueNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return parseNumber(value);
  return undefined;
}

/** Calls `test` on the value, or on each element when the value is an array; true when any call is. */
export function someElement(value: unknown, test: (element: unknown) => boolean): boolean {
  if (Array.isArray(value)) {
    for (const element of value) if (test(element)) return true;
    return false;
  }
  return test(value);
}

/** Parses a timestamp: ISO 8601 text (with `T` or a space), or epoch milliseconds. */
export function valueDate(value: unknown): Date | undefined {
  if (typeof value === 'number') return new Date(value);
  if (typeof value !== 'string') return undefined;
  const text = /^\d{4}-\d{2}-\d{2} \d/.test(value) ? value.replace(' ', 'T') : value;
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** ISO 8601 week number (1-53) of a UTC date. */
export function isoWeek(date: Date): number {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** Nesting below this depth is not searched by keywords. */
const MAX_LEAF_DEPTH = 64;

/** Calls `visit` on every scalar leaf value of an event, in document order, for keyword search. */
export function forEachLeafValue(value: unknown, visit: (leaf: unknown) => void, depth = 0): void {
  if (depth > MAX_LEAF_DEPTH) return;
  if (Array.isArray(value)) {
    for (const element of value) forEachLeafValue(element, visit, depth + 1);
  } else if (typeof value === 'object' && value !== null) {
    for (const key in value) forEachLeafValue((value as Record<string, unknown>)[key], visit, depth + 1);
  } else if (value !== null && value !== undefined) {
    visit(value);
  }
}

/** Collects every scalar leaf value of an event, for keyword search. */
export function collectLeafValues(value: unknown, into: unknown[]): unknown[] {
  forEachLeafValue(value, (leaf) => into.push(leaf));
  return into;
}
