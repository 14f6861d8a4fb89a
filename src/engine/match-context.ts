// Per-event state shared by every rule tried on that event, so work is done once per event.
import { collectLeafValues } from './event-values.ts';

type Event = Readonly<Record<string, unknown>>;

/** Caches for one event: lower-cased texts and the leaf values that keyword searches scan. */
export class MatchContext {
  event: Event;
  private lowered = new Map<string, string>();
  private leaves: unknown[] | undefined;

  constructor(event: Event) {
    this.event = event;
  }

  /** Points the context at the next event and drops the caches of the previous one. */
  reset(event: Event): void {
    this.event = event;
    if (this.lowered.size > 0) this.lowered = new Map();
    this.leaves = undefined;
  }

  /** The text lower-cased with full Unicode case mapping, computed at most once per event. */
  lower(text: string): string {
    if (text.length < 24) return text.toLowerCase();
    let lowered = this.lowered.get(text);
    if (lowered === undefined) {
      lowered = text.toLowerCase();
      this.lowered.set(text, lowered);
    }
    return lowered;
  }

  /** Every scalar value of the event, for keyword search. */
  leafValues(): unknown[] {
    this.leaves ??= collectLeafValues(this.event, []);
    return this.leaves;
  }
}
