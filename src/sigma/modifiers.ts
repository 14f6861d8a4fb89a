// The modifier registry and the check that turns `field|mod1|mod2` into a typed ModifierChain.
import { ModifierError } from './diagnostics.ts';
import type { CompareOperator, Encoding, MatchKind, ModifierChain, TimePart } from './model.ts';
import type { SourceSpan } from './span.ts';

type ModifierRole =
  | { role: 'match'; match: MatchKind }
  | { role: 'encoding'; encoding: Encoding }
  | { role: 'regex' }
  | { role: 'regexFlag'; flag: 'ignoreCase' | 'multiline' | 'dotAll' }
  | { role: 'compare'; operator: CompareOperator }
  | { role: 'timePart'; part: TimePart }
  | { role: 'all' }
  | { role: 'cased' }
  | { role: 'neq' }
  | { role: 'cidr' }
  | { role: 'exists' }
  | { role: 'expand' }
  | { role: 'fieldref' };

/** Every modifier Sigil accepts: the specification's and pySigma's spellings. */
export const MODIFIERS: Readonly<Record<string, ModifierRole>> = {
  contains: { role: 'match', match: 'contains' },
  startswith: { role: 'match', match: 'startswith' },
  endswith: { role: 'match', match: 'endswith' },
  all: { role: 'all' },
  cased: { role: 'cased' },
  neq: { role: 'neq' },
  exists: { role: 'exists' },
  expand: { role: 'expand' },
  fieldref: { role: 'fieldref' },
  cidr: { role: 'cidr' },
  re: { role: 'regex' },
  i: { role: 'regexFlag', flag: 'ignoreCase' },
  ignorecase: { role: 'regexFlag', flag: 'ignoreCase' },
  m: { role: 'regexFlag', flag: 'multiline' },
  multiline: { role: 'regexFlag', flag: 'multiline' },
  s: { role: 'regexFlag', flag: 'dotAll' },
  dotall: { role: 'regexFlag', flag: 'dotAll' },
  base64: { role: 'encoding', encoding: 'base64' },
  base64offset: { role: 'encoding', encoding: 'base64offset' },
  utf16le: { role: 'encoding', encoding: 'utf16le' },
  wide: { role: 'encoding', encoding: 'utf16le' },
  utf16be: { role: 'encoding', encoding: 'utf16be' },
  utf16: { role: 'encoding', encoding: 'utf16' },
  windash: { role: 'encoding', encoding: 'windash' },
  lt: { role: 'compare', operator: 'lt' },
  lte: { role: 'compare', operator: 'lte' },
  gt: { role: 'compare', operator: 'gt' },
  gte: { role: 'compare', operator: 'gte' },
  minute: { role: 'timePart', part: 'minute' },
  hour: { role: 'timePart', part: 'hour' },
  day: { role: 'timePart', part: 'day' },
  week: { role: 'timePart', part: 'week' },
  month: { role: 'timePart', part: 'month' },
  year: { role: 'timePart', part: 'year' },
};

/** Splits a detection key `Field|mod1|mod2` into the field name (null when empty: a keyword item) and modifier names. */
export function splitDetectionKey(key: string): { field: string | null; modifiers: string[] } {
  const [field = '', ...modifiers] = key.split('|');
  return { field: field === '' ? null : field, modifiers };
}

/** Returns an empty chain: a plain case-insensitive equality. */
export function plainChain(): ModifierChain {
  return {
    written: [],
    match: 'equals',
    all: false,
    cased: false,
    negated: false,
    encodings: [],
    cidr: false,
    exists: false,
    expand: false,
    fieldref: false,
  };
}

/**
 * Checks a modifier list and returns its typed record.
 * Throws ModifierError (UNKNOWN_MODIFIER or INVALID_MODIFIER_CHAIN) with the key's span.
 */
