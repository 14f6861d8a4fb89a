// Tokens of the Sigma condition language, with their offsets in the condition text.
import { ConditionSyntaxError } from '../diagnostics.ts';
import { shiftSpan, type SourceSpan } from '../span.ts';

export type TokenKind = 'LeftParen' | 'RightParen' | 'And' | 'Or' | 'Not' | 'Of' | 'One' | 'All' | 'Them' | 'Identifier' | 'Pipe' | 'End';

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const KEYWORDS: Readonly<Record<string, TokenKind>> = {
  and: 'And',
  or: 'Or',
  not: 'Not',
  of: 'Of',
  '1': 'One',
  any: 'One',
  all: 'All',
  them: 'Them',
};

/** Characters of identifiers and patterns: word characters, `-`, `.` and the `*` wildcard of patterns. */
const IDENTIFIER_CHARACTER = /[\w\-.*]/;

/** At most this many tokens; longer conditions are rejected instead of parsed. */
export const MAX_CONDITION_TOKENS = 10_000;

/** Splits a condition into tokens. Throws ConditionSyntaxError at the first character that starts no token. */
export function tokenize(text: string, span: SourceSpan): Token[] {
  const tokens: Token[] = [];
  let position = 0;

  while (position < text.length) {
    const char = text[position]!;
    if (/\s/.test(char)) {
      position++;
      continue;
    }
    if (tokens.length >= MAX_CONDITION_TOKENS) {
      throw new ConditionSyntaxError(`condition has more than ${MAX_CONDITION_TOKENS} tokens`, shiftSpan(span, position));
    }
    if (char === '|') {
      // Everything after a pipe is a legacy aggregation expression, which the parser rejects as a whole.
      tokens.push({ kind: 'Pipe', text: text.slice(position), start: position, end: text.length });
      position = text.length;
      break;
    }
    if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'LeftParen' : 'RightParen', text: char, start: position, end: position + 1 });
      position++;
      continue;
    }
    if (IDENTIFIER_CHARACTER.test(char)) {
      const start = position;
      while (position < text.length && IDENTIFIER_CHARACTER.test(text[position]!)) position++;
      const word = text.slice(start, position);
      const keyword = KEYWORDS[word.toLowerCase()];
      tokens.push({ kind: keyword ?? 'Identifier', text: word, start, end: position });
      continue;
    }
    throw new ConditionSyntaxError(`unexpected character '${char}' in condition`, shiftSpan(span, position, 1));
  }

  tokens.push({ kind: 'End', text: '', start: text.length, end: text.length });
  return tokens;
}
