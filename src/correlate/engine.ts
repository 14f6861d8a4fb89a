// The correlation engine: takes the detections of referenced rules in any order, buffers them,
// and at the end replays them in time order through every correlation.
//
// Input files may come in any order, so events do not arrive in time order. Only events that
// matched a referenced rule are kept, reduced to the few values the correlations need, and
// sorted once at the end. A reorder buffer with a fixed delay would bound memory further but
// would give different results whenever the input is more out of order than the delay.
import type { RuleCollection, SigmaCorrelation, SigmaRule } from '../sigma/model.ts';
import type { EventPosition } from '../sources/types.ts';
import { CorrelationState } from './correlation-state.ts';
import { observe, type Observation } from './observation.ts';
import { buildPlan, type Consumer, type CorrelationNode, type CorrelationPlan } from './plan.ts';
import type {
  CorrelatedEvent,
  CorrelationDetection,
  CorrelationInput,
  CorrelationOptions,
  CorrelationResult,
  CorrelationWarning,
  RuleKey,
} from './types.ts';

const DEFAULT_MAX_GROUPS = 100_000;
const DEFAULT_MAX_BUFFERED_EVENTS = 2_000_000;
const DEFAULT_MAX_EVENT_REFERENCES = 1_000;

interface BufferedEvent {
  time: number;
  position: EventPosition;
  /** Arrival order, the last tie-breaker. */
  sequence: number;
  observations: Array<{ node: CorrelationNode; observation: Observation }>;
}

/**
 * Evaluates the correlation rules of a collection over the detections of the rules they reference.
 *
 * @example
 *   const engine = createCorrelationEngine(collection);
 *   for (const { event, position, rules } of matches) {
 *     if (rules.some((rule) => engine.references(rule))) {
 *       engine.push({ rules, timestamp: timeOf(event), position, fieldValue: (name) => profile.get(event, name) });
 *     }
 *   }
 *   const { detections, warnings } = engine.finish();
 */
export function createCorrelationEngine(
  collection: Pick<RuleCollection, 'rules' | 'correlations'>,
  options: CorrelationOptions = {},
): CorrelationEngine {
  return new CorrelationEngine(buildPlan(collection), options);
}

export class CorrelationEngine {
  readonly #plan: CorrelationPlan;
  readonly #options: Required<CorrelationOptions>;
  #buffer: BufferedEvent[] = [];
  #finished = false;
  #events = 0;
  #untimed = 0;
  #firstUntimed: EventPosition | undefined;
  #dropped = 0;
  #firstDropped: EventPosition | undefined;
  readonly #missingGroupField = new Map<CorrelationNode, { count: number; field: string; position: EventPosition | undefined }>();

