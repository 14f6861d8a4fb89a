// Sigma strings: text with `*` and `?` wildcards and `\` escapes, as the specification defines them.
import type { StringPart, StringPattern } from './model.ts';

/**
 * Splits a rule value into literal text and wildcards.
 *
 * A backslash escapes `*`, `?` and `\` only; before any other character, and at the end of
 * the value, it is a literal backslash. So `C:\Windows` and `C:\\Windows` mean the same text,
 * and `\\*` is a literal backslash followed by a wildcard.
 */
export function parseSigmaString(value: string): StringPart[] {
  const parts: StringPart[] = [];
  let text = '';

  const flush = (): void => {
    if (text !== '') parts.push({ kind: 'Text', text });
    text = '';
  };

  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\') {
      const next = value[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += next;
        i++;
      } else {
        text += '\\';
      }
    } else if (char === '*') {
      flush();
      parts.push({ kind: 'AnyChars' });
    } else if (char === '?') {
      flush();
      parts.push({ kind: 'OneChar' });
    } else {
      text += char;
    }
  }
  flush();
  return parts;
}

/** A pattern that matches exactly `text`, with no wildcard. */
export function literalParts(text: string): StringPart[] {
  return text === '' ? [] : [{ kind: 'Text', text }];
}

/** True when the parts contain a wildcard. */
export function hasWildcard(parts: readonly StringPart[]): boolean {
  return parts.some((part) => part.kind !== 'Text');
}

/** The literal text of parts without wildcards, or undefined when there is a wildcard. */
export function plainText(parts: readonly StringPart[]): string | undefined {
  let text = '';
  for (const part of parts) {
    if (part.kind !== 'Text') return undefined;
    text += part.text;
  }
  return text;
}

/** Adds a leading and/or trailing `*` unless the value already has one there (as pySigma does). */
export function surroundWithWildcards(parts: StringPart[], leading: boolean, trailing: boolean): StringPart[] {
  const result = [...parts];
  if (leading && result[0]?.kind !== 'AnyChars') result.unshift({ kind: 'AnyChars' });
  if (trailing && result[result.length - 1]?.kind !== 'AnyChars') result.push({ kind: 'AnyChars' });
  return result;
}

/** Writes parts back as Sigma text, escaping what needs it. */
export function formatSigmaString(parts: readonly StringPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'AnyChars') return '*';
      if (part.kind === 'OneChar') return '?';
      return part.text.replace(/[*?]/g, '\\$&').replace(/\\(?=[*?\\]|$)/g, '\\\\');
    })
    .join('');
}

/** Builds a string pattern. */
export function stringPattern(parts: StringPart[], cased: boolean): StringPattern {
  return { kind: 'String', parts, cased };
}
