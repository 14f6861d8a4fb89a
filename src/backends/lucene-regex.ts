// Sigma regex → Lucene regular expression (used by Elasticsearch query strings and ES|QL RLIKE).
// Lucene patterns are anchored at both ends and have no flags, no `\d`-style escapes in older
// versions, no lookaround and no word boundaries; this file regenerates the pattern from the
// syntax tree so that it matches exactly the values the JavaScript pattern finds.
import type { AstNode, CharacterClassBody } from 'regjsparser';
import type { ParsedRegex } from './regex.ts';

type Node = AstNode<{ lookbehind: true }>;

/** Thrown for a construct that has no exact Lucene equivalent; the caller names the rule and target. */
export class LuceneRegexError extends Error {}

const NEWLINES = ['\n', '\r', '\u2028', '\u2029'];
const DIGIT = ['0-9'];
const WORD = ['0-9', 'A-Z', 'a-z', '_'];
// JavaScript's \s: ASCII whitespace plus the Unicode space separators and the BOM.
const SPACE = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000-\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

/** Generates a Lucene regex that matches a value exactly when the Sigma regex finds a match in it. */
export function toLuceneRegex(parsed: ParsedRegex): string {
  if (parsed.flags.multiline) throw new LuceneRegexError('the m (multi-line) flag');
  const generator = new Generator(parsed.flags.ignoreCase, parsed.flags.dotAll);
  const branches = parsed.ast.type === 'disjunction' ? parsed.ast.body : [parsed.ast];
  const written = branches.map((branch) => generator.topBranch(branch));
  return written.length === 1 ? written[0]! : written.map((branch) => `(${branch})`).join('|');
}

class Generator {
  private readonly ignoreCase: boolean;
  private readonly dotAll: boolean;

  constructor(ignoreCase: boolean, dotAll: boolean) {
    this.ignoreCase = ignoreCase;
    this.dotAll = dotAll;
  }

  /** A top-level branch: `^` and `$` at its ends become the anchoring; elsewhere `.*` pads it. */
  topBranch(node: Node): string {
    const items = node.type === 'alternative' ? [...node.body] : [node];
    let start = '.*';
    let end = '.*';
    if (items[0]?.type === 'anchor' && items[0].kind === 'start') {
      items.shift();
      start = '';
    }
    const last = items[items.length - 1];
    if (last?.type === 'anchor' && last.kind === 'end') {
      items.pop();
      end = '';
    }
    return start + items.map((item) => this.node(item)).join('') + end;
  }

  node(node: Node): string {
    switch (node.type) {
      case 'alternative':
        return node.body.map((child) => this.node(child)).join('');
      case 'disjunction':
        return node.body.map((child) => this.node(child)).join('|');
      case 'group':
        if (node.behavior !== 'normal' && node.behavior !== 'ignore') throw new LuceneRegexError('lookaround');
        return `(${node.body.map((child) => this.node(child)).join('')})`;
      case 'quantifier':
        return this.quantifier(node.body[0], node.min, node.max);
      case 'dot':
        return this.dotAll ? '.' : `[^${NEWLINES.join('')}]`;
      case 'anchor':
        throw new LuceneRegexError(node.kind === 'start' || node.kind === 'end' ? 'an anchor inside the pattern' : 'word boundaries');
      case 'reference':
        throw new LuceneRegexError('backreferences');
      case 'characterClassEscape':
        return this.classEscape(node.value);
      case 'characterClass':
        return this.characterClass(node.body, node.negative);
      case 'value':
        return this.literal(node.codePoint);
      case 'characterClassRange':
        throw new LuceneRegexError(`the construct ${node.raw}`);
      default:
        throw new LuceneRegexError('an unknown construct');
    }
  }

  private quantifier(body: Node, min: number, max: number | undefined): string {
    const inner = this.node(body);
    const atom = body.type === 'alternative' || body.type === 'disjunction' ? `(${inner})` : inner;
    if (max === undefined) return min === 0 ? `${atom}*` : min === 1 ? `${atom}+` : `${atom}{${min},}`;
    if (min === 0 && max === 1) return `${atom}?`;
    return min === max ? `${atom}{${min}}` : `${atom}{${min},${max}}`;
  }

  private classEscape(value: 'd' | 'D' | 'w' | 'W' | 's' | 'S'): string {
    const members = value.toLowerCase() === 'd' ? DIGIT : value.toLowerCase() === 'w' ? WORD : SPACE;
    return `[${value === value.toUpperCase() ? '^' : ''}${members.join('')}]`;
  }

  private characterClass(body: CharacterClassBody[], negative: boolean): string {
    const members: string[] = [];
    for (const item of body) {
      if (item.type === 'characterClassEscape') {
        if (item.value !== item.value.toLowerCase()) throw new LuceneRegexError('a negated escape inside a class');
        const set = item.value === 'd' ? DIGIT : item.value === 'w' ? WORD : SPACE;
        members.push(...set);
      } else if (item.type === 'characterClassRange') {
        members.push(...this.range(item.min.codePoint, item.max.codePoint));
      } else if (item.type === 'value') {
        members.push(...this.caseVariants(item.codePoint).map(classMember));
      } else {
        throw new LuceneRegexError('Unicode property escapes');
      }
    }
    return `[${negative ? '^' : ''}${members.join('')}]`;
  }

  private range(min: number, max: number): string[] {
    const written = `${classMember(min)}-${classMember(max)}`;
    if (!this.ignoreCase) return [written];
    const lower = String.fromCodePoint(min).toLowerCase() === String.fromCodePoint(min);
    const bothAsciiLetters = /^[a-zA-Z]$/.test(String.fromCodePoint(min)) && /^[a-zA-Z]$/.test(String.fromCodePoint(max));
    if (!bothAsciiLetters) {
      if (hasCase(min, max)) throw new LuceneRegexError('a case-insensitive range of non-ASCII letters');
      return [written];
    }
    const shift = lower ? -32 : 32;
    return [written, `${classMember(min + shift)}-${classMember(max + shift)}`];
  }

  private literal(codePoint: number): string {
    const variants = this.caseVariants(codePoint);
    if (variants.length === 1) return escapeLiteral(codePoint);
    return `[${variants.map(classMember).join('')}]`;
  }

  private caseVariants(codePoint: number): number[] {
    if (!this.ignoreCase) return [codePoint];
    const char = String.fromCodePoint(codePoint);
    const variants = new Set([char, char.toLowerCase(), char.toUpperCase()]);
    return [...variants].filter((variant) => [...variant].length === 1).map((variant) => variant.codePointAt(0)!);
  }
}

function hasCase(min: number, max: number): boolean {
  for (let codePoint = min; codePoint <= max && codePoint - min < 4096; codePoint += 1) {
    const char = String.fromCodePoint(codePoint);
    if (char.toLowerCase() !== char.toUpperCase()) return true;
  }
  return false;
}

// Lucene treats `\` followed by any character as that character, so escaping every
// non-alphanumeric ASCII character is always safe.
function escapeLiteral(codePoint: number): string {
  const char = String.fromCodePoint(codePoint);
  return /[A-Za-z0-9]/.test(char) || codePoint > 0x7f ? char : `\\${char}`;
}

function classMember(codePoint: number): string {
  return escapeLiteral(codePoint);
}
