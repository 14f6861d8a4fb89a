// Parses the regular expressions Sigma allows (and the common JavaScript extras: class escapes,
// non-capturing groups, lazy quantifiers) into a small tree for the linear-time matcher.
// Backreferences and lookaround have no linear-time form; they raise RegexUnsupportedError.

/** A test of one UTF-16 code unit. */
export type CharTest = (code: number) => boolean;

export type RegexNode =
  | { kind: 'Char'; test: CharTest }
  | { kind: 'Concat'; items: RegexNode[] }
  | { kind: 'Alternation'; options: RegexNode[] }
  | { kind: 'Repeat'; item: RegexNode; min: number; max: number }
  | { kind: 'Assert'; assertion: 'start' | 'end' | 'wordBoundary' | 'notWordBoundary' }
  | { kind: 'Empty' };

export class RegexUnsupportedError extends Error {}

export interface RegexFlags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

const isDigit: CharTest = (code) => code >= 48 && code <= 57;
const isWord: CharTest = (code) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isSpace: CharTest = (code) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
const isLineTerminator = (code: number): boolean => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

export { isWord, isLineTerminator };

/** Largest repeat count expanded; larger counts are rejected rather than unrolled. */
const MAX_REPEAT = 1000;

function not(test: CharTest): CharTest {
  return (code) => !test(code);
}

function caseless(test: CharTest): CharTest {
  return (code) => {
    if (test(code)) return true;
    const char = String.fromCharCode(code);
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    return (lower.length === 1 && test(lower.charCodeAt(0))) || (upper.length === 1 && test(upper.charCodeAt(0)));
  };
}

class RegexParser {
  private position = 0;
  private readonly source: string;
  private readonly flags: RegexFlags;

  constructor(source: string, flags: RegexFlags) {
    this.source = source;
    this.flags = flags;
  }

  parse(): RegexNode {
    const node = this.parseAlternation();
    if (this.position < this.source.length) throw new RegexUnsupportedError(`unexpected '${this.source[this.position]}'`);
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private parseAlternation(): RegexNode {
    const options = [this.parseConcat()];
    while (this.peek() === '|') {
      this.position++;
      options.push(this.parseConcat());
    }
    return options.length === 1 ? options[0]! : { kind: 'Alternation', options };
  }

  private parseConcat(): RegexNode {
    const items: RegexNode[] = [];
    while (this.position < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.parseQuantified());
    }
    if (items.length === 0) return { kind: 'Empty' };
    return items.length === 1 ? items[0]! : { kind: 'Concat', items };
  }

  private parseQuantified(): RegexNode {
    const item = this.parseAtom();
    const quantifier = this.readQuantifier();
    if (!quantifier) return item;
    if (item.kind === 'Assert') throw new RegexUnsupportedError('quantified assertion');
    if (this.peek() === '?') this.position++;
    return { kind: 'Repeat', item, min: quantifier.min, max: quantifier.max };
  }