  constructor(plan: CorrelationPlan, options: CorrelationOptions) {
    this.#plan = plan;
    this.#options = {
      maxGroups: options.maxGroups ?? DEFAULT_MAX_GROUPS,
      maxBufferedEvents: options.maxBufferedEvents ?? DEFAULT_MAX_BUFFERED_EVENTS,
      maxEventReferences: options.maxEventReferences ?? DEFAULT_MAX_EVENT_REFERENCES,
    };
  }

  /** The correlations that resolved and will run, inner ones first. */
  get correlations(): SigmaCorrelation[] {
    return this.#plan.nodes.map((node) => node.correlation);
  }

  /** Detection rules that correlations reference: feed every match of these to `push`. */
  get referencedRules(): readonly SigmaRule[] {
    return this.#plan.baseRules;
  }

  /** Referenced rules that must not alert on their own, because every correlation using them says `generate: false`. */
  get suppressedRules(): ReadonlySet<SigmaRule> {
    return this.#plan.suppressedRules;
  }

  /** Tells whether a correlation references this rule (by id, else name). */
  references(rule: RuleKey): boolean {
    return this.#plan.findRule(rule) !== undefined;
  }

  /** Tells whether this rule's own detections should be left out of the output. */
  suppresses(rule: RuleKey): boolean {
    const found = this.#plan.findRule(rule);
    return found !== undefined && this.#plan.suppressedRules.has(found);
  }

  /** Hands over one event that matched rules; field values are read now, the rest at `finish`. */
  push(input: CorrelationInput): void {
    if (this.#finished) throw new Error('The correlation engine has finished; create a new one for more input');
    const consumers = this.#consumersOf(input.rules);
    if (consumers.size === 0) return;
    this.#events++;

    const time = input.timestamp;
    if (time === undefined || !Number.isFinite(time)) {
      this.#untimed++;
      this.#firstUntimed ??= input.position;
      return;
    }
    if (this.#buffer.length >= this.#options.maxBufferedEvents) {
      this.#dropped++;
      this.#firstDropped ??= input.position;
      return;
    }

    const event: CorrelatedEvent = { position: input.position, time, rules: this.#labels(input.rules) };
    const observations: BufferedEvent['observations'] = [];
    for (const [node, targets] of consumers) {
      const outcome = observe(node, targets, time, (name) => input.fieldValue(name), { kind: 'Event', event });
      if (outcome.kind === 'Observed') observations.push({ node, observation: outcome.observation });
      else if (outcome.kind === 'MissingGroupField') this.#countMissingGroupField(node, outcome.field, input.position);
    }
    if (observations.length > 0) this.#buffer.push({ time, position: input.position, sequence: this.#buffer.length, observations });
  }

  /** Replays the buffered events in time order and returns every correlation detection. */
  finish(): CorrelationResult {
    if (this.#finished) throw new Error('The correlation engine has already finished');
    this.#finished = true;
    const buffer = this.#buffer.sort(compareBuffered);
    this.#buffer = [];

    const detections: CorrelationDetection[] = [];
    const pending: Observation[][] = this.#plan.nodes.map(() => []);
    const limits = { maxGroups: this.#options.maxGroups, maxEventReferences: this.#options.maxEventReferences };
    const states = this.#plan.nodes.map((node) => new CorrelationState(node, limits, (detection) => {
      detections.push(detection);
      this.#feedConsumers(node.consumers, detection, pending);
    }));

    let next = 0;
    for (;;) {
      const eventTime = buffer[next]?.time;
      const deadline = earliest(states.map((state) => state.nextDeadline()));
      const time = earliest([eventTime, deadline]);
      if (time === undefined) break;
      for (; next < buffer.length && (buffer[next] as BufferedEvent).time === time; next++) {
        for (const { node, observation } of (buffer[next] as BufferedEvent).observations) pending[node.index]?.push(observation);
      }
      // Nodes are in dependency order, so detections made now reach their consumers in this same step.
      for (const state of states) {
        state.step(time, pending[state.node.index] as Observation[]);
        pending[state.node.index] = [];
      }
    }

    return {
      detections,
      warnings: this.#warnings(states),
      stats: { events: this.#events, untimedEvents: this.#untimed, droppedEvents: this.#dropped },
    };
  }

  /** Maps the matched rules to the correlations that reference them, with the target indices per correlation. */
  #consumersOf(rules: readonly RuleKey[]): Map<CorrelationNode, number[]> {
    const result = new Map<CorrelationNode, number[]>();
    for (const key of rules) {
      const rule = this.#plan.findRule(key);
      if (rule === undefined) continue;
      for (const { node, target } of this.#plan.consumersOfRule.get(rule) ?? []) {
        const targets = result.get(node);
        if (targets === undefined) result.set(node, [target]);
        else if (!targets.includes(target)) targets.push(target);
      }
    }
    for (const targets of result.values()) targets.sort((a, b) => a - b);
    return result;
  }

  #labels(rules: readonly RuleKey[]): string[] {
    const labels: string[] = [];
    for (const key of rules) {
      const rule = this.#plan.findRule(key);
      if (rule !== undefined) labels.push(rule.name ?? rule.id ?? rule.title);
    }
    return labels;
  }

  #feedConsumers(consumers: readonly Consumer[], detection: CorrelationDetection, pending: Observation[][]): void {
    for (const { node, target } of consumers) {
      // A referenced correlation offers its group-by values as the fields of its detections.
      const outcome = observe(node, [target], detection.time, (name) => detection.group[name], { kind: 'Detection', detection });
      if (outcome.kind === 'Observed') pending[node.index]?.push(outcome.observation);
      else if (outcome.kind === 'MissingGroupField') this.#countMissingGroupField(node, outcome.field, detection.events[0]?.position);
    }
  }

  #countMissingGroupField(node: CorrelationNode, field: string, position: EventPosition | undefined): void {
    const entry = this.#missingGroupField.get(node);
    if (entry !== undefined) entry.count++;
    else this.#missingGroupField.set(node, { count: 1, field, position });
  }

  #warnings(states: readonly CorrelationState[]): CorrelationWarning[] {
    const warnings: CorrelationWarning[] = [];
    if (this.#untimed > 0) {
      warnings.push({
        code: 'NO_TIMESTAMP',
        message: `${this.#untimed} event(s) matched a rule that correlations use but have no valid timestamp, so no correlation counted them`,
        position: this.#firstUntimed as EventPosition,
        count: this.#untimed,
      });
    }
    if (this.#dropped > 0) {
      warnings.push({
        code: 'BUFFER_LIMIT',
        message: `${this.#dropped} event(s) were left out of correlation because ${this.#options.maxBufferedEvents} were already buffered; raise the buffer limit or narrow the input`,
        position: this.#firstDropped as EventPosition,
        count: this.#dropped,
      });
    }
    for (const [node, { count, field, position }] of this.#missingGroupField) {
      warnings.push({
        code: 'MISSING_GROUP_FIELD',
        message: `${count} event(s) lack the group-by field '${field}' (or another one) and were left out of correlation ${label(node)}`,
        correlation: node.correlation,
        ...(position === undefined ? {} : { position }),
        count,
      });
    }
    for (const state of states) {
      if (state.droppedByGroupLimit === 0) continue;
      warnings.push({
        code: 'GROUP_LIMIT',
        message: `Correlation ${label(state.node)} reached ${this.#options.maxGroups} open groups; ${state.droppedByGroupLimit} event(s) of new groups were left out`,
        correlation: state.node.correlation,
        count: state.droppedByGroupLimit,
      });
    }
    return warnings;
  }
}

function label(node: CorrelationNode): string {
  const correlation = node.correlation;
  return `'${correlation.name ?? correlation.id ?? correlation.title}'`;
}

function earliest(times: ReadonlyArray<number | undefined>): number | undefined {
  let result: number | undefined;
  for (const time of times) if (time !== undefined && (result === undefined || time < result)) result = time;
  return result;
}

/** Orders by time, then by position, so the result does not depend on the order of the input files. */
function compareBuffered(a: BufferedEvent, b: BufferedEvent): number {
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
