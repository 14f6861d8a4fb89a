// A linear-time matcher for one shape of regular expression: literal texts joined by `.*`,
// such as `\+.*\+.*\+`. Backtracking engines try every split of the text between the parts,
// which takes milliseconds on long command lines. Finding each literal at its first place
// after the previous one answers the same question in one pass.
import type { RegexPattern } from '../sigma/index.ts';

/** Characters with a meaning in a pattern; escaped, they stand for themselves. */
const SYNTAX = new Set([...'\\^$.|?*+()[]{}/']);

/** Characters that `.` does not match unless the `s` flag is set. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Returns a tester for patterns made of literal texts joined by `.*`, or undefined for any
 * other pattern.
 */
export function literalSequenceTester(pattern: RegexPattern): ((text: string) => boolean) | undefined {
  const literals = splitLiterals(pattern.source);
  if (literals === undefined || literals.length < 2) return undefined;
  if (pattern.ignoreCase && !literals.every(isAscii)) return undefined;
  const parts = pattern.ignoreCase ? literals.map(asciiLowerCase) : literals;

  return (text) => {
    const folded = pattern.ignoreCase ? asciiLowerCase(text) : text;
    const lines = pattern.dotAll ? [folded] : folded.split(LINE_BREAK);
    return lines.some((line) => containsInOrder(line, parts));
  };
}

/** True when the parts occur in the line one after another, without overlapping. */
function containsInOrder(line: string, parts: readonly string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = line.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Splits `a.*b.*c` into its literal texts; undefined when anything else appears. */
function splitLiterals(source: string): string[] | undefined {
  const literals: string[] = [];
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const escaped = source[i + 1];
      if (escaped === undefined || !SYNTAX.has(escaped)) return undefined;
      current += escaped;
      i++;
    } else if (char === '.' && source[i + 1] === '*' && source[i + 2] !== '?' && source[i + 2] !== '+') {
      literals.push(current);
      current = '';
      i++;
    } else if (SYNTAX.has(char)) {
      return undefined;
    } else {
      current += char;
    }
  }
  literals.push(current);
  // A leading or trailing `.*` matches the empty text, so it adds nothing to find.
  const inner = literals.filter((literal, index) => literal !== '' || (index !== 0 && index !== literals.length - 1));
  return inner.includes('') ? undefined : inner;
}

/**
 * Lower-cases ASCII letters only. Without the `u` flag, case-insensitive matching pairs an
 * ASCII letter with its ASCII case partner and nothing else, so this folding is exact.
 */
function asciiLowerCase(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : text;
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}
