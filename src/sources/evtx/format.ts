// Text forms of the binary value types: GUIDs, times, SIDs and hex numbers, written the way
// the Rust evtx crate writes them in JSON (and Windows in XML, where the two differ).

const HEX_UPPER: string[] = [];
for (let i = 0; i < 256; i++) HEX_UPPER.push(i.toString(16).toUpperCase().padStart(2, '0'));

/** Seconds from 1601-01-01 (FILETIME epoch) to 1970-01-01. */
const FILETIME_EPOCH_SECONDS = 11644473600;

export function hexUpper(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end; i++) text += HEX_UPPER[bytes[i]!];
  return text;
}

/** `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`, upper case, without braces. */
export function formatGuid(bytes: Uint8Array, p: number): string {
  return (
    HEX_UPPER[bytes[p + 3]!]! +
    HEX_UPPER[bytes[p + 2]!]! +
    HEX_UPPER[bytes[p + 1]!]! +
    HEX_UPPER[bytes[p]!]! +
    '-' +
    HEX_UPPER[bytes[p + 5]!]! +
    HEX_UPPER[bytes[p + 4]!]! +
    '-' +
    HEX_UPPER[bytes[p + 7]!]! +
    HEX_UPPER[bytes[p + 6]!]! +
    '-' +
    hexUpper(bytes, p + 8, p + 10) +
    '-' +
    hexUpper(bytes, p + 10, p + 16)
  );
}

/** `0x` and lower-case hex digits without padding, from the two halves of a 64-bit value. */
export function formatHex64(low: number, high: number): string {
  if (high === 0) return '0x' + low.toString(16);
  return '0x' + high.toString(16) + low.toString(16).padStart(8, '0');
}

/**
 * Formats a FILETIME (100 ns ticks since 1601, given as two unsigned 32-bit halves) as
 * `YYYY-MM-DDTHH:MM:SS.` plus `fractionDigits` digits (6: microseconds, truncated; 7: ticks) and `Z`.
 */
export function formatFiletime(low: number, high: number, fractionDigits: 6 | 7): string {
  // ticks = a * 65536 + low16, with a below 2^48, so every step stays exact in a double.
  const a = high * 65536 + (low >>> 16);
  const quotient = Math.floor(a / 1e7);
  const remainder = (a - quotient * 1e7) * 65536 + (low & 0xffff);
  const extraSeconds = Math.floor(remainder / 1e7);
  const ticks = remainder - extraSeconds * 1e7;
  const seconds = quotient * 65536 + extraSeconds - FILETIME_EPOCH_SECONDS;
  const fraction = fractionDigits === 6 ? pad(Math.floor(ticks / 10), 6) : pad(ticks, 7);
  return formatUnixSeconds(seconds) + '.' + fraction + 'Z';
}

/** Formats a SYSTEMTIME (eight 16-bit fields) with `fractionDigits` fraction digits and `Z`. */
export function formatSystemtime(view: DataView, p: number, fractionDigits: 6 | 7): string {
  const year = view.getUint16(p, true);
  const month = view.getUint16(p + 2, true);
  const day = view.getUint16(p + 6, true);
  const hour = view.getUint16(p + 8, true);
  const minute = view.getUint16(p + 10, true);
  const second = view.getUint16(p + 12, true);
  const millis = view.getUint16(p + 14, true);
  const fraction = fractionDigits === 6 ? pad(millis * 1000, 6) : pad(millis * 10000, 7);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${fraction}Z`;
}

/** `S-<revision>-<authority>-<sub>-…`, or undefined when the declared sub-authority count does not fit `size`. */
export function formatSid(bytes: Uint8Array, view: DataView, p: number, size: number): string | undefined {
  if (size < 8) return undefined;
  const revision = bytes[p]!;
  const count = bytes[p + 1]!;
  if (8 + count * 4 > size) return undefined;
  const authority = view.getUint16(p + 2, false) * 4294967296 + view.getUint32(p + 4, false);
  let text = `S-${revision}-${authority}`;
  for (let i = 0; i < count; i++) text += '-' + view.getUint32(p + 8 + i * 4, true);
  return text;
}

const TWO_DIGITS: string[] = [];
for (let i = 0; i < 100; i++) TWO_DIGITS.push(String(i).padStart(2, '0'));

/** The last day formatted: records of a log mostly share their date. */
let cachedDay = NaN;
let cachedDate = '';

/** `YYYY-MM-DDTHH:MM:SS` (UTC) for seconds since 1970, for any year from 1601 to 30828. */
function formatUnixSeconds(total: number): string {
  const days = Math.floor(total / 86400);
  let rest = total - days * 86400;
  const hour = Math.floor(rest / 3600);
  rest -= hour * 3600;
  const minute = Math.floor(rest / 60);
  const second = rest - minute * 60;
  if (days !== cachedDay) {
    cachedDate = formatDays(days);
    cachedDay = days;
  }
  return cachedDate + 'T' + TWO_DIGITS[hour]! + ':' + TWO_DIGITS[minute]! + ':' + TWO_DIGITS[second]!;
}

/** `YYYY-MM-DD` for days since 1970-01-01. */
function formatDays(days: number): string {
  // Civil date from a day count (proleptic Gregorian calendar, eras of 400 years).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function pad(value: number, width: number): string {
  const text = String(value);
  return text.length >= width ? text : '0'.repeat(width - text.length) + text;
}
