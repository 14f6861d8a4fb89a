// The rules of one routing bucket behind the literal prefilter: a rule is tried only when
// each of its clauses has a needle that occurs in the event, or always when it has no clauses.
import type { MatchContext } from '../match-context.ts';
import type { FieldIndex, NeedleRef } from './field-index.ts';

interface BucketField {
  slot: number;
  /** Indexed by literal id of the field: pairs of (entry position, clause bit), flattened. */
  targetsByLiteral: ReadonlyArray<Int32Array | undefined>;
}

/** A variant's clauses, at most this many, are tracked as bits of one byte. */
const MAX_CLAUSES = 8;

/** A prefiltered list of entries. */
export class PrefilterBucket<Entry> {
  readonly entries: readonly Entry[];
  private readonly always: readonly number[];
  private readonly fields: readonly BucketField[];
  private readonly index: FieldIndex;
  /** The clause bits an entry needs, all set. */
  private readonly fullMask: Uint8Array;
  /** The clause bits found for the current event; valid when `maskStamp` is the current stamp. */
  private readonly mask: Uint8Array;
  private readonly maskStamp: Uint32Array;
  private stamp = 0;

  /** `clausesOf` gives an entry's needles per clause, or undefined when it must always be tried. */
  constructor(entries: readonly Entry[], clausesOf: (entry: Entry) => ReadonlyArray<readonly NeedleRef[]> | undefined, index: FieldIndex) {
    this.entries = entries;
    this.index = index;
    this.fullMask = new Uint8Array(entries.length);
    this.mask = new Uint8Array(entries.length);
    this.maskStamp = new Uint32Array(entries.length);
    const always: number[] = [];
    const bySlot = new Map<number, Map<number, number[]>>();
    entries.forEach((entry, position) => {
      const clauses = clausesOf(entry)?.slice(0, MAX_CLAUSES);
      if (clauses === undefined || clauses.length === 0) {
        always.push(position);
        return;
      }
      this.fullMask[position] = (1 << clauses.length) - 1;
      clauses.forEach((needles, clause) => {
        for (const needle of needles) {
          let literals = bySlot.get(needle.slot);
          if (!literals) bySlot.set(needle.slot, (literals = new Map()));
          const targets = literals.get(needle.literal);
          if (targets === undefined) literals.set(needle.literal, [position, 1 << clause]);
          else targets.push(position, 1 << clause);
        }
      });
    });
    this.always = always;
    this.fields = [...bySlot].map(([slot, literals]) => {
      const targetsByLiteral: Array<Int32Array | undefined> = new Array(Math.max(...literals.keys()) + 1).fill(undefined);
      for (const [literal, targets] of literals) targetsByLiteral[literal] = Int32Array.from(targets);
      return { slot, targetsByLiteral };
    });
  }

  /** Calls `tryEntry` for every entry that may match the event, and returns how many it skipped. */
  forCandidates(context: MatchContext, tryEntry: (entry: Entry) => void): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.maskStamp.fill(0);
    const stamp = this.stamp;
    const { mask, maskStamp, fullMask, entries } = this;
    let tried = 0;
    for (const position of this.always) {
      tried++;
      tryEntry(entries[position]!);
    }
    for (const field of this.fields) {
      const hits = this.index.hits(field.slot, context);
      for (let h = 0; h < hits.length; h++) {
        const targets = field.targetsByLiteral[hits[h]!];
        if (targets === undefined) continue;
        for (let t = 0; t < targets.length; t += 2) {
          const position = targets[t]!;
          const full = fullMask[position]!;
          let found = maskStamp[position] === stamp ? mask[position]! : 0;
          // Already complete: the entry was tried for this event.
          if (found === full) continue;
          found |= targets[t + 1]!;
          mask[position] = found;
          maskStamp[position] = stamp;
          if (found !== full) continue;
          tried++;
          tryEntry(entries[position]!);
        }
      }
    }
    return entries.length - tried;
  }
}
