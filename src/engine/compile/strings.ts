// Compiled string tests: equality, prefix, suffix and substring checks without regular
// expressions; general wildcard patterns walk their literal segments with indexOf.
import type { StringPart, StringPattern } from '../../sigma/index.ts';

/** Tests a text (already lower-cased when the pattern is case-insensitive). */
export type TextTest = (text: string) => boolean;

interface Segments {
  anchoredStart: boolean;
  anchoredEnd: boolean;
  /** Literal runs between `*` wildcards. */
  literals: string[];
}

/** Splits parts without `?` into literal runs between `*`; undefined when a `?` occurs. */
function starSegments(parts: readonly StringPart[], cased: boolean): Segments | undefined {
  const literals: string[] = [];
  let current = '';
  let sawStar = false;
  for (const part of parts) {
    if (part.kind === 'OneChar') return undefined;
    if (part.kind === 'AnyChars') {
      literals.push(current);
      current = '';
      sawStar = true;
    } else {
      current += cased ? part.text : part.text.toLowerCase();
    }
  }
  literals.push(current);
  if (!sawStar) return { anchoredStart: true, anchoredEnd: true, literals };
  return {
    anchoredStart: parts[0]?.kind !== 'AnyChars',
    anchoredEnd: parts[parts.length - 1]?.kind !== 'AnyChars',
    literals: literals.filter((literal, index) => literal !== '' || index === 0 || index === literals.length - 1),
  };
}

/** Greedy leftmost matching of `*`-separated literals; correct because `*` can absorb any gap. */
function globTest(segments: Segments): TextTest {
  const { anchoredStart, anchoredEnd, literals } = segments;
  const first = anchoredStart ? literals[0]! : undefined;
  const last = anchoredEnd ? literals[literals.length - 1]! : undefined;
  const middle = literals.slice(anchoredStart ? 1 : 0, anchoredEnd ? -1 : undefined).filter((literal) => literal !== '');
  const minimumLength = literals.reduce((sum, literal) => sum + literal.length, 0);

  return (text) => {
    if (text.length < minimumLength) return false;
    let start = 0;
    let end = text.length;
    if (first !== undefined) {
      if (!text.startsWith(first)) return false;
      start = first.length;
    }
    if (last !== undefined) {
      if (!text.endsWith(last) || text.length - last.length < start) return false;
      end = text.length - last.length;
    }
    for (const literal of middle) {
      const found = text.indexOf(literal, start);
      if (found < 0 || found + literal.length > end) return false;
      start = found + literal.length;
    }
    return true;
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wildcardRegexTest(parts: readonly StringPart[], cased: boolean): TextTest {
  const body = parts
    .map((part) => (part.kind === 'AnyChars' ? '[\\s\\S]*?' : part.kind === 'OneChar' ? '[\\s\\S]' : escapeRegex(cased ? part.text : part.text.toLowerCase())))
    .join('');
  const regex = new RegExp(`^${body}$`);
  return (text) => regex.test(text);
}

/** One string pattern as a text test (the caller lower-cases the text for case-insensitive patterns). */
export function compileStringPattern(pattern: StringPattern): TextTest {
  const segments = starSegments(pattern.parts, pattern.cased);
  if (!segments) return wildcardRegexTest(pattern.parts, pattern.cased);

  const { anchoredStart, anchoredEnd, literals } = segments;
  if (anchoredStart && anchoredEnd && literals.length === 1) {
    const literal = literals[0]!;
    return (text) => text === literal;
  }
  if (literals.length === 1 || (literals.length === 2 && (literals[0] === '' || literals[1] === ''))) {
    const literal = literals.find((entry) => entry !== '') ?? '';
    if (literal === '') return () => true;
    if (!anchoredStart && !anchoredEnd) return (text) => text.includes(literal);
    if (anchoredStart && !anchoredEnd) return (text) => text.startsWith(literal);
    if (!anchoredStart && anchoredEnd) return (text) => text.endsWith(literal);
  }
  return globTest(segments);
}

/**
 * Many patterns of one item OR-ed into one test: exact values through a Set, the rest
 * one by one. Exact values are the most common form, so this keeps long lists cheap.
 */
export function compileStringAlternatives(patterns: readonly StringPattern[]): TextTest {
  const exact = new Set<string>();
  const others: TextTest[] = [];
  for (const pattern of patterns) {
    const segments = starSegments(pattern.parts, pattern.cased);
    if (segments && segments.anchoredStart && segments.anchoredEnd && segments.literals.length === 1) exact.add(segments.literals[0]!);
    else others.push(compileStringPattern(pattern));
  }
  if (others.length === 0) return (text) => exact.has(text);
  if (exact.size === 0 && others.length === 1) return others[0]!;
  return (text) => {
    if (exact.has(text)) return true;
    for (const test of others) if (test(text)) return true;
    return false;
  };
}
