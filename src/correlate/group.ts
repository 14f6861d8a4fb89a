// One group of one correlation: the observations inside its window, in time order, and the
// aggregate over them.
import { createAggregate, type Aggregate } from './aggregate.ts';
import type { Observation } from './observation.ts';
import type { CorrelationNode } from './plan.ts';

export class Group {
  readonly key: string;
  /** Group-by values of the first observation, for display. */
  readonly display: string[];
  readonly aggregate: Aggregate;
  /** Time of the latest observation. */
  lastTime = -Infinity;
  /** Whether the condition held at the previous evaluation. */
  wasTrue = false;
  lastFired = -Infinity;
  /** Deadline of the open window, for conditions decided at the deadline. */
  deadline: number | undefined;
  /** Time step that last added an observation, so a step decides each group once. */
  touchedAt = Number.NaN;

  #entries: Observation[] = [];
  #head = 0;

  constructor(node: CorrelationNode, first: Observation) {
    this.key = first.key;
    this.display = first.group;
    const condition = node.correlation.correlation.condition;
    const rank = condition?.kind === 'Threshold' ? condition.percentile : undefined;
    this.aggregate = createAggregate(node.correlation.correlation.type, node.targets.length, rank);
  }

  add(observation: Observation): void {
    this.#entries.push(observation);
    this.aggregate.add(observation);
    this.lastTime = observation.time;
  }

  /** Drops observations older than `start`, the beginning of the window. */
  expireBefore(start: number): void {
    while (this.#head < this.#entries.length && (this.#entries[this.#head] as Observation).time < start) {
      this.aggregate.remove(this.#entries[this.#head] as Observation);
      this.#head++;
    }
    if (this.#head > 64 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Empties the window. */
  clear(): void {
    for (let index = this.#head; index < this.#entries.length; index++) this.aggregate.remove(this.#entries[index] as Observation);
    this.#entries = [];
    this.#head = 0;
  }

  /** Returns the observations in the window, time-ordered. An arrow function, so aggregates can take it unbound. */
  readonly entries = (): Observation[] => this.#entries.slice(this.#head);

  get size(): number {
    return this.#entries.length - this.#head;
  }
}
