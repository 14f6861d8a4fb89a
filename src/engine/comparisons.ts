// Small comparisons shared by the reference evaluator and the compiled matcher.
import type { CompareOperator, MatchKind, TimePart } from '../sigma/index.ts';
import { isoWeek } from './event-values.ts';

export function compareNumbers(operator: CompareOperator, left: number, right: number): boolean {
  switch (operator) {
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    case 'gte':
      return left >= right;
  }
}

/** The part of a UTC timestamp that a time modifier extracts. */
export function timePart(date: Date, part: TimePart): number {
  switch (part) {
    case 'minute':
      return date.getUTCMinutes();
    case 'hour':
      return date.getUTCHours();
    case 'day':
      return date.getUTCDate();
    case 'week':
      return isoWeek(date);
    case 'month':
      return date.getUTCMonth() + 1;
    case 'year':
      return date.getUTCFullYear();
  }
}

/** Compares two texts the way a `fieldref` with a match modifier asks. */
export function matchesByKind(match: MatchKind, text: string, other: string): boolean {
  switch (match) {
    case 'equals':
      return text === other;
    case 'contains':
      return text.includes(other);
    case 'startswith':
      return text.startsWith(other);
    case 'endswith':
      return text.endsWith(other);
  }
}
