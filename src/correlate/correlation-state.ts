// The running state of one correlation: its groups, their windows and the deadlines of windows
// that decide `not` conditions. Observations arrive in time order, one time step at a time.
import type { Observation } from './observation.ts';
import type { CorrelationNode } from './plan.ts';
import { Group } from './group.ts';
import { conditionHolds, conditionValue } from './verdict.ts';
import type { CorrelatedEvent, CorrelationDetection } from './types.ts';

/** Below this many groups, idle ones are not swept. */
const MIN_SWEEP_SIZE = 1024;

export interface StateLimits {
  maxGroups: number;
  maxEventReferences: number;
}

export class CorrelationState {
  readonly node: CorrelationNode;
  readonly #groups = new Map<string, Group>();
  /** Group count at which idle groups are swept next: twice the live count after the last sweep. */
  #sweepAt = MIN_SWEEP_SIZE;
  /** Open windows by deadline; deadlines are non-decreasing because windows open in time order. */
  #deadlines: Group[] = [];
  #deadlineHead = 0;
  readonly #limits: StateLimits;
  readonly #emit: (detection: CorrelationDetection) => void;
  /** Observations dropped because the group limit was reached. */
  droppedByGroupLimit = 0;
  firstDropped: Observation | undefined;

  constructor(node: CorrelationNode, limits: StateLimits, emit: (detection: CorrelationDetection) => void) {
    this.node = node;
    this.#limits = limits;
    this.#emit = emit;
  }

  /** The earliest deadline of an open window, if any. */
  nextDeadline(): number | undefined {
    return this.#deadlines[this.#deadlineHead]?.deadline;
  }

  get groupCount(): number {
    return this.#groups.size;
  }

  /** Applies the observations at `time`, then decides every window that this time step closes or touches. */
  step(time: number, observations: readonly Observation[]): void {
    const deadline = this.nextDeadline();
    if (observations.length === 0 && (deadline === undefined || deadline > time)) return;

    const touched: Group[] = [];
    for (const observation of observations) {
      const group = this.#groupFor(observation);
      if (group === undefined) continue;
      group.add(observation);
      if (group.touchedAt !== time) {
        group.touchedAt = time;
        touched.push(group);
      }
      if (this.node.decidesAtDeadline && group.deadline === undefined) {
        group.deadline = time + this.node.windowMs;
        this.#deadlines.push(group);
      }
    }

    if (!this.node.decidesAtDeadline) {
      for (const group of touched) this.#decideAtEvent(group, time);
    }
    this.#decideDeadlines(time);
  }

  /** Sliding window `[time − timespan, time]`; fires when the condition becomes true, or again one timespan later. */
  #decideAtEvent(group: Group, time: number): void {
    group.expireBefore(time - this.node.windowMs);
    const holds = conditionHolds(this.node, group);
    if (holds && (!group.wasTrue || time - group.lastFired > this.node.windowMs)) {
      group.lastFired = time;
      this.#emit(this.#detection(group, time));
    }
    group.wasTrue = holds;
  }

  /** Closes windows whose deadline is `time` or earlier; each is decided once, over `[deadline − timespan, deadline]`. */
  #decideDeadlines(time: number): void {
    while (this.#deadlineHead < this.#deadlines.length) {
      const group = this.#deadlines[this.#deadlineHead] as Group;
      const deadline = group.deadline as number;
      if (deadline > time) break;
      this.#deadlineHead++;
      group.expireBefore(deadline - this.node.windowMs);
      if (conditionHolds(this.node, group)) {
        group.lastFired = deadline;
        this.#emit(this.#detection(group, deadline));
      }
      group.clear();
      group.deadline = undefined;
    }
    if (this.#deadlineHead > 64 && this.#deadlineHead * 2 > this.#deadlines.length) {
      this.#deadlines = this.#deadlines.slice(this.#deadlineHead);
      this.#deadlineHead = 0;
    }
  }

  #groupFor(observation: Observation): Group | undefined {
    const existing = this.#groups.get(observation.key);
    if (existing !== undefined) return existing;
    if (this.#groups.size >= this.#sweepAt || this.#groups.size >= this.#limits.maxGroups) this.#sweepIdleGroups(observation.time);
    if (this.#groups.size >= this.#limits.maxGroups) {
      this.droppedByGroupLimit++;
      this.firstDropped ??= observation;
      return undefined;
    }
    const group = new Group(this.node, observation);
    this.#groups.set(observation.key, group);
    return group;
  }

  /**
   * Forgets groups whose window holds nothing that `time` or later can still use. Sweeping when the
   * count doubles keeps the cost per observation constant and memory within twice the live groups.
   */
  #sweepIdleGroups(time: number): void {
    const start = time - this.node.windowMs;
    for (const [key, group] of this.#groups) {
      if (group.lastTime < start && group.deadline === undefined) this.#groups.delete(key);
    }
    this.#sweepAt = Math.max(MIN_SWEEP_SIZE, this.#groups.size * 2);
  }

  #detection(group: Group, time: number): CorrelationDetection {
    const entries = group.entries();
    const events = new Set<CorrelatedEvent>();
    const correlations: CorrelationDetection[] = [];
    let omitted = 0;
    let firstTime = Infinity;
    for (const entry of entries) {
      if (entry.source.kind === 'Event') {
        events.add(entry.source.event);
        firstTime = Math.min(firstTime, entry.time);
      } else {
        const inner = entry.source.detection;
        correlations.push(inner);
        for (const event of inner.events) events.add(event);
        omitted += inner.eventCount - inner.events.length;
        firstTime = Math.min(firstTime, inner.firstTime);
      }
    }
    const sorted = [...events].sort((a, b) => a.time - b.time);
    const groupValues: Record<string, string> = {};
    this.node.correlation.correlation.groupBy.forEach((field, index) => {
      groupValues[field] = group.display[index] as string;
    });
    return {
      correlation: this.node.correlation,
      group: groupValues,
      firstTime,
      lastTime: (entries[entries.length - 1] as Observation).time,
      time,
      value: conditionValue(this.node, group, entries),
      events: sorted.slice(0, this.#limits.maxEventReferences),
      eventCount: sorted.length + omitted,
      correlations,
      generate: this.node.generate,
    };
  }
}
