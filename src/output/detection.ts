// The detection record that every output format writes.
import type { CorrelationType, SigmaCorrelation, SigmaRule } from '../sigma/index.ts';
import type { EventPosition } from '../sources/types.ts';
import type { EngineProfile, FieldAccessor } from '../engine/index.ts';
import { detectionFieldNames } from './rule-fields.ts';

/** Source position of the event behind a detection. */
export type DetectionSource = EventPosition;

/** One rule firing on one event. */
export interface RuleDetection {
  kind: 'rule';
  rule: SigmaRule;
  event: Record<string, unknown>;
  source: DetectionSource;
  /** Event time as found in the event, if any. */
  timestamp?: string;
  host?: string;
  /** The fields the rule's detection names, with the event's values (present ones only). */
  fields: Array<[string, unknown]>;
  profile: string;
}

/** A correlation rule that fired for one group of events. */
export interface CorrelationAlert {
  kind: 'correlation';
  rule: SigmaCorrelation;
  type: CorrelationType;
  /** When it fired (ISO 8601). */
  timestamp: string;
  /** Group-by field → value. */
  group: Record<string, string>;
  /** The first and last event time of the window (ISO 8601). */
  firstTime: string;
  lastTime: string;
  /** The aggregate the condition tested (count, distinct count, sum, average, percentile, or rules seen). */
  value: number;
  eventCount: number;
  /** The events that made it fire, at most a configured number of them. */
  events: Array<{ source: DetectionSource; time: string; rules: string[] }>;
}

/** Anything the hunt reports. */
export type Detection = RuleDetection | CorrelationAlert;

/** Field names tried, in order, for an event's time and host. */
const TIMESTAMP_FIELDS = ['TimeCreated_SystemTime', '@timestamp', 'timestamp', 'Timestamp', 'time', 'EventTime', 'UtcTime'];
const HOST_FIELDS = ['Computer', 'host.name', 'hostname', 'Hostname', 'ComputerName'];

/** Builds detection records for one profile, resolving time, host and field accessors once. */
export class DetectionBuilder {
  private readonly profile: EngineProfile;
  private readonly timestamp: FieldAccessor[];
  private readonly host: FieldAccessor[];
  private readonly ruleFields = new WeakMap<SigmaRule, Array<[string, FieldAccessor]>>();

  constructor(profile: EngineProfile) {
    this.profile = profile;
    this.timestamp = TIMESTAMP_FIELDS.map((field) => profile.fieldAccessor(field));
    this.host = HOST_FIELDS.map((field) => profile.fieldAccessor(field));
  }

  /** Returns the event's time as text, or undefined. */
  eventTime(event: Record<string, unknown>): string | undefined {
    return firstText(this.timestamp, event);
  }

  build(rule: SigmaRule, event: Record<string, unknown>, source: DetectionSource): RuleDetection {
    const detection: RuleDetection = { kind: 'rule', rule, event, source, fields: this.fieldsOf(rule, event), profile: this.profile.name };
    const timestamp = firstText(this.timestamp, event);
    if (timestamp !== undefined) detection.timestamp = timestamp;
    const host = firstText(this.host, event);
    if (host !== undefined) detection.host = host;
    return detection;
  }

  private fieldsOf(rule: SigmaRule, event: Record<string, unknown>): Array<[string, unknown]> {
    let accessors = this.ruleFields.get(rule);
    if (!accessors) {
      accessors = detectionFieldNames(rule).map((field): [string, FieldAccessor] => [field, this.profile.fieldAccessor(field)]);
      this.ruleFields.set(rule, accessors);
    }
    const fields: Array<[string, unknown]> = [];
    for (const [field, access] of accessors) {
      const value = access(event);
      if (value !== undefined && value !== null && value !== '') fields.push([field, value]);
    }
    return fields;
  }
}

function firstText(accessors: readonly FieldAccessor[], event: Record<string, unknown>): string | undefined {
  for (const access of accessors) {
    const value = access(event);
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}
