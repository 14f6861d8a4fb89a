// A multi-pattern substring search (Aho-Corasick) compiled to a dense transition table, so
// that one pass over a text finds every literal it contains. Texts are matched as if
// lower-cased: ASCII letters fold on the fly, and a text with any other character is
// lower-cased with String#toLowerCase first, which keeps the search exact.
//
// Characters beyond ASCII share a few classes (code modulo OTHER_CLASSES). Sharing a class
// can only report a literal that is not there, never miss one, and it keeps the table small
// when rules use many distinct non-ASCII characters (homoglyph lists have hundreds).

const OTHER_CLASSES = 16;

/** Literal ids found in a text, collected without allocating per text. */
export interface LiteralHits {
  /** Marks each literal id with the stamp of the scan that found it. */
  seen: Uint32Array;
  stamp: number;
  found: number[];
}

/** An automaton over lower-cased literals; build once, scan many texts. */
export class LiteralAutomaton {
  readonly literals: readonly string[];
  private readonly classCount: number;
  /** Character class of each ASCII code (upper-case letters share their lower-case class). */
  private readonly asciiClass = new Uint16Array(128);
  /** The class of the first non-ASCII class; a non-ASCII code's class is this plus code % OTHER_CLASSES. */
  private readonly otherBase: number;
  /**
   * The full deterministic transition table. Each cell holds the target state's row offset
   * (`state * classCount`) times two, plus one when that state has outputs, so a step needs
   * no multiplication and no lookup to learn whether a literal ends there.
   */
  private readonly next: Int32Array;
  /** Literal ids that end at each state, including those reached through failure links. */
  private readonly outputs: Array<readonly number[] | undefined>;

  /** `literals` must already be lower-cased and non-empty. */
  constructor(literals: readonly string[]) {
    this.literals = literals;
    let classes = 1;
    for (const literal of literals) {
      for (let i = 0; i < literal.length; i++) {
        const code = literal.charCodeAt(i);
        if (code < 128 && this.asciiClass[code] === 0) this.asciiClass[code] = classes++;
      }
    }
    for (let code = 65; code <= 90; code++) this.asciiClass[code] = this.asciiClass[code + 32]!;
    this.otherBase = classes;
    this.classCount = classes + OTHER_CLASSES;

    const trie = buildTrie(literals, (code) => this.classOf(code));
    this.next = new Int32Array(trie.children.length * this.classCount);
    this.outputs = new Array<readonly number[] | undefined>(trie.children.length);
    this.fillTable(trie);
    for (let cell = 0; cell < this.next.length; cell++) {
      const state = this.next[cell]!;
      this.next[cell] = state * this.classCount * 2 + (this.outputs[state] === undefined ? 0 : 1);
    }
  }

  private classOf(code: number): number {
    return code < 128 ? this.asciiClass[code]! : this.otherBase + (code % OTHER_CLASSES);
  }

  /**
   * Breadth-first over the trie. A state's row starts as a copy of its failure state's
   * row (already complete, because that state is shallower), then its own children win.
   */
  private fillTable(trie: Trie): void {
    const classes = this.classCount;
    const next = this.next;
    const fail = new Int32Array(trie.children.length);
    const queue: number[] = [0];
    this.outputs[0] = trie.ends[0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const row = state * classes;
      if (state !== 0) next.copyWithin(row, fail[state]! * classes, fail[state]! * classes + classes);
      for (const [symbol, child] of trie.children[state]!) {
        fail[child] = state === 0 ? 0 : next[row + symbol]!;
        queue.push(child);
      }
      for (const [symbol, child] of trie.children[state]!) next[row + symbol] = child;
      for (const [, child] of trie.children[state]!) {
        const own = trie.ends[child];
        const inherited = this.outputs[fail[child]!];
        this.outputs[child] = own && inherited ? [...own, ...inherited] : (own ?? inherited);
      }
    }
  }

  /** Adds to `hits` every literal that occurs in the lower-cased `text`. */
  scan(text: string, hits: LiteralHits): void {
    const next = this.next;
    const ascii = this.asciiClass;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) {
        // Full case mapping can change lengths (U+0130) and depends on context (final sigma).
        this.scanFolded(text.toLowerCase(), hits);
        return;
      }
      const cell = next[row + ascii[code]!]!;
      row = cell >> 1;
      if ((cell & 1) === 1) record(this.outputs[row / this.classCount]!, hits);
    }
  }

  private scanFolded(lowered: string, hits: LiteralHits): void {
    let row = 0;
    for (let i = 0; i < lowered.length; i++) {
      const cell = this.next[row + this.classOf(lowered.charCodeAt(i))]!;
      row = cell >> 1;
      if ((cell & 1) === 1) record(this.outputs[row / this.classCount]!, hits);
    }
  }
}

function record(output: readonly number[], hits: LiteralHits): void {
  for (const id of output) {
    if (hits.seen[id] === hits.stamp) continue;
    hits.seen[id] = hits.stamp;
    hits.found.push(id);
  }
}

interface Trie {
  children: Array<Map<number, number>>;
  ends: Array<number[] | undefined>;
}

function buildTrie(literals: readonly string[], classOf: (code: number) => number): Trie {
  const trie: Trie = { children: [new Map()], ends: [undefined] };
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const symbol = classOf(literal.charCodeAt(i));
      let child = trie.children[state]!.get(symbol);
      if (child === undefined) {
        child = trie.children.length;
        trie.children.push(new Map());
        trie.ends.push(undefined);
        trie.children[state]!.set(symbol, child);
      }
      state = child;
    }
    (trie.ends[state] ??= []).push(id);
  });
  return trie;
}
