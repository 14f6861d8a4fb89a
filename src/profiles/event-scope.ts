// The event being matched, as announced by the engine. Field readers cache work per event
// only inside this scope: outside it, or for another object, they read afresh, so a caller
// may reuse and change an event object between matches.

/** Marks the event the engine is matching, from `begin` to `end`. */
export class EventScope {
  /** Changes with every `begin`, so caches tell one match from the next. */
  stamp = 0;
  event: object | undefined;

  begin(event: object): void {
    this.stamp++;
    this.event = event;
  }

  end(): void {
    this.event = undefined;
  }
}
