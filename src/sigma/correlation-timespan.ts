// The `timespan` of a correlation: a positive integer followed by one unit letter.
// A small lexer reads it so that every error points at the character that is wrong.
import { SigmaError } from './diagnostics.ts';
import { shiftSpan, type SourceSpan } from './span.ts';

/** Seconds per timespan unit. `M` (month) and `y` (year) are average Gregorian lengths, as pySigma uses. */
export const TIMESPAN_UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
  M: 2_629_746,
  y: 31_556_952,
};

const UNIT_LIST = 's, m, h, d, w, M, y';

type TimespanToken =
  | { kind: 'Number'; text: string; start: number }
  | { kind: 'Unit'; text: string; start: number }
  | { kind: 'Invalid'; text: string; start: number };

/** Splits a timespan into number and unit tokens; any other character becomes an `Invalid` token. */
function tokenizeTimespan(text: string): TimespanToken[] {
  const tokens: TimespanToken[] = [];
  let index = 0;
  while (index < text.length) {
    const start = index;
    const char = text[index] as string;
    if (isDigit(char)) {
      while (index < text.length && isDigit(text[index] as string)) index++;
      tokens.push({ kind: 'Number', text: text.slice(start, index), start });
    } else if (/^[A-Za-z]$/.test(char)) {
      index++;
      tokens.push({ kind: 'Unit', text: char, start });
    } else {
      index++;
      tokens.push({ kind: 'Invalid', text: char, start });
    }
  }
  return tokens;
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

/**
 * Parses a timespan such as `5m` or `90s` into seconds.
 * Throws a `SigmaError` with code `INVALID_TIMESPAN` that points at the offending character.
 * `span` is the span of the YAML scalar, assumed to start with the text itself (a plain scalar).
 */
export function parseTimespan(text: string, span: SourceSpan): number {
  const fail = (message: string, start: number, length = 1): never => {
    throw new SigmaError('INVALID_TIMESPAN', message, shiftSpan(span, start, length));
  };
  if (text.length === 0) fail(`invalid timespan: it is empty; expected a number and a unit (${UNIT_LIST}), e.g. 5m`, 0, 0);

  const [count, unit, extra] = tokenizeTimespan(text);
  if (count === undefined || count.kind !== 'Number') {
    return fail(`invalid timespan '${text}': it must start with a number, e.g. 5m`, count?.start ?? 0);
  }
  if (unit === undefined) {
    return fail(`invalid timespan '${text}': the unit is missing after ${count.text}; use one of ${UNIT_LIST}`, text.length, 0);
  }
  if (unit.kind === 'Invalid') {
    return fail(`invalid timespan '${text}': unexpected '${unit.text}' after ${count.text}; write the unit right after the number, e.g. ${count.text}m`, unit.start);
  }
  if (unit.kind !== 'Unit' || TIMESPAN_UNIT_SECONDS[unit.text] === undefined) {
    const hint = unit.kind === 'Unit' && TIMESPAN_UNIT_SECONDS[unit.text.toLowerCase()] !== undefined
      ? ` (units are case-sensitive: did you mean '${unit.text.toLowerCase()}'?)`
      : '';
    return fail(`invalid timespan '${text}': unknown unit '${unit.text}'; use one of ${UNIT_LIST}${hint}`, unit.start);
  }
  if (extra !== undefined) {
    return fail(
      `Invalid timespan '${text}': unexpected '${text.slice(extra.start)}' after the unit; write one number and one unit, e.g. 90m for 1h30m`,
      extra.start,
      text.length - extra.start,
    );
  }

  const seconds = Number(count.text) * (TIMESPAN_UNIT_SECONDS[unit.text] as number);
  if (seconds === 0) fail(`invalid timespan '${text}': it must be greater than zero`, 0, text.length);
  if (!Number.isSafeInteger(seconds * 1000)) fail(`invalid timespan '${text}': it is too large`, 0, text.length);
  return seconds;
}
