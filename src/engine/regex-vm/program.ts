// Compiles a regex tree into a Thompson NFA program and runs it as a Pike VM: every position of
// the text is visited once with a bounded set of states, so matching takes time linear in the
// text length whatever the pattern. Used for patterns that could backtrack catastrophically.
import { isLineTerminator, isWord, parseRegex, type CharTest, type RegexFlags, type RegexNode } from './parse.ts';

type Instruction =
  | { op: 'char'; test: CharTest; next: number }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; next: number }
  | { op: 'assert'; assertion: 'start' | 'end' | 'wordBoundary' | 'notWordBoundary'; next: number }
  | { op: 'match' };

/** Largest program accepted; bigger ones (from large repeat counts) are rejected. */
const MAX_INSTRUCTIONS = 50_000;

class ProgramBuilder {
  readonly instructions: Instruction[] = [];

  private emit(instruction: Instruction): number {
    if (this.instructions.length >= MAX_INSTRUCTIONS) throw new RangeError('regular expression is too large for the linear-time matcher');
    this.instructions.push(instruction);
    return this.instructions.length - 1;
  }

  /** Emits code for `node` that continues at the instruction returned by `patch` users. Returns the entry index and the holes to patch. */
  compile(node: RegexNode): { entry: number; holes: Array<(target: number) => void> } {
    switch (node.kind) {
      case 'Empty': {
        const index = this.emit({ op: 'jump', next: -1 });
        return { entry: index, holes: [(target) => ((this.instructions[index] as { next: number }).next = target)] };
      }
      case 'Char':
      case 'Assert': {
        const instruction: Instruction = node.kind === 'Char' ? { op: 'char', test: node.test, next: -1 } : { op: 'assert', assertion: node.assertion, next: -1 };
        const index = this.emit(instruction);
        return { entry: index, holes: [(target) => ((this.instructions[index] as { next: number }).next = target)] };
      }
      case 'Concat': {
        let first: ReturnType<ProgramBuilder['compile']> | undefined;
        let holes: Array<(target: number) => void> = [];
        for (const item of node.items) {
          const part = this.compile(item);
          if (!first) first = part;
          else for (const hole of holes) hole(part.entry);
          holes = part.holes;
        }
        return { entry: first!.entry, holes };
      }
      case 'Alternation': {
        // A chain of splits, one per option but the last.
        const holes: Array<(target: number) => void> = [];
        let entry = -1;
        let previousSplit = -1;
        node.options.forEach((option, index) => {
          const isLast = index === node.options.length - 1;
          const split = isLast ? -1 : this.emit({ op: 'split', first: -1, second: -1 });
          const part = this.compile(option);
          if (split >= 0) (this.instructions[split] as { first: number }).first = part.entry;
          const start = split >= 0 ? split : part.entry;
          if (entry < 0) entry = start;
          if (previousSplit >= 0) (this.instructions[previousSplit] as { second: number }).second = start;
          previousSplit = split;
          holes.push(...part.holes);
        });
        return { entry, holes };
      }
      case 'Repeat':
        return this.compileRepeat(node.item, node.min, node.max);
    }
  }

  private compileRepeat(item: RegexNode, min: number, max: number): ReturnType<ProgramBuilder['compile']> {
    const parts: RegexNode[] = [];
    for (let i = 0; i < min; i++) parts.push(item);
    let entry = -1;
    let holes: Array<(target: number) => void> = [];
    const link = (part: ReturnType<ProgramBuilder['compile']>): void => {
      if (entry < 0) entry = part.entry;
      else for (const hole of holes) hole(part.entry);
      holes = part.holes;
    };
    for (const part of parts) link(this.compile(part));

    if (max === Infinity) {
      // split → item → back to split; the split's second branch leaves the loop.
      const split = this.emit({ op: 'split', first: -1, second: -1 });
      const body = this.compile(item);
      (this.instructions[split] as { first: number }).first = body.entry;
      for (const hole of body.holes) hole(split);
      link({ entry: split, holes: [(target) => ((this.instructions[split] as { second: number }).second = target)] });
    } else {
      for (let i = min; i < max; i++) {
        const split = this.emit({ op: 'split', first: -1, second: -1 });
        const body = this.compile(item);
        (this.instructions[split] as { first: number }).first = body.entry;
        const exits = [...body.holes, (target: number) => ((this.instructions[split] as { second: number }).second = target)];
        link({ entry: split, holes: exits });
      }
    }
    if (entry < 0) return this.compile({ kind: 'Empty' });
    return { entry, holes };
  }
}

/** A compiled pattern that tests whether it matches anywhere in a text, in linear time. */
export class LinearRegex {
  private readonly program: Instruction[];
  private readonly entry: number;
  private readonly multiline: boolean;

  constructor(source: string, flags: RegexFlags) {
    const builder = new ProgramBuilder();
    const { entry, holes } = builder.compile(parseRegex(source, flags));
    const match = builder.instructions.length;
    builder.instructions.push({ op: 'match' });
    for (const hole of holes) hole(match);
    this.program = builder.instructions;
    this.entry = entry;
    this.multiline = flags.multiline;
  }

  /** True when the pattern matches somewhere in `text`. */
  test(text: string): boolean {
    const size = this.program.length;
    let current = new Int32Array(size);
    let next = new Int32Array(size);
    let currentCount = 0;
    let nextCount = 0;
    const onList = new Int32Array(size).fill(-1);

    // Adds a state and everything reachable from it without consuming a character.
    const add = (list: Int32Array, count: number, start: number, position: number, generation: number): number => {
      const stack = [start];
      while (stack.length > 0) {
        const pc = stack.pop()!;
        if (onList[pc] === generation) continue;
        onList[pc] = generation;
        const instruction = this.program[pc]!;
        switch (instruction.op) {
          case 'jump':
            stack.push(instruction.next);
            break;
          case 'split':
            stack.push(instruction.second, instruction.first);
            break;
          case 'assert':
            if (this.assertionHolds(instruction.assertion, text, position)) stack.push(instruction.next);
            break;
          default:
            list[count++] = pc;
        }
      }
      return count;
    };

    for (let position = 0; position <= text.length; position++) {
      // Unanchored search: a new thread starts at every position.
      currentCount = add(current, currentCount, this.entry, position, position * 2);
      const code = position < text.length ? text.charCodeAt(position) : -1;
      nextCount = 0;
      for (let i = 0; i < currentCount; i++) {
        const instruction = this.program[current[i]!]!;
        if (instruction.op === 'match') return true;
        if (instruction.op === 'char' && code >= 0 && instruction.test(code)) {
          nextCount = add(next, nextCount, instruction.next, position + 1, position * 2 + 1);
        }
      }
      [current, next] = [next, current];
      currentCount = nextCount;
      // Re-mark the carried states so the next round's closure does not add them twice.
      for (let i = 0; i < currentCount; i++) onList[current[i]!] = (position + 1) * 2;
    }
    return false;
  }

  private assertionHolds(assertion: 'start' | 'end' | 'wordBoundary' | 'notWordBoundary', text: string, position: number): boolean {
    switch (assertion) {
      case 'start':
        return position === 0 || (this.multiline && isLineTerminator(text.charCodeAt(position - 1)));
      case 'end':
        return position === text.length || (this.multiline && isLineTerminator(text.charCodeAt(position)));
      case 'wordBoundary':
      case 'notWordBoundary': {
        const before = position > 0 && isWord(text.charCodeAt(position - 1));
        const after = position < text.length && isWord(text.charCodeAt(position));
        return (before !== after) === (assertion === 'wordBoundary');
      }
    }
  }
}
