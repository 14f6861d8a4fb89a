// A recursive-descent parser for Sigma conditions. Precedence, loosest first: or, and, not, `x of`, parentheses.
import { ConditionSyntaxError, SigmaError } from '../diagnostics.ts';
import type { ConditionNode } from '../model.ts';
import { shiftSpan, type SourceSpan } from '../span.ts';
import { tokenize, type Token, type TokenKind } from './lexer.ts';

/** Deepest nesting of parentheses and `not` accepted. */
export const MAX_CONDITION_DEPTH = 100;

/**
 * Parses a condition and resolves its identifiers against the search identifiers of the detection.
 * Throws ConditionSyntaxError, or SigmaError UNKNOWN_IDENTIFIER / EMPTY_PATTERN, with the position in the file.
 *
 * @example parseCondition('selection and not 1 of filter_*', span, ['selection', 'filter_a'])
 */
export function parseCondition(text: string, span: SourceSpan, identifiers: readonly string[]): ConditionNode {
  const parser = new ConditionParser(text, span, identifiers);
  return parser.parse();
}

class ConditionParser {
  private readonly text: string;
  private readonly span: SourceSpan;
  private readonly identifiers: readonly string[];
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;

  constructor(text: string, span: SourceSpan, identifiers: readonly string[]) {
    this.text = text;
    this.span = span;
    this.identifiers = identifiers;
    this.tokens = tokenize(text, span);
  }

  parse(): ConditionNode {
    if (this.peek().kind === 'End') throw this.error('condition is empty', this.peek());
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind === 'Pipe') {
      throw this.error("aggregation expressions after '|' are not supported; write a correlation rule instead", next);
    }
    if (next.kind !== 'End') throw this.error(`unexpected '${next.text}'`, next);
    return node;
  }

  // or := and ('or' and)*
  private parseOr(): ConditionNode {
    const start = this.peek();
    const operands = [this.parseAnd()];
    while (this.peek().kind === 'Or') {
      this.advance();
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'Or', operands, span: this.spanFrom(start) };
  }

  // and := not ('and' not)*
  private parseAnd(): ConditionNode {
    const start = this.peek();
    const operands = [this.parseNot()];
    while (this.peek().kind === 'And') {
      this.advance();
      operands.push(this.parseNot());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'And', operands, span: this.spanFrom(start) };
  }

  // not := 'not' not | primary
  private parseNot(): ConditionNode {
    const start = this.peek();
    if (start.kind !== 'Not') return this.parsePrimary();
    this.advance();
    this.enter(start);
    const operand = this.parseNot();
    this.depth--;
    return { kind: 'Not', operand, span: this.spanFrom(start) };
  }

  // primary := '(' or ')' | quantifier 'of' (pattern | 'them') | identifier
  private parsePrimary(): ConditionNode {
    const token = this.advance();
    switch (token.kind) {
      case 'LeftParen': {
        this.enter(token);
        const inner = this.parseOr();
        this.depth--;
        this.expect('RightParen', "missing ')'");
        return inner;
      }
      case 'One':
      case 'All':
        return this.parseOf(token);
      case 'Identifier':
        return this.parseIdentifier(token);
      case 'End':
        throw this.error('condition ends where an identifier was expected', token);
      default:
        throw this.error(`expected an identifier, '(' or 'not', found '${token.text}'`, token);
    }
  }

  private parseOf(quantifier: Token): ConditionNode {
    this.expect('Of', `expected 'of' after '${quantifier.text}'`);
    const target = this.advance();
    if (target.kind !== 'Them' && target.kind !== 'Identifier') {
      throw this.error(`expected a pattern or 'them' after 'of', found '${target.text || 'end of condition'}'`, target);
    }
    const pattern = target.kind === 'Them' ? 'them' : target.text;
    const identifiers = this.matchPattern(pattern, target);
    return {
      kind: 'Of',
      quantifier: quantifier.kind === 'All' ? 'all' : 'one',
      pattern,
      identifiers,
      span: this.spanFrom(quantifier),
    };
  }

  private parseIdentifier(token: Token): ConditionNode {
    if (token.text.includes('*')) {
      throw this.error(`'${token.text}' is a pattern; write '1 of ${token.text}' or 'all of ${token.text}'`, token);
    }
    if (!this.identifiers.includes(token.text)) {
      throw new SigmaError('UNKNOWN_IDENTIFIER', `condition names '${token.text}', which is not a search identifier of the detection`, this.tokenSpan(token));
    }
    return { kind: 'Identifier', name: token.text, span: this.tokenSpan(token) };
  }

  /** Search identifiers a pattern names; `them` and patterns skip identifiers starting with `_`. */
  private matchPattern(pattern: string, token: Token): string[] {
    const visible = this.identifiers.filter((name) => !name.startsWith('_'));
    if (pattern === 'them') return visible;
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`);
    const matched = visible.filter((name) => regex.test(name));
    if (matched.length === 0) {
      throw new SigmaError('EMPTY_PATTERN', `pattern '${pattern}' matches no search identifier`, this.tokenSpan(token));
    }
    return matched;
  }

  private enter(token: Token): void {
    this.depth++;
    if (this.depth > MAX_CONDITION_DEPTH) throw this.error(`condition nests deeper than ${MAX_CONDITION_DEPTH} levels`, token);
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private advance(): Token {
    const token = this.tokens[this.index]!;
    if (token.kind !== 'End') this.index++;
    return token;
  }

  private expect(kind: TokenKind, message: string): Token {
    const token = this.peek();
    if (token.kind !== kind) throw this.error(`${message}, found '${token.text || 'end of condition'}'`, token);
    return this.advance();
  }

  private tokenSpan(token: Token): SourceSpan {
    return shiftSpan(this.span, token.start, Math.max(1, token.end - token.start));
  }

  private spanFrom(start: Token): SourceSpan {
    const previous = this.tokens[Math.max(0, this.index - 1)]!;
    return shiftSpan(this.span, start.start, Math.max(1, previous.end - start.start));
  }

  private error(message: string, token: Token): ConditionSyntaxError {
    return new ConditionSyntaxError(`${message} in condition '${this.text}'`, this.tokenSpan(token));
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
