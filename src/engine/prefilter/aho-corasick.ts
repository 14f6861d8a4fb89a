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
   * The full deterministic transition table. Each cell contains the target state's row offset
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

    const trie = buildTrie(literals, this.classCount, (code) => this.classOf(code));
    this.next = trie.next;
    this.outputs = fillFailures(trie, this.classCount);
  }

  private classOf(code: number): number {
    return code < 128 ? this.asciiClass[code]! : this.otherBase + (code % OTHER_CLASSES);
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

/** The trie of the literals as a dense table: `next[state * classes + class]`, 0 for no child. */
interface Trie {
  next: Int32Array;
  states: number;
  /** Literal ids that end at each state. */
  ends: Array<number[] | undefined>;
}

function buildTrie(literals: readonly string[], classes: number, classOf: (code: number) => number): Trie {
  // Every character can add a state at most, so this bounds the table; it is cut to size below.
  let capacity = 1;
  for (const literal of literals) capacity += literal.length;
  const next = new Int32Array(capacity * classes);
  const ends: Array<number[] | undefined> = [undefined];
  let states = 1;
  literals.forEach((literal, id) => {
    let state = 0;
    for (let i = 0; i < literal.length; i++) {
      const cell = state * classes + classOf(literal.charCodeAt(i));
      if (next[cell] === 0) {
        next[cell] = states++;
        ends.push(undefined);
      }
      state = next[cell]!;
    }
    (ends[state] ??= []).push(id);
  });
  return { next: next.slice(0, states * classes), states, ends };
}

/**
 * Completes the trie into the full transition table, breadth-first, and returns the outputs
 * of every state. When a state leaves the queue, its row contains only its trie children,
 * because no trie child is the root, a 0 cell means no child. Its failure state is
 * shallower, so that row is already complete, and each missing cell copies its transition.
 * Cells are written in the scan's encoding (row offset times two, plus one for outputs).
 */
function fillFailures(trie: Trie, classes: number): Array<readonly number[] | undefined> {
  const { next, states, ends } = trie;
  const fail = new Int32Array(states);
  const outputs = new Array<readonly number[] | undefined>(states);
  outputs[0] = ends[0];
  const queue = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const row = state * classes;
    const failRow = fail[state]! * classes;
    for (let symbol = 0; symbol < classes; symbol++) {
      const child = next[row + symbol]!;
      if (child === 0) {
        // The root has no outputs (literals are not empty), so its encoded cell is 0.
        next[row + symbol] = state === 0 ? 0 : next[failRow + symbol]!;
        continue;
      }
      fail[child] = state === 0 ? 0 : (next[failRow + symbol]! >> 1) / classes;
      const own = ends[child];
      const inherited = outputs[fail[child]!];
      outputs[child] = own && inherited ? [...own, ...inherited] : (own ?? inherited);
      next[row + symbol] = child * classes * 2 + (outputs[child] === undefined ? 0 : 1);
      queue[tail++] = child;
    }
  }
  return outputs;
}
