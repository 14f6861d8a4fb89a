// The IPv6 address text Sigil's engine accepts (src/sigma/ip.ts), as a regular expression, so
// that an SQL engine casts only such text to its IP type: a cast of other text would fail the
// whole query. The expression is written in the syntax PostgreSQL's regexes share with
// JavaScript's: non-capturing groups, `{m,n}` and `\uXXXX` escapes.

const GROUP = '[0-9A-Fa-f]{1,4}';
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;

/** The characters JavaScript's `String.prototype.trim` removes, as a bracket expression body. */
export const TRIMMED_SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

// Between `min` and `max` groups, each followed by a colon.
function groupsWithColons(min: number, max: number): string {
  return max === 0 ? '' : `(?:${GROUP}:){${min},${max}}`;
}

// The text after `::` when at most `room` groups are left. An IPv4 tail counts as two groups.
function tailAfterGap(room: number): string {
  if (room === 0) return '';
  const groups = `${groupsWithColons(0, room - 1)}${GROUP}`;
  if (room < 2) return `(?:${groups})?`;
  return `(?:${groups}|${groupsWithColons(0, room - 2)}${IPV4})?`;
}

function addressAlternatives(): string[] {
  const alternatives = [`${groupsWithColons(7, 7)}${GROUP}`, `${groupsWithColons(6, 6)}${IPV4}`];
  for (let head = 0; head <= 7; head += 1) {
    const headText = head === 0 ? '' : `${groupsWithColons(head - 1, head - 1)}${GROUP}`;
    alternatives.push(`${headText}::${tailAfterGap(7 - head)}`);
  }
  return alternatives;
}

/**
 * Anchored regex whose first capturing group is the address of IPv6 text the engine accepts:
 * surrounding white space, full or `::`-compressed groups, an IPv4 tail, and a zone (`%eth0`)
 * that is dropped.
 */
export function ipv6TextRegex(): string {
  return `^[${TRIMMED_SPACE}]*((?:${addressAlternatives().join('|')}))(?:%.*[^${TRIMMED_SPACE}])?[${TRIMMED_SPACE}]*$`;
}