  private readQuantifier(): { min: number; max: number } | undefined {
    const char = this.peek();
    if (char === '*') return this.advanceWith({ min: 0, max: Infinity });
    if (char === '+') return this.advanceWith({ min: 1, max: Infinity });
    if (char === '?') return this.advanceWith({ min: 0, max: 1 });
    if (char !== '{') return undefined;
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
    if (!match) return undefined;
    this.position += match[0].length;
    const min = Number(match[1]);
    let max = min;
    if (match[2] !== undefined) max = match[3] === '' ? Infinity : Number(match[3]);

    if (max < min) throw new RegexUnsupportedError(`invalid repeat {${min},${max}}: the maximum is below the minimum`);
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) {
      throw new RegexUnsupportedError(`repeat count over ${MAX_REPEAT} is not supported by the linear-time matcher`);
    }
    return { min, max };
  }

  private advanceWith<T>(value: T): T {
    this.position++;
    return value;
  }

  private char(test: CharTest): RegexNode {
    return { kind: 'Char', test: this.flags.ignoreCase ? caseless(test) : test };
  }

  private parseAtom(): RegexNode {
    const char = this.source[this.position++]!;
    switch (char) {
      case '(':
        return this.parseGroup();
      case '[':
        return this.char(this.parseClass());
      case '.':
        return { kind: 'Char', test: this.flags.dotAll ? () => true : not(isLineTerminator) };
      case '^':
        return { kind: 'Assert', assertion: 'start' };
      case '$':
        return { kind: 'Assert', assertion: 'end' };
      case '\\':
        return this.parseEscapeAtom();
      case '*':
      case '+':
      case '?':
        throw new RegexUnsupportedError('nothing to repeat');
      default: {
        const code = char.charCodeAt(0);
        return this.char((other) => other === code);
      }
    }
  }

  private parseGroup(): RegexNode {
    if (this.peek() === '?') {
      const next = this.source.slice(this.position, this.position + 3);
      if (next.startsWith('?:')) this.position += 2;
      else if (next.startsWith('?<') && !next.startsWith('?<=') && !next.startsWith('?<!')) {
        const end = this.source.indexOf('>', this.position);
        if (end < 0) throw new RegexUnsupportedError('unterminated group name');
        this.position = end + 1;
      } else throw new RegexUnsupportedError('lookaround and inline flags have no linear-time form');
    }
    const inner = this.parseAlternation();
    if (this.source[this.position++] !== ')') throw new RegexUnsupportedError("missing ')'");
    return inner;
  }

  private parseEscapeAtom(): RegexNode {
    const char = this.source[this.position];
    if (char === 'b' || char === 'B') {
      this.position++;
      return { kind: 'Assert', assertion: char === 'b' ? 'wordBoundary' : 'notWordBoundary' };
    }
    if (char !== undefined && /[1-9]/.test(char)) throw new RegexUnsupportedError('backreferences have no linear-time form');
    return this.char(this.parseEscape());
  }

  /** An escape after `\`, outside or inside a class, as a character test. */
  private parseEscape(): CharTest {
    const char = this.source[this.position++];
    if (char === undefined) throw new RegexUnsupportedError('trailing backslash');
    switch (char) {
      case 'd':
        return isDigit;
      case 'D':
        return not(isDigit);
      case 'w':
        return isWord;
      case 'W':
        return not(isWord);
      case 's':
        return isSpace;
      case 'S':
        return not(isSpace);
      default: {
        const code = this.escapedCode(char);
        return (other) => other === code;
      }
    }
  }

  private escapedCode(char: string): number {
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
    if (char in simple) return simple[char]!;
    if (char === 'x' || char === 'u') {
      const length = char === 'x' ? 2 : 4;
      const hex = this.source.slice(this.position, this.position + length);
      if (new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) {
        this.position += length;
        return parseInt(hex, 16);
      }
    }
    if (char === 'c') throw new RegexUnsupportedError('control escapes are not supported');
    return char.charCodeAt(0);
  }

  private parseClass(): CharTest {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const tests: CharTest[] = [];
    while (this.position < this.source.length && this.peek() !== ']') {
      const start = this.readClassAtom();
      if (this.peek() === '-' && this.source[this.position + 1] !== ']' && this.source[this.position + 1] !== undefined && typeof start === 'number') {
        this.position++;
        const end = this.readClassAtom();
        if (typeof end !== 'number' || end < start) throw new RegexUnsupportedError('invalid class range');
        tests.push((code) => code >= start && code <= end);
      } else {
        tests.push(typeof start === 'number' ? (code) => code === start : start);
      }
    }
    if (this.source[this.position++] !== ']') throw new RegexUnsupportedError("missing ']'");
    const any: CharTest = (code) => tests.some((test) => test(code));
    return negated ? not(any) : any;
  }

  /** A class member: a code unit, or a test for a class escape such as `\d`. */
  private readClassAtom(): number | CharTest {
    const char = this.source[this.position++]!;
    if (char !== '\\') return char.charCodeAt(0);
    const next = this.source[this.position];
    if (next === 'b') {
      this.position++;
      return 8;
    }
    if (next !== undefined && 'dDwWsS'.includes(next)) return this.parseEscape();
    this.position++;
    return this.escapedCode(next ?? '\\');
  }
}

/** Parses a pattern; throws RegexUnsupportedError for constructs without a linear-time form. */
export function parseRegex(source: string, flags: RegexFlags): RegexNode {
  return new RegexParser(source, flags).parse();
}
