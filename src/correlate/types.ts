// The public shapes of the correlation engine: what the hunt hands in and what comes out.
import type { SigmaCorrelation } from '../sigma/model.ts';
import type { EventPosition } from '../sources/types.ts';

/** Identifies a rule by the keys correlations may use; a `SigmaRule` fits. */
export interface RuleKey {
  id?: string;
  name?: string;
}

/** One event that matched at least one rule a correlation references. */
export interface CorrelationInput {
  /** The rules that matched this event. Rules no correlation references are ignored. */
  rules: readonly RuleKey[];
  /** Milliseconds since the epoch, or undefined when the event has no valid time. */
  timestamp: number | undefined;
  position: EventPosition;
  /**
   * Returns the value of a Sigma field in this event (the caller resolves it through its profile).
   * It is called only while `push` runs, so it may close over a reused event object.
   */
  fieldValue(name: string): unknown;
}

/** A reference to an event that contributed to a correlation detection. */
export interface CorrelatedEvent {
  position: EventPosition;
  /** Milliseconds since the epoch. */
  time: number;
  /** Ids or names of the referenced rules this event matched. */
  rules: string[];
}

/** A correlation rule that fired for one group. */
export interface CorrelationDetection {
  correlation: SigmaCorrelation;
  /** Group-by field → value, as read from the first event of the group; empty without group-by. */
  group: Record<string, string>;
  /** Time of the earliest and latest event that made it fire (ms since the epoch). */
  firstTime: number;
  lastTime: number;
  /** When the correlation fired: the time of the last event, or the window deadline for `not` conditions. */
  time: number;
  /**
   * The aggregate the condition tested: the event count, distinct value count, sum, average or percentile.
   * For temporal types it is the number of referenced rules seen, in their listed order for temporal_ordered.
   */
  value: number;
  /** The base events behind the detection, time-ordered, at most `maxEventReferences` of them. */
  events: CorrelatedEvent[];
  /** How many base events are behind the detection, including those left out of `events`. */
  eventCount: number;
  /** Detections of referenced correlations that contributed, for chained correlations. */
  correlations: CorrelationDetection[];
  /** False when another correlation uses this one as a building block and it does not alert on its own. */
  generate: boolean;
}

export type CorrelationWarningCode = 'NO_TIMESTAMP' | 'LATE_EVENT' | 'GROUP_LIMIT' | 'BUFFER_LIMIT' | 'MISSING_GROUP_FIELD';

/** A problem met while correlating; counted, and reported once per kind and correlation. */
export interface CorrelationWarning {
  code: CorrelationWarningCode;
  message: string;
  /** The correlation concerned, if the problem is specific to one. */
  correlation?: SigmaCorrelation;
  /** The first event concerned, if any. */
  position?: EventPosition;
  /** How many events or groups it concerned. */
  count: number;
}

export interface CorrelationOptions {
  /** Maximum open groups per correlation; new groups are dropped with a warning beyond it. Default 100,000. */
  maxGroups?: number;
  /** Maximum buffered base-rule matches; later ones are dropped with a warning. Default 2,000,000. */
  maxBufferedEvents?: number;
  /** Maximum event references kept in one detection (`eventCount` still counts them all). Default 1,000. */
  maxEventReferences?: number;
}

export interface CorrelationResult {
  /** Detections not already returned by `advance`, ordered by the time they fired. Check `generate` before alerting. */
  detections: CorrelationDetection[];
  warnings: CorrelationWarning[];
  stats: CorrelationStats;
}

export interface CorrelationStats {
  /** Inputs handed to `push` that matched a referenced rule. */
  events: number;
  /** Inputs left out because their timestamp was undefined or not finite. */
  untimedEvents: number;
  /** Inputs left out because the buffer was full. */
  droppedEvents: number;
  /** Inputs left out because `advance` had already passed their time. */
  lateEvents: number;
}
