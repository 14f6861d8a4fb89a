// Turns one written rule value into the patterns its modifier chain asks for.
import { ModifierError } from './diagnostics.ts';
import {
  base64Encode,
  base64OffsetVariants,
  expandWindash,
  utf16Bytes,
  utf8Bytes,
  MAX_WINDASH_VARIANTS,
} from './encodings.ts';
import { parseCidr } from './ip.ts';
import type { ModifierChain, StringPart, ValuePattern } from './model.ts';
import { compileRegex, normalizeRegex } from './regex.ts';
import { parseSigmaString, plainText, stringPattern, surroundWithWildcards } from './sigma-string.ts';
import type { SourceSpan } from './span.ts';

/** Values for `expand` placeholders, by name without the `%` signs. */
export type PlaceholderValues = Readonly<Record<string, readonly string[]>>;

export interface ValueContext {
  chain: ModifierChain;
  /** True for keyword items, whose plain values match anywhere in a value. */
  isKeyword: boolean;
  placeholders?: PlaceholderValues;
  span: SourceSpan;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses the text of a numeric rule value; undefined when it is not a number. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(trimmed)) {
    const negative = trimmed.startsWith('-');
    const value = parseInt(trimmed.replace(/^[+-]/, ''), 16);
    return negative ? -value : value;
  }
  if (!NUMBER_TEXT.test(trimmed)) return undefined;
  return Number(trimmed);
}

/**
 * Returns the patterns of one value, OR-ed: an exact value gives one, `windash` or
 * `base64offset` give several. Throws ModifierError when the value does not fit the chain.
 */
export function buildValuePatterns(written: string | boolean | null, context: ValueContext): ValuePattern[] {
  const { chain, span } = context;
  const fail = (code: 'INVALID_MODIFIER_VALUE' | 'INVALID_REGEX' | 'INVALID_CIDR' | 'INVALID_WILDCARD', message: string): never => {
    throw new ModifierError(code, message, span);
  };

  if (chain.exists) {
    if (typeof written !== 'boolean') fail('INVALID_MODIFIER_VALUE', "'exists' takes true or false");
    return [{ kind: 'Exists', present: written as boolean }];
  }
  if (written === null) {
    if (chain.written.length > 0 && !(chain.written.length === 1 && chain.all)) {
      fail('INVALID_MODIFIER_VALUE', `null cannot be used with modifiers (${chain.written.join('|')})`);
    }
    if (context.isKeyword) fail('INVALID_MODIFIER_VALUE', 'null is not a keyword');
    return [{ kind: 'Null' }];
  }

  const text = typeof written === 'boolean' ? String(written) : written;

  if (chain.regex) {
    const parts = normalizeRegex(text, chain.regex);
    try {
      compileRegex(parts);
    } catch (error) {
      fail('INVALID_REGEX', `invalid regular expression /${text}/: ${(error as Error).message}`);
    }
    return [{ kind: 'Regex', ...parts }];
  }
  if (chain.cidr) {
    const range = parseCidr(text.trim());
    if (!range) fail('INVALID_CIDR', `invalid CIDR range '${text}'`);
    return [{ kind: 'Cidr', text, version: range!.version, network: range!.network, prefixLength: range!.prefixLength }];
  }
  if (chain.timePart) {
    const number = parseNumber(text);
    if (number === undefined) fail('INVALID_MODIFIER_VALUE', `'${chain.timePart}' takes a number, not '${text}'`);
    const inner = chain.compare
      ? { kind: 'Compare' as const, operator: chain.compare, value: number!, text }
      : stringPattern([{ kind: 'Text', text: String(number) }], false);
    return [{ kind: 'TimePart', part: chain.timePart, inner }];
  }
  if (chain.compare) {
    const number = parseNumber(text);
    if (number === undefined) fail('INVALID_MODIFIER_VALUE', `'${chain.compare}' takes a number, not '${text}'`);
    return [{ kind: 'Compare', operator: chain.compare, value: number!, text }];
  }
  if (chain.fieldref) {
    if (text === '') fail('INVALID_MODIFIER_VALUE', "'fieldref' takes a field name");
    return [{ kind: 'FieldRef', field: text, match: chain.match, cased: chain.cased }];
  }

  return buildStringPatterns(text, context, fail);
}

type Fail = (code: 'INVALID_MODIFIER_VALUE' | 'INVALID_WILDCARD', message: string) => never;

function buildStringPatterns(text: string, context: ValueContext, fail: Fail): ValuePattern[] {
  const { chain } = context;

  let variants: StringPart[][];
  if (chain.expand) {
    const expanded = expandPlaceholders(text, context.placeholders ?? {});
    if ('missing' in expanded) return [{ kind: 'Placeholder', name: expanded.missing }];
    variants = expanded.values.map(parseSigmaString);
  } else {
    variants = [parseSigmaString(text)];
  }

  let bytes: Uint8Array | undefined;
  for (const encoding of chain.encodings) {
    if (encoding === 'windash') {
      variants = variants.flatMap((parts) => {
        const expanded = expandWindash(parts);
        if (!expanded) fail('INVALID_MODIFIER_VALUE', `'windash' would produce more than ${MAX_WINDASH_VARIANTS} values`);
        return expanded!;
      });
      continue;
    }
    // The remaining encodings work on the bytes of a value without wildcards.
    if (variants.length !== 1) fail('INVALID_MODIFIER_VALUE', `'${encoding}' cannot follow 'expand' or 'windash'`);
    const literal = bytes === undefined ? plainText(variants[0]!) : undefined;
    if (bytes === undefined && literal === undefined) {
      fail('INVALID_WILDCARD', `'${encoding}' cannot encode a value with wildcards`);
    }
    if (encoding === 'utf16le' || encoding === 'utf16be' || encoding === 'utf16') {
      bytes = utf16Bytes(literal!, encoding);
      continue;
    }
    const source = bytes ?? utf8Bytes(literal!);
    bytes = undefined;
    const encoded = encoding === 'base64' ? [base64Encode(source)] : base64OffsetVariants(source);
    variants = encoded.map((value) => [{ kind: 'Text' as const, text: value }]);
  }

  const leading = chain.match === 'contains' || chain.match === 'endswith' || (context.isKeyword && chain.match === 'equals');
  const trailing = chain.match === 'contains' || chain.match === 'startswith' || (context.isKeyword && chain.match === 'equals');
  return variants.map((parts) => stringPattern(surroundWithWildcards(parts, leading, trailing), chain.cased));
}

const PLACEHOLDER = /(?<!\\)%([^%\s]+)%/g;

/**
 * Replaces each `%name%` with each of its values (the cartesian product for several).
 * Placeholder values are Sigma strings themselves, so their wildcards stay active.
 */
function expandPlaceholders(text: string, values: PlaceholderValues): { values: string[] } | { missing: string } {
  let results = [''];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const replacements = values[name];
    if (!replacements) return { missing: name };
    const before = text.slice(last, match.index);
    results = results.flatMap((prefix) => replacements.map((value) => prefix + before + value));
    last = match.index + match[0].length;
  }
  const rest = text.slice(last);
  return { values: results.map((prefix) => prefix + rest) };
}
