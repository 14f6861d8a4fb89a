// The correlation engine: takes the detections of referenced rules in any order, buffers them,
// and replays them in time order through every correlation.
//
// Input files may come in any order, so events do not arrive in time order. Only events that
// matched a referenced rule are kept, reduced to the few values the correlations need, and
// sorted before the replay. The replay runs at `finish`, or up to a watermark passed to
// `advance` by a caller that can promise that no earlier event will follow. A reorder buffer with a fixed delay would
// bound memory without the caller's help, but would give wrong results whenever the input is
// more out of order than the delay.
import type { RuleCollection, SigmaCorrelation, SigmaRule } from '../sigma/model.ts';
import type { EventPosition } from '../sources/types.ts';
import { isObservation, observe, type Observation } from './observation.ts';
import { buildPlan, type CorrelationNode, type CorrelationPlan, type Feed } from './plan.ts';
import { compareBuffered, Replay, type BufferedEvent } from './replay.ts';
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
  #late = 0;
  #firstLate: EventPosition | undefined;
  readonly #replay: Replay;
  readonly #missingGroupField = new Map<CorrelationNode, { count: number; field: string; position: EventPosition | undefined }>();

  constructor(plan: CorrelationPlan, options: CorrelationOptions) {
    this.#plan = plan;
    this.#options = {
      maxGroups: options.maxGroups ?? DEFAULT_MAX_GROUPS,
      maxBufferedEvents: options.maxBufferedEvents ?? DEFAULT_MAX_BUFFERED_EVENTS,
      maxEventReferences: options.maxEventReferences ?? DEFAULT_MAX_EVENT_REFERENCES,
    };
    const limits = { maxGroups: this.#options.maxGroups, maxEventReferences: this.#options.maxEventReferences };
    this.#replay = new Replay(plan.nodes, limits, (node, field, position) => this.#countMissingGroupField(node, field, position));
  }

  /** The correlations that resolved and will run, inner ones first. */
  get correlations(): SigmaCorrelation[] {
    return this.#plan.nodes.map((node) => node.correlation);
  }

  /** Detection rules that correlations reference: feed every match of these to `push`. */
  get referencedRules(): readonly SigmaRule[] {
    return this.#plan.baseRules;
  }

  /** Referenced rules that must not alert on their own, because every correlation using them sets `generate: false`. */
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
    if (this.#finished) throw new Error('the correlation engine has finished; create a new one for more input');
    const rules = this.#referencedRules(input.rules);
    if (rules.length === 0) return;
    this.#events++;

    const time = input.timestamp;
    if (time === undefined || !Number.isFinite(time)) {
      this.#untimed++;
      this.#firstUntimed ??= input.position;
      return;
    }
    if (time < this.#replay.processedBefore) {
      this.#late++;
      this.#firstLate ??= input.position;
      return;
    }
    if (this.#buffer.length >= this.#options.maxBufferedEvents) {
      this.#dropped++;
      this.#firstDropped ??= input.position;
      return;
    }

    const labels = rules.map((rule) => rule.name ?? rule.id ?? rule.title);
    const event: CorrelatedEvent = { position: input.position, time, rules: labels };
    const observations: Observation[] = [];
    const source = { kind: 'Event', event } as const;
    for (const { node, targets } of this.#feedsOf(rules)) {
      const outcome = observe(node, targets, time, input, source);
      if (isObservation(outcome)) observations.push(outcome);
      else if (outcome.kind === 'MissingGroupField') this.#countMissingGroupField(node, outcome.field, input.position);
    }
    if (observations.length > 0) this.#buffer.push({ time, position: input.position, sequence: this.#events, observations });
  }

  /**
   * Replays the buffered events before `watermark` (ms since the epoch) and returns the detections
   * they complete. Call it only when no event earlier than `watermark` will be pushed any more,
   * e.g. between time-sorted batches; later events before it are left out with a warning.
   */
  advance(watermark: number): CorrelationDetection[] {
    if (this.#finished) throw new Error('the correlation engine has already finished');
    return this.#replayBefore(watermark);
  }

  /** Replays everything still buffered, closes every open window and returns the remaining detections. */
  finish(): CorrelationResult {
    if (this.#finished) throw new Error('the correlation engine has already finished');
    const detections = this.#replayBefore(Infinity);
    this.#finished = true;
    return {
      detections,
      warnings: this.#warnings(),
      stats: { events: this.#events, untimedEvents: this.#untimed, droppedEvents: this.#dropped, lateEvents: this.#late },
    };
  }

  #replayBefore(limit: number): CorrelationDetection[] {
    if (!isSorted(this.#buffer)) this.#buffer.sort(compareBuffered);
    const { detections, used } = this.#replay.run(this.#buffer, limit);
    this.#buffer = this.#buffer.slice(used);
    return detections;
  }

  /** Lists the correlations the matched rules feed, with the indices of those rules among each one's targets. */
  #feedsOf(rules: readonly SigmaRule[]): readonly Feed[] {
    if (rules.length === 1) return this.#plan.feedsOfRule.get(rules[0] as SigmaRule) ?? [];
    const merged = new Map<CorrelationNode, number[]>();
    for (const rule of rules) {
      for (const { node, targets } of this.#plan.feedsOfRule.get(rule) ?? []) {
        const list = merged.get(node);
        if (list === undefined) merged.set(node, [...targets]);
        else list.push(...targets.filter((target) => !list.includes(target)));
      }
    }
    return [...merged].map(([node, targets]) => ({ node, targets: targets.sort((x, y) => x - y) }));
  }

  #referencedRules(keys: readonly RuleKey[]): SigmaRule[] {
    const rules: SigmaRule[] = [];
    for (const key of keys) {
      const rule = this.#plan.findRule(key);
      if (rule !== undefined && !rules.includes(rule)) rules.push(rule);
    }
    return rules;
  }

  #countMissingGroupField(node: CorrelationNode, field: string, position: EventPosition | undefined): void {
    const entry = this.#missingGroupField.get(node);
    if (entry !== undefined) entry.count++;
    else this.#missingGroupField.set(node, { count: 1, field, position });
  }

  #warnings(): CorrelationWarning[] {
    const warnings: CorrelationWarning[] = [];
    if (this.#untimed > 0) {
      warnings.push({
        code: 'NO_TIMESTAMP',
        message: `${this.#untimed} event(s) matched a rule that correlations use but have no valid timestamp, so no correlation counted them`,
        position: this.#firstUntimed as EventPosition,
        count: this.#untimed,
      });
    }
    if (this.#late > 0) {
      warnings.push({
        code: 'LATE_EVENT',
        message: `${this.#late} event(s) arrived after correlation had advanced past their time, so no correlation counted them`,
        position: this.#firstLate as EventPosition,
        count: this.#late,
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
    for (const state of this.#replay.states) {
      if (state.droppedByGroupLimit === 0) continue;
      warnings.push({
        code: 'GROUP_LIMIT',
        message: `correlation ${label(state.node)} reached ${this.#options.maxGroups} open groups; ${state.droppedByGroupLimit} event(s) of new groups were left out`,
        correlation: state.node.correlation,
        ...(state.firstDropped?.source.kind === 'Event' ? { position: state.firstDropped.source.event.position } : {}),
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

/** Tells whether the buffer is already in replay order, as it is for one time-sorted input. */
function isSorted(buffer: readonly BufferedEvent[]): boolean {
  for (let index = 1; index < buffer.length; index++) {
    if (compareBuffered(buffer[index - 1] as BufferedEvent, buffer[index] as BufferedEvent) > 0) return false;
  }
  return true;
}
