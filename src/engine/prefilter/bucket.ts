// The rules of one routing bucket behind a literal prefilter: per field, one automaton over
// the literals that the bucket's rules need, so a rule is tried only when a needle occurs.
import { valueText } from '../event-values.ts';
import type { FieldAccessor } from '../profile.ts';
import { LiteralAutomaton, type LiteralHits } from './aho-corasick.ts';
import type { Needs } from './needles.ts';

type Event = Readonly<Record<string, unknown>>;

interface FieldScan {
  access: FieldAccessor;
  automaton: LiteralAutomaton;
  /** Bucket entry indexes per literal id of the automaton. */
  entriesByLiteral: ReadonlyArray<readonly number[]>;
}

/** A prefiltered list of entries: `always` are tried on every event, the rest when a needle occurs. */
export class PrefilterBucket<Entry> {
  readonly entries: readonly Entry[];
  private readonly always: readonly number[];
  private readonly scans: readonly FieldScan[];
  private readonly hits: LiteralHits;
  private readonly candidateStamp: Uint32Array;
  private stamp = 0;

  constructor(entries: readonly Entry[], needsOf: (entry: Entry) => Needs, accessor: (field: string) => FieldAccessor) {
    this.entries = entries;
    const always: number[] = [];
    const byField = new Map<string, Map<string, number[]>>();
    entries.forEach((entry, index) => {
      const needs = needsOf(entry);
      if (needs === undefined) {
        always.push(index);
        return;
      }
      for (const needle of needs) {
        let literals = byField.get(needle.field);
        if (!literals) byField.set(needle.field, (literals = new Map()));
        const list = literals.get(needle.literal) ?? [];
        if (list[list.length - 1] !== index) list.push(index);
        literals.set(needle.literal, list);
      }
    });
    this.scans = [...byField].map(([field, literals]) => ({
      access: accessor(field),
      automaton: new LiteralAutomaton([...literals.keys()]),
      entriesByLiteral: [...literals.values()],
    }));
    this.always = always;
    this.hits = { seen: new Uint32Array(Math.max(1, ...this.scans.map((scan) => scan.automaton.literals.length))), stamp: 0, found: [] };
    this.candidateStamp = new Uint32Array(entries.length);
  }

  /** Calls `tryEntry` for every entry that may match the event, and returns how many it skipped. */
  forCandidates(event: Event, tryEntry: (entry: Entry) => void): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.candidateStamp.fill(0);
    let tried = 0;
    for (const index of this.always) {
      tried++;
      tryEntry(this.entries[index]!);
    }
    for (const scan of this.scans) {
      const value = scan.access(event);
      if (value === undefined) continue;
      const hits = this.hits;
      hits.stamp = hits.stamp === 0xffffffff ? 1 : hits.stamp + 1;
      if (hits.stamp === 1) hits.seen.fill(0);
      hits.found.length = 0;
      if (Array.isArray(value)) {
        for (const element of value) scanElement(scan.automaton, element, hits);
      } else {
        scanElement(scan.automaton, value, hits);
      }
      for (const literal of hits.found) {
        for (const index of scan.entriesByLiteral[literal]!) {
          if (this.candidateStamp[index] === this.stamp) continue;
          this.candidateStamp[index] = this.stamp;
          tried++;
          tryEntry(this.entries[index]!);
        }
      }
    }
    return this.entries.length - tried;
  }
}

function scanElement(automaton: LiteralAutomaton, element: unknown, hits: LiteralHits): void {
  const text = valueText(element);
  if (text !== undefined) automaton.scan(text, hits);
}
