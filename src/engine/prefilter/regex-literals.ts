// Literals that every match of a regular expression contains, so the literal prefilter can
// skip regex rules as it skips string rules. The scan is conservative: whatever it does not
// understand ends the current literal, and a part that may be absent gives no literal.
//
// Only ASCII literals are kept. Without the `u` flag, JavaScript's case-insensitive matching
// never pairs an ASCII character with a non-ASCII one, so a match of an ASCII literal, with or
// without the `i` flag, implies that the lower-cased text contains the lower-cased literal.
import { clipLiteral, literalCost } from './literal-choice.ts';

/** One of these lower-cased literals occurs in every text the pattern matches. */
export type LiteralSet = readonly string[];

/** Character escapes that stand for one known character. */
const CONTROL_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v', '0': '\0' };

/** Escapes that stand for a class of characters or a position, never a literal. */
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'c', 'k', 'p', 'P']);

interface Quantifier {
  min: number;
  /** Characters the quantifier takes, including a trailing lazy `?`. */
  length: number;
}

/**
 * Returns literals one of which every match of `source` contains (lower-cased), or undefined
 * when no such set is found.
 *
 * @example
 *   requiredLiterals('cmd.{0,5}/c\\s+whoami') // ['whoami']
 */
export function requiredLiterals(source: string): LiteralSet | undefined {
  const scanner = new LiteralScanner(source);
  const found = scanner.alternation();
  return scanner.complete() ? found : undefined;
}

/** Returns the more selective of two literal sets that are both required. */
function moreSelective(left: LiteralSet | undefined, right: LiteralSet | undefined): LiteralSet | undefined {
  if (left === undefined) return right;
  if (right === undefined) return left;
  return literalCost(right) < literalCost(left) ? right : left;
}

class LiteralScanner {
  private position = 0;
  private broken = false;
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  /** True when the whole pattern was read and its groups are balanced. */
  complete(): boolean {
    return !this.broken && this.position >= this.source.length;
  }

  /** Branches separated by `|`: any branch may be the one that matched, so their sets join. */
  alternation(): LiteralSet | undefined {
    const branches: Array<LiteralSet | undefined> = [this.sequence()];
    while (this.source[this.position] === '|') {
      this.position++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0];
    const joined: string[] = [];
    for (const branch of branches) {
      if (branch === undefined) return undefined;
      for (const literal of branch) if (!joined.includes(literal)) joined.push(literal);
    }
    return joined;
  }

  /** Atoms one after another: every run of plain characters is required, and so is every required group. */
  private sequence(): LiteralSet | undefined {
    let best: LiteralSet | undefined;
    let run = '';
    const endRun = (): void => {
      if (run !== '') best = moreSelective(best, [clipLiteral(run)]);
      run = '';
    };

    while (this.position < this.source.length) {
      const char = this.source[this.position]!;
      if (char === '|' || char === ')') break;

      if (char === '(') {
        endRun();
        const inner = this.group();
        const quantifier = this.quantifier();
        if (quantifier.min > 0) best = moreSelective(best, inner);
        continue;
      }

      const literal = this.atom();
      const quantifier = this.quantifier();
      if (literal === undefined || quantifier.min === 0) {
        endRun();
        continue;
      }
      run += literal;
      // A repeated character is required once, and what follows comes after its last copy.
      if (quantifier.length > 0) endRun();
    }
    endRun();
    return best;
  }

  /** Reads a group from its `(`; lookaround and flag groups require nothing. */
  private group(): LiteralSet | undefined {
    const source = this.source;
    this.position++;
    let requires = true;
    if (source[this.position] === '?') {
      const next = source[this.position + 1];
      if (next === ':') {
        this.position += 2;
      } else if (next === '<' && source[this.position + 2] !== '=' && source[this.position + 2] !== '!') {
        const close = source.indexOf('>', this.position);
        this.position = close < 0 ? source.length : close + 1;
      } else {
        // Lookaround, inline flags or a construct this scan does not know: read it, use nothing.
        requires = false;
        this.position++;
        while (this.position < source.length && /[=!<a-zA-Z-]/.test(source[this.position]!) && source[this.position] !== ')') {
          if (source[this.position] === ':') break;
          this.position++;
        }
        if (source[this.position] === ':') this.position++;
      }
    }
    const inner = this.alternation();
    if (source[this.position] === ')') this.position++;
    else this.broken = true;
    return requires ? inner : undefined;
  }

  /** Reads one atom; returns its character when it is one known ASCII character. */
  private atom(): string | undefined {
    const source = this.source;
    const char = source[this.position]!;
    this.position++;
    if (char === '[') {
      this.skipClass();
      return undefined;
    }
    if (char === '.' || char === '^' || char === '$') return undefined;
    if (char !== '\\') return asciiLower(char);

    const escaped = source[this.position];
    this.position++;
    if (escaped === undefined || CLASS_ESCAPES.has(escaped) || /[1-9]/.test(escaped)) return undefined;
    if (Object.hasOwn(CONTROL_ESCAPES, escaped)) return CONTROL_ESCAPES[escaped];
    if (escaped === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(this.position, this.position + 2))) {
      this.position += 2;
      return asciiLower(String.fromCharCode(parseInt(source.slice(this.position - 2, this.position), 16)));
    }
    if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(this.position, this.position + 4))) {
      this.position += 4;
      return asciiLower(String.fromCharCode(parseInt(source.slice(this.position - 4, this.position), 16)));
    }
    if (/[a-zA-Z]/.test(escaped)) return undefined;
    return asciiLower(escaped);
  }

  private skipClass(): void {
    const source = this.source;
    // A `]` right after `[` or `[^` is a member, not the end.
    if (source[this.position] === '^') this.position++;
    if (source[this.position] === ']') this.position++;
    while (this.position < source.length && source[this.position] !== ']') {
      this.position += source[this.position] === '\\' ? 2 : 1;
    }
    this.position++;
  }

  /** Reads a quantifier after an atom, if any. `{` that does not form one is a plain character. */
  private quantifier(): Quantifier {
    const source = this.source;
    const start = this.position;
    const char = source[start];
    let min: number;
    if (char === '*' || char === '?') {
      min = 0;
      this.position++;
    } else if (char === '+') {
      min = 1;
      this.position++;
    } else if (char === '{') {
      const match = /^\{(\d+)(,\d*)?\}/.exec(source.slice(start));
      if (match === null) return { min: 1, length: 0 };
      min = Number(match[1]);
      this.position += match[0].length;
    } else {
      return { min: 1, length: 0 };
    }
    if (source[this.position] === '?') this.position++;
    return { min, length: this.position - start };
  }
}

function asciiLower(char: string): string | undefined {
  return char.charCodeAt(0) < 0x80 ? char.toLowerCase() : undefined;
}
