// The rules of one routing bucket behind the literal prefilter: a rule is tried only when one
// of its needles occurs in the event, or always when it has no needles.
import type { MatchContext } from '../match-context.ts';
import type { FieldIndex, NeedleRef } from './field-index.ts';

interface BucketField {
  slot: number;
  /** Bucket entry indexes per literal id of the field. */
  entriesByLiteral: Map<number, number[]>;
}

/** A prefiltered list of entries. */
export class PrefilterBucket<Entry> {
  readonly entries: readonly Entry[];
  private readonly always: readonly number[];
  private readonly fields: readonly BucketField[];
  private readonly index: FieldIndex;
  private readonly candidateStamp: Uint32Array;
  private stamp = 0;

  /** `needlesOf` gives an entry's needles in `index`, or undefined when it must always be tried. */
  constructor(entries: readonly Entry[], needlesOf: (entry: Entry) => readonly NeedleRef[] | undefined, index: FieldIndex) {
    this.entries = entries;
    this.index = index;
    const always: number[] = [];
    const bySlot = new Map<number, Map<number, number[]>>();
    entries.forEach((entry, position) => {
      const needles = needlesOf(entry);
      if (needles === undefined) {
        always.push(position);
        return;
      }
      for (const needle of needles) {
        let literals = bySlot.get(needle.slot);
        if (!literals) bySlot.set(needle.slot, (literals = new Map()));
        const list = literals.get(needle.literal);
        if (list === undefined) literals.set(needle.literal, [position]);
        else if (list[list.length - 1] !== position) list.push(position);
      }
    });
    this.always = always;
    this.fields = [...bySlot].map(([slot, entriesByLiteral]) => ({ slot, entriesByLiteral }));
    this.candidateStamp = new Uint32Array(entries.length);
  }

  /** Calls `tryEntry` for every entry that may match the event, and returns how many it skipped. */
  forCandidates(context: MatchContext, tryEntry: (entry: Entry) => void): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.candidateStamp.fill(0);
    let tried = 0;
    for (const position of this.always) {
      tried++;
      tryEntry(this.entries[position]!);
    }
    for (const field of this.fields) {
      for (const literal of this.index.hits(field.slot, context)) {
        const positions = field.entriesByLiteral.get(literal);
        if (positions === undefined) continue;
        for (const position of positions) {
          if (this.candidateStamp[position] === this.stamp) continue;
          this.candidateStamp[position] = this.stamp;
          tried++;
          tryEntry(this.entries[position]!);
        }
      }
    }
    return this.entries.length - tried;
  }
}
