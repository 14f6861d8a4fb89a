// Value transformations of the encoding modifiers: windash, utf16*, base64 and base64offset.
import type { StringPart } from './model.ts';

/** The characters `windash` substitutes for a leading `-` or `/`: hyphen, slash, en dash, em dash, horizontal bar. */
export const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;

/** Upper bound on the values one windash expansion may produce (5^5). */
export const MAX_WINDASH_VARIANTS = 3125;

const WORD_CHARACTER = /\w/;

/**
 * Returns every variant of a value with each option dash replaced by each windash character.
 * An option dash is a `-` or `/` after a non-word position and before a word character
 * (the regex `\B[-/]\b`), so dashes inside words such as `param-name` stay as written.
 * Returns undefined when there would be more than MAX_WINDASH_VARIANTS variants.
 */
export function expandWindash(parts: readonly StringPart[]): StringPart[][] | undefined {
  let variants: StringPart[][] = [[]];

  for (const part of parts) {
    if (part.kind !== 'Text') {
      for (const variant of variants) variant.push(part);
      continue;
    }
    const texts = expandWindashText(part.text);
    if (texts.length * variants.length > MAX_WINDASH_VARIANTS) return undefined;
    variants = variants.flatMap((variant) => texts.map((text) => [...variant, { kind: 'Text' as const, text }]));
  }
  return variants;
}

function expandWindashText(text: string): string[] {
  let variants = [''];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const previous = text[i - 1];
    const next = text[i + 1];
    const isOptionDash =
      (char === '-' || char === '/') &&
      (previous === undefined || !WORD_CHARACTER.test(previous)) &&
      next !== undefined &&
      WORD_CHARACTER.test(next);
    if (isOptionDash) {
      if (variants.length * WINDASH_CHARACTERS.length > MAX_WINDASH_VARIANTS) return variants.map((v) => v + text.slice(i));
      variants = variants.flatMap((variant) => WINDASH_CHARACTERS.map((dash) => variant + dash));
    } else {
      variants = variants.map((variant) => variant + char);
    }
  }
  return variants;
}

/** Encodes text as UTF-8 bytes. */
export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Encodes text as UTF-16 bytes; `utf16` is little-endian with a byte order mark, as pySigma writes it. */
export function utf16Bytes(text: string, encoding: 'utf16le' | 'utf16be' | 'utf16'): Uint8Array {
  const bom = encoding === 'utf16' ? 2 : 0;
  const bytes = new Uint8Array(bom + text.length * 2);
  if (encoding === 'utf16') {
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = code >> 8;
    const low = code & 0xff;
    if (encoding === 'utf16be') {
      bytes[bom + i * 2] = high;
      bytes[bom + i * 2 + 1] = low;
    } else {
      bytes[bom + i * 2] = low;
      bytes[bom + i * 2 + 1] = high;
    }
  }
  return bytes;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding; written here because `btoa` takes only Latin-1 strings. */
export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += BASE64_ALPHABET[b0 >> 2];
    out += BASE64_ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)];
    out += b1 === undefined ? '=' : BASE64_ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)];
    out += b2 === undefined ? '=' : BASE64_ALPHABET[b2 & 63];
  }
  return out;
}

/**
 * The three base64 forms of `bytes` as a substring of a longer encoded text, one per
 * byte offset modulo 3. For offset i, i filler bytes are prepended, the characters
 * that depend on the filler are dropped from the start, and the characters that depend
 * on what follows are dropped from the end. `ping` gives `cGluZ`, `Bpbm`, `waW5n`.
 */
export function base64OffsetVariants(bytes: Uint8Array): string[] {
  const startTrim = [0, 2, 3];
  const endTrim = [0, 3, 2];
  const variants: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const encoded = base64Encode(shifted);
    const drop = endTrim[(bytes.length + offset) % 3]!;
    variants.push(encoded.slice(startTrim[offset]!, encoded.length - drop));
  }
  return variants;
}