export function parseModifierChain(names: readonly string[], isKeyword: boolean, span: SourceSpan): ModifierChain {
  const chain = plainChain();
  chain.written = [...names];
  const seen = new Set<string>();

  const invalid = (message: string): never => {
    throw new ModifierError('INVALID_MODIFIER_CHAIN', message, span);
  };

  for (const name of names) {
    const spec = MODIFIERS[name];
    if (!spec) {
      throw new ModifierError('UNKNOWN_MODIFIER', `unknown modifier '${name}'`, span);
    }
    const canonical = spec.role === 'encoding' ? spec.encoding : name;
    if (seen.has(canonical)) invalid(`modifier '${name}' is given twice`);
    seen.add(canonical);

    switch (spec.role) {
      case 'match':
        if (chain.match !== 'equals') invalid(`'${name}' cannot follow '${chain.match}'`);
        chain.match = spec.match;
        break;
      case 'encoding':
        chain.encodings.push(spec.encoding);
        break;
      case 'regex':
        chain.regex = { ignoreCase: false, multiline: false, dotAll: false };
        break;
      case 'regexFlag':
        if (!chain.regex) invalid(`'${name}' is a sub-modifier of 're' and must follow it`);
        chain.regex![spec.flag] = true;
        break;
      case 'compare':
        if (chain.compare) invalid(`'${name}' cannot follow '${chain.compare}'`);
        chain.compare = spec.operator;
        break;
      case 'timePart':
        if (chain.timePart) invalid(`'${name}' cannot follow '${chain.timePart}'`);
        chain.timePart = spec.part;
        break;
      case 'all':
        chain.all = true;
        break;
      case 'cased':
        chain.cased = true;
        break;
      case 'neq':
        chain.negated = true;
        break;
      case 'cidr':
        chain.cidr = true;
        break;
      case 'exists':
        chain.exists = true;
        break;
      case 'expand':
        chain.expand = true;
        break;
      case 'fieldref':
        chain.fieldref = true;
        break;
    }
  }

  checkCombinations(chain, isKeyword, invalid);
  return chain;
}

function checkCombinations(chain: ModifierChain, isKeyword: boolean, invalid: (message: string) => never): void {
  const kinds = [
    chain.regex && 're',
    chain.cidr && 'cidr',
    chain.exists && 'exists',
    chain.fieldref && 'fieldref',
    chain.compare && !chain.timePart && chain.compare,
  ].filter(Boolean);
  if (kinds.length > 1) invalid(`'${kinds[0]}' cannot be combined with '${kinds[1]}'`);
  const valueKind = kinds[0];

  if (isKeyword && (chain.exists || chain.fieldref || chain.cidr || chain.compare || chain.timePart || chain.negated)) {
    invalid('keyword items (no field name) take only string modifiers');
  }
  if (chain.exists && chain.written.length > 1) invalid("'exists' cannot be combined with other modifiers");
  if (valueKind && valueKind !== 'fieldref' && chain.match !== 'equals') {
    invalid(`'${chain.match}' cannot be combined with '${valueKind}'`);
  }
  if (valueKind && chain.encodings.length > 0) {
    invalid(`'${chain.encodings[0]}' cannot be combined with '${valueKind}'`);
  }
  if (chain.timePart && (chain.match !== 'equals' || chain.encodings.length > 0 || chain.regex || chain.cidr)) {
    invalid(`'${chain.timePart}' can only be followed by a comparison modifier`);
  }
  if (chain.cased && (chain.regex || chain.cidr || chain.compare || chain.exists)) {
    invalid("'cased' applies only to string values");
  }
  if (chain.expand && (chain.regex || chain.cidr || chain.compare || chain.exists || chain.fieldref)) {
    invalid("'expand' applies only to string values");
  }

  const encodings = chain.encodings;
  for (const [index, encoding] of encodings.entries()) {
    if (encoding === 'utf16le' || encoding === 'utf16be' || encoding === 'utf16') {
      const next = encodings[index + 1];
      if (next !== 'base64' && next !== 'base64offset') {
        invalid(`'${encoding}' must be followed by 'base64' or 'base64offset'`);
      }
    }
  }
  if (encodings.includes('base64') && encodings.includes('base64offset')) {
    invalid("'base64' cannot be combined with 'base64offset'");
  }
  if (encodings.includes('base64offset') && chain.match !== 'contains') {
    invalid("'base64offset' must be used with 'contains'");
  }
}
