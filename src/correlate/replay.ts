// The time-ordered replay: steps every correlation through each time point of the buffered
// observations and of the deadlines of open windows, inner correlations first, so that a
// detection reaches the correlations that use it in the same time step.
import { CorrelationState, type StateLimits } from './correlation-state.ts';
import { isObservation, observe, type Observation } from './observation.ts';
import type { CorrelationNode } from './plan.ts';
import type { CorrelationDetection } from './types.ts';
import type { EventPosition } from '../sources/types.ts';

/** A base event reduced to what the correlations it feeds need. */
export interface BufferedEvent {
  time: number;
  position: EventPosition;
  /** Arrival order, the last tie-breaker. */
  sequence: number;
  /** One observation per correlation the event feeds. */
  observations: Observation[];
}

export class Replay {
  readonly states: CorrelationState[];
  readonly #pending: Observation[][];
  #emitted: CorrelationDetection[] = [];
  /** Every time point before this one has been processed. */
  processedBefore = -Infinity;
  readonly #onMissingGroupField: (node: CorrelationNode, field: string, position: EventPosition | undefined) => void;

  constructor(
    nodes: readonly CorrelationNode[],
    limits: StateLimits,
    onMissingGroupField: (node: CorrelationNode, field: string, position: EventPosition | undefined) => void,
  ) {
    this.#pending = nodes.map(() => []);
    this.#onMissingGroupField = onMissingGroupField;
    this.states = nodes.map((node) => new CorrelationState(node, limits, (detection) => {
      this.#emitted.push(detection);
      this.#feedConsumers(node, detection);
    }));
  }

  /**
   * Processes every time point before `limit` (all of them for Infinity), taking observations from
   * `buffer`, which must be sorted by `compareBuffered`. Returns the detections made and how many
   * buffered events were used.
   */
  run(buffer: readonly BufferedEvent[], limit: number): { detections: CorrelationDetection[]; used: number } {
    let next = 0;
    for (;;) {
      const time = this.#nextTime(buffer[next]?.time);
      if (time === undefined || time >= limit) break;
      for (; next < buffer.length && (buffer[next] as BufferedEvent).time === time; next++) {
        for (const observation of (buffer[next] as BufferedEvent).observations) this.#pending[observation.node.index]?.push(observation);
      }
      for (const state of this.states) {
        const pending = this.#pending[state.node.index] as Observation[];
        state.step(time, pending);
        if (pending.length > 0) this.#pending[state.node.index] = [];
      }
    }
    this.processedBefore = Math.max(this.processedBefore, limit);
    const detections = this.#emitted;
    this.#emitted = [];
    return { detections, used: next };
  }

  /** The earlier of the next buffered event's time and the earliest window deadline. */
  #nextTime(eventTime: number | undefined): number | undefined {
    let time = eventTime;
    for (const state of this.states) {
      const deadline = state.nextDeadline();
      if (deadline !== undefined && (time === undefined || deadline < time)) time = deadline;
    }
    return time;
  }

  #feedConsumers(node: CorrelationNode, detection: CorrelationDetection): void {
    for (const consumer of node.consumers) {
      // A referenced correlation offers its group-by values as the fields of its detections.
      const fields = { fieldValue: (name: string): unknown => detection.group[name] };
      const outcome = observe(consumer.node, [consumer.target], detection.time, fields, { kind: 'Detection', detection });
      if (isObservation(outcome)) this.#pending[consumer.node.index]?.push(outcome);
      else if (outcome.kind === 'MissingGroupField') this.#onMissingGroupField(consumer.node, outcome.field, detection.events[0]?.position);
    }
  }
}

/** Orders by time, then by position, so the result does not depend on the order of the input files. */
export function compareBuffered(a: BufferedEvent, b: BufferedEvent): number {
  return a.time - b.time || comparePositions(a.position, b.position) || a.sequence - b.sequence;
}

function comparePositions(a: EventPosition, b: EventPosition): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  for (const key of ['chunk', 'record', 'line', 'index', 'offset'] as const) {
    const difference = (a[key] ?? 0) - (b[key] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
