// One literal automaton per field over the needles of every rule in a rule set, so that each
// field of an event is scanned at most once, whichever routing buckets the event falls in.
import { forEachLeafValue, valueText } from '../event-values.ts';
import type { MatchContext } from '../match-context.ts';
import type { FieldAccessor } from '../profile.ts';
import { LiteralAutomaton, type LiteralHits } from './aho-corasick.ts';
import type { Clause } from './needles.ts';

interface IndexedField {
  /** Reads the field; undefined for keyword needles, which scan every leaf value. */
  access: FieldAccessor | undefined;
  literalIds: Map<string, number>;
  automaton: LiteralAutomaton | undefined;
  /** Scans one value into `hits`; made with the automaton. */
  scanValue: (value: unknown) => void;
  hits: LiteralHits;
  /** The event generation `hits` belongs to. */
  scanned: number;
}

/** Where a needle sits in the index: its field slot and the literal's id in that field. */
export interface NeedleRef {
  slot: number;
  literal: number;
}

/** The fields and literals of a rule set's needles; add every needle first, then scan. */
export class FieldIndex {
  private readonly fields: IndexedField[] = [];
  private readonly slots = new Map<string | null, number>();
  private readonly accessor: (field: string) => FieldAccessor;
  private generation = 0;

  constructor(accessor: (field: string) => FieldAccessor) {
    this.accessor = accessor;
  }

  /** Registers the needles of one rule variant's clauses; returns where each one sits, per clause. */
  add(clauses: readonly Clause[]): NeedleRef[][] {
    return clauses.map((clause) => this.addClause(clause));
  }

  private addClause(clause: Clause): NeedleRef[] {
    return clause.map((needle) => {
      let slot = this.slots.get(needle.field);
      if (slot === undefined) {
        slot = this.fields.length;
        this.slots.set(needle.field, slot);
        this.fields.push({
          access: needle.field === null ? undefined : this.accessor(needle.field),
          literalIds: new Map(),
          automaton: undefined,
          scanValue: () => undefined,
          hits: { seen: new Uint32Array(0), stamp: 0, found: [] },
          scanned: -1,
        });
      }
      const field = this.fields[slot]!;
      let literal = field.literalIds.get(needle.literal);
      if (literal === undefined) {
        literal = field.literalIds.size;
        field.literalIds.set(needle.literal, literal);
      }
      return { slot, literal };
    });
  }

  /** Starts a new event. */
  nextEvent(): void {
    this.generation++;
  }

  /** The ids of the literals of field `slot` that occur in the current event, scanned once per event. */
  hits(slot: number, context: MatchContext): readonly number[] {
    const field = this.fields[slot]!;
    if (field.scanned === this.generation) return field.hits.found;
    field.scanned = this.generation;
    const hits = field.hits;
    hits.found.length = 0;
    const value = field.access === undefined ? context.event : field.access(context.event);
    if (value === undefined) return hits.found;

    if (field.automaton === undefined) this.build(field);
    hits.stamp = hits.stamp === 0xffffffff ? 1 : hits.stamp + 1;
    if (hits.stamp === 1) hits.seen.fill(0);
    if (field.access === undefined) {
      forEachLeafValue(value, field.scanValue);
    } else if (Array.isArray(value)) {
      for (const element of value) field.scanValue(element);
    } else {
      field.scanValue(value);
    }
    return hits.found;
  }

  private build(field: IndexedField): void {
    const hits = field.hits;
    const automaton = new LiteralAutomaton([...field.literalIds.keys()]);
    hits.seen = new Uint32Array(field.literalIds.size);
    field.automaton = automaton;
    field.scanValue = (value) => {
      const text = valueText(value);
      if (text !== undefined) automaton.scan(text, hits);
    };
  }
}
