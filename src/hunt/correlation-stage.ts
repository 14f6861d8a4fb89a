// Feeds the hunt's rule detections to the correlation engine and turns its results into alerts.
import { createCorrelationEngine, type CorrelationDetection, type CorrelationEngine, type CorrelationWarning } from '../correlate/index.ts';
import { valueDate, type EngineProfile } from '../engine/index.ts';
import type { CorrelationAlert, RuleDetection } from '../output/index.ts';
import type { RuleCollection, RuleMetadata, SigmaRule } from '../sigma/index.ts';

export interface CorrelationStageOptions {
  /** Maximum open groups per correlation (a warning is given when it is reached). */
  maxGroups?: number;
}

function isoTime(milliseconds: number): string {
  return new Date(milliseconds).toISOString();
}

/**
 * Collects the detections of rules that correlations reference. Detections of one event arrive
 * one after another; they are handed over together so the event counts once.
 */
export class CorrelationStage {
  private readonly engine: CorrelationEngine | undefined;
  private readonly profileOf: (detection: RuleDetection) => EngineProfile;
  private pending: RuleDetection[] = [];

  constructor(collection: Pick<RuleCollection, 'rules' | 'correlations'>, profileOf: (detection: RuleDetection) => EngineProfile, options: CorrelationStageOptions = {}) {
    this.engine = collection.correlations.length > 0 ? createCorrelationEngine(collection, options.maxGroups ? { maxGroups: options.maxGroups } : {}) : undefined;
    this.profileOf = profileOf;
  }

  /** Detection rules that correlations reference; the hunt must run them even when the rule selection leaves them out. */
  get referencedRules(): readonly SigmaRule[] {
    return this.engine?.referencedRules ?? [];
  }

  /** True when the rule is only a building block of correlations and must not alert on its own. */
  suppresses(rule: RuleMetadata): boolean {
    return this.engine?.suppresses(rule) ?? false;
  }

  /** Takes a rule detection; rules no correlation references are ignored. */
  accept(detection: RuleDetection): void {
    if (!this.engine || !this.engine.references(detection.rule)) return;
    if (this.pending.length > 0 && this.pending[0]!.event !== detection.event) this.flush();
    this.pending.push(detection);
  }

  private flush(): void {
    const [first] = this.pending;
    if (!first || !this.engine) return;
    const profile = this.profileOf(first);
    const event = first.event;
    this.engine.push({
      rules: this.pending.map((detection) => detection.rule),
      timestamp: first.timestamp === undefined ? undefined : valueDate(first.timestamp)?.getTime(),
      position: first.source,
      fieldValue: (name) => profile.fieldAccessor(name)(event),
    });
    this.pending = [];
  }

  /** Evaluates every correlation over what was collected; returns the alerts that generate output, in time order. */
  finish(): { alerts: CorrelationAlert[]; warnings: CorrelationWarning[] } {
    if (!this.engine) return { alerts: [], warnings: [] };
    this.flush();
    const result = this.engine.finish();
    const alerts = result.detections.filter((detection) => detection.generate).map(toAlert);
    return { alerts, warnings: result.warnings };
  }
}

function toAlert(detection: CorrelationDetection): CorrelationAlert {
  return {
    kind: 'correlation',
    rule: detection.correlation,
    type: detection.correlation.correlation.type,
    timestamp: isoTime(detection.time),
    group: detection.group,
    firstTime: isoTime(detection.firstTime),
    lastTime: isoTime(detection.lastTime),
    value: detection.value,
    eventCount: detection.eventCount,
    events: detection.events.map((event) => ({ source: event.position, time: isoTime(event.time), rules: event.rules })),
  };
}
