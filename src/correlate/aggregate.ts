// Aggregates over one group's window. Counts, distinct counts, sums and averages are kept
// up to date as observations enter and leave the window; percentiles and ordered chains are
// computed from the window entries when needed.
import { assertNever, type CorrelationType } from '../sigma/model.ts';
import type { Observation } from './observation.ts';
import { longestOrderedChain } from './temporal.ts';
import { percentile } from './values.ts';

export interface Aggregate {
  add(observation: Observation): void;
  remove(observation: Observation): void;
  /** The aggregate over the window, or undefined when it has no value; `entries` lists the window, time-ordered. */
  value(entries: () => readonly Observation[]): number | undefined;
}

/** Creates the aggregate for a correlation type; `targetCount` is the number of referenced rules. */
export function createAggregate(type: CorrelationType, targetCount: number, percentileRank: number | undefined): Aggregate {
  switch (type) {
    case 'event_count':
      return new EventCount();
    case 'value_count':
      return new DistinctCount();
    case 'value_sum':
      return new NumericSum(false);
    case 'value_avg':
      return new NumericSum(true);
    case 'value_percentile':
    case 'value_median':
      return new Percentile(percentileRank ?? 50);
    case 'temporal':
      return new TargetsSeen(targetCount);
    case 'temporal_ordered':
      return new OrderedTargets(targetCount);
    default:
      return assertNever(type);
  }
}

class EventCount implements Aggregate {
  #count = 0;
  add(): void {
    this.#count++;
  }
  remove(): void {
    this.#count--;
  }
  value(): number {
    return this.#count;
  }
}

class DistinctCount implements Aggregate {
  readonly #counts = new Map<string, number>();
  add(observation: Observation): void {
    const key = observation.sample as string;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }
  remove(observation: Observation): void {
    const key = observation.sample as string;
    const count = (this.#counts.get(key) ?? 1) - 1;
    if (count === 0) this.#counts.delete(key);
    else this.#counts.set(key, count);
  }
  value(): number {
    return this.#counts.size;
  }
}

class NumericSum implements Aggregate {
  #sum = 0;
  #count = 0;
  readonly #average: boolean;
  constructor(average: boolean) {
    this.#average = average;
  }
  add(observation: Observation): void {
    this.#sum += observation.sample as number;
    this.#count++;
  }
  remove(observation: Observation): void {
    this.#sum -= observation.sample as number;
    this.#count--;
    // Subtracting floats leaves residue; an empty window is exactly zero.
    if (this.#count === 0) this.#sum = 0;
  }
  value(): number | undefined {
    if (this.#count === 0) return undefined;
    return this.#average ? this.#sum / this.#count : this.#sum;
  }
}

class Percentile implements Aggregate {
  readonly #rank: number;
  constructor(rank: number) {
    this.#rank = rank;
  }
  add(): void {}
  remove(): void {}
  value(entries: () => readonly Observation[]): number | undefined {
    return percentile(entries().map((entry) => entry.sample as number), this.#rank);
  }
}

/** temporal: how many of the referenced rules have an event in the window. */
class TargetsSeen implements Aggregate {
  readonly #counts: number[];
  #seen = 0;
  constructor(targetCount: number) {
    this.#counts = new Array<number>(targetCount).fill(0);
  }
  add(observation: Observation): void {
    for (const target of observation.targets) {
      if (this.#counts[target] === 0) this.#seen++;
      this.#counts[target] = (this.#counts[target] as number) + 1;
    }
  }
  remove(observation: Observation): void {
    for (const target of observation.targets) {
      this.#counts[target] = (this.#counts[target] as number) - 1;
      if (this.#counts[target] === 0) this.#seen--;
    }
  }
  value(): number {
    return this.#seen;
  }
}

/** temporal_ordered: the longest run of referenced rules seen in their listed order. */
class OrderedTargets implements Aggregate {
  readonly #targetCount: number;
  constructor(targetCount: number) {
    this.#targetCount = targetCount;
  }
  add(): void {}
  remove(): void {}
  value(entries: () => readonly Observation[]): number {
    return longestOrderedChain(entries(), this.#targetCount);
  }
}
