// The event time in SQL, as the hunt reads it: the first non-empty of the timestamp fields,
// parsed as ISO 8601 to milliseconds since the epoch with the fraction truncated, as
// JavaScript's Date does. The parse is written with substrings and integer arithmetic, so every
// engine computes exactly the same millisecond and no cast can fail on a bad value.
import type { BackendProfile } from '../profile.ts';
import type { SqlDialect } from '../targets/sql-dialect.ts';
import type { CorrelationSql } from './sql-functions.ts';

/**
 * Fields tried in order for an event's time. It must equal the list the hunt uses
 * (`TIMESTAMP_FIELDS` in `src/output/detection.ts`); a test checks that both agree.
 */
export const TIMESTAMP_FIELDS: readonly string[] = ['TimeCreated_SystemTime', '@timestamp', 'timestamp', 'Timestamp', 'time', 'EventTime', 'UtcTime'];

/**
 * The timestamps the queries read: `YYYY-MM-DD` from 1970 on, `T` or a space, `hh:mm`, optional
 * `:ss` and fraction, and `Z` or an offset (`+hh:mm`, `+hhmm`); without a zone the time is UTC.
 * Years from 1970 keep every intermediate of the day count non-negative, so integer division
 * truncates as floor division would.
 * NOTE: the hunt also accepts other forms that JavaScript's Date parses (a date alone, month
 * names, earlier years); events with such times are left out of the queries' windows.
 */
export const TIMESTAMP_PATTERN =
  '(19[7-9][0-9]|[2-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?';

/** Returns the SQL expression of the event's time text: the first timestamp field that is present and not empty. */
export function timestampText(dialect: SqlDialect, profile: BackendProfile): string {
  const texts = TIMESTAMP_FIELDS.map((name) => {
    const field = { sigma: name, mapped: name, locations: profile.locateField(name) };
    return `NULLIF(${dialect.fieldText(field)}, '')`;
  });
  return `COALESCE(${texts.join(', ')})`;
}

/** Column name → expression of the time's parts, read from the text column `text` that matches the pattern. */
export function timestampParts(sql: CorrelationSql, text: string): Array<[string, string]> {
  const at = (start: number, length: number): string => `substr(${text}, ${start}, ${length})`;
  const digit = (start: number): string => `${at(start, 1)} BETWEEN '0' AND '9'`;
  const number = (start: number, length: number): string => sql.integer(at(start, length));
  const millisecond =
    `CASE WHEN ${at(20, 1)} <> '.' THEN 0 WHEN NOT (${digit(22)}) THEN ${number(21, 1)} * 100 ` +
    `WHEN NOT (${digit(23)}) THEN ${number(21, 2)} * 10 ELSE ${number(21, 3)} END`;
  return [
    ['sigil_year', number(1, 4)],
    ['sigil_month', number(6, 2)],
    ['sigil_day', number(9, 2)],
    ['sigil_hour', number(12, 2)],
    ['sigil_minute', number(15, 2)],
    ['sigil_second', `CASE WHEN ${at(17, 1)} = ':' THEN ${number(18, 2)} ELSE 0 END`],
    ['sigil_millisecond', millisecond],
    ['sigil_offset', zoneOffsetMinutes(sql, text)],
  ];
}

// `+hh:mm` is the last six characters, `+hhmm` the last five; the time part before the zone has
// no sign, so a sign at either place can only start the zone.
function zoneOffsetMinutes(sql: CorrelationSql, text: string): string {
  const zone = (length: number, minutesAt: number): string => {
    const tail = sql.suffix(text, length);
    const sign = `CASE WHEN substr(${tail}, 1, 1) = '-' THEN -1 ELSE 1 END`;
    const minutes = `${sql.integer(`substr(${tail}, 2, 2)`)} * 60 + ${sql.integer(`substr(${tail}, ${minutesAt}, 2)`)}`;
    return `(${sign}) * (${minutes})`;
  };
  const six = sql.suffix(text, 6);
  const five = sql.suffix(text, 5);
  return (
    `CASE WHEN substr(${six}, 1, 1) IN ('+', '-') AND substr(${six}, 4, 1) = ':' THEN ${zone(6, 5)} ` +
    `WHEN substr(${five}, 1, 1) IN ('+', '-') THEN ${zone(5, 4)} ELSE 0 END`
  );
}

/**
 * Milliseconds since the epoch from the part columns of `timestampParts`. The day number is the
 * proleptic Gregorian days-from-civil computation, in integers: March-based years make the leap
 * day the last day of a year, and 400-year eras repeat exactly. Out-of-range days such as
 * February 30 roll over into the next month, as they do in JavaScript.
 */
export function epochMilliseconds(sql: CorrelationSql): string {
  const year = '(sigil_year - CASE WHEN sigil_month <= 2 THEN 1 ELSE 0 END)';
  const era = sql.divide(year, 400);
  const yearOfEra = `(${year} - ${era} * 400)`;
  const marchMonth = 'CASE WHEN sigil_month > 2 THEN sigil_month - 3 ELSE sigil_month + 9 END';
  const dayOfYear = `${sql.divide(`153 * (${marchMonth}) + 2`, 5)} + sigil_day - 1`;
  const dayOfEra = `${yearOfEra} * 365 + ${sql.divide(yearOfEra, 4)} - ${sql.divide(yearOfEra, 100)} + ${dayOfYear}`;
  const days = `${era} * 146097 + ${dayOfEra} - 719468`;
  return `(${days}) * 86400000 + sigil_hour * 3600000 + sigil_minute * 60000 + sigil_second * 1000 + sigil_millisecond - sigil_offset * 60000`;
}
