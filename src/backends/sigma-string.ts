// Helpers over Sigma string patterns: classify the wildcard shape and write it as LIKE,
// regex or glob text.
import type { StringPart, StringPattern } from '../sigma/model.ts';

/** The shape of a pattern, for targets with dedicated operators per shape. */
export type PatternShape =
  | { kind: 'equals'; text: string }
  | { kind: 'contains'; text: string }
  | { kind: 'startswith'; text: string }
  | { kind: 'endswith'; text: string }
  /** `*` alone: any value, including the empty string. */
  | { kind: 'any' }
  | { kind: 'wildcard' };

/** Merges adjacent text parts and collapses runs of `*`. */
export function normalizeParts(parts: readonly StringPart[]): StringPart[] {
  const merged: StringPart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (part.kind === 'Text' && part.text === '') continue;
    if (part.kind === 'Text' && previous?.kind === 'Text') {
      merged[merged.length - 1] = { kind: 'Text', text: previous.text + part.text };
    } else if (part.kind === 'AnyChars' && previous?.kind === 'AnyChars') {
      continue;
    } else {
      merged.push(part);
    }
  }
  return merged;
}

/** Classifies a pattern as equality, contains, starts-with, ends-with or a general wildcard. */
export function patternShape(pattern: StringPattern): PatternShape {
  const parts = normalizeParts(pattern.parts);
  if (parts.some((part) => part.kind === 'OneChar')) return { kind: 'wildcard' };
  const texts = parts.filter((part): part is { kind: 'Text'; text: string } => part.kind === 'Text');
  if (texts.length === 0) return parts.length === 0 ? { kind: 'equals', text: '' } : { kind: 'any' };
  if (texts.length > 1) return { kind: 'wildcard' };
  const text = texts[0]!.text;
  const leading = parts[0]?.kind === 'AnyChars';
  const trailing = parts[parts.length - 1]?.kind === 'AnyChars';
  if (leading && trailing) return { kind: 'contains', text };
  if (leading) return { kind: 'endswith', text };
  if (trailing) return { kind: 'startswith', text };
  return { kind: 'equals', text };
}

/** Lower-cases the text of a case-insensitive pattern; cased patterns are returned unchanged. */
export function foldCase(pattern: StringPattern): StringPattern {
  if (pattern.cased) return pattern;
  return {
    ...pattern,
    parts: pattern.parts.map((part) => (part.kind === 'Text' ? { kind: 'Text', text: part.text.toLowerCase() } : part)),
  };
}

/** Writes a pattern for SQL LIKE with `\` as the escape character. */
export function toLikePattern(pattern: StringPattern): string {
  return normalizeParts(pattern.parts)
    .map((part) => {
      if (part.kind === 'AnyChars') return '%';
      if (part.kind === 'OneChar') return '_';
      return part.text.replace(/[\\%_]/g, (char) => `\\${char}`);
    })
    .join('');
}

/** Writes a pattern for SQLite GLOB, where `[x]` is the only way to write a literal metacharacter. */
export function toGlobPattern(pattern: StringPattern): string {
  return normalizeParts(pattern.parts)
    .map((part) => {
      if (part.kind === 'AnyChars') return '*';
      if (part.kind === 'OneChar') return '?';
      return part.text.replace(/[[*?]/g, (char) => `[${char}]`);
    })
    .join('');
}

/** Escapes text for a JavaScript, RE2 or PCRE regex. */
export function escapeRegexText(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (char) => `\\${char}`);
}

/**
 * Writes a pattern as an anchored regex for RE2 and PCRE with the `s` flag set, so that `*` and
 * `?` also match line breaks; `(?i)` is added for case-insensitive patterns.
 */
export function toAnchoredRegex(pattern: StringPattern): string {
  const body = normalizeParts(pattern.parts)
    .map((part) => {
      if (part.kind === 'AnyChars') return '.*';
      if (part.kind === 'OneChar') return '.';
      return escapeRegexText(part.text);
    })
    .join('');
  return `(?s${pattern.cased ? '' : 'i'})^${body}$`;
}
