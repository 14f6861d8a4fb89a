// Detections as JSON objects, for JSON lines, JSON arrays and CSV.
import type { CorrelationAlert, Detection, RuleDetection } from './detection.ts';
import type { RuleMetadata } from '../sigma/index.ts';

/** Returns the JSON shape of a detection. The rule keeps its author, as the Detection Rule License asks of alerts. */
export function detectionToJson(detection: Detection): Record<string, unknown> {
  return detection.kind === 'rule' ? ruleDetectionToJson(detection) : correlationToJson(detection);
}

function correlationToJson(alert: CorrelationAlert): Record<string, unknown> {
  return {
    kind: 'correlation',
    rule: ruleToJson(alert.rule),
    timestamp: alert.timestamp,
    correlation: { type: alert.type, group: alert.group, first_time: alert.firstTime, last_time: alert.lastTime, value: alert.value, event_count: alert.eventCount },
    events: alert.events,
  };
}

function ruleDetectionToJson(detection: RuleDetection): Record<string, unknown> {
  return {
    kind: 'rule',
    rule: ruleToJson(detection.rule),
    timestamp: detection.timestamp ?? null,
    host: detection.host ?? null,
    source: detection.source,
    profile: detection.profile,
    fields: Object.fromEntries(detection.fields),
    event: detection.event,
  };
}

function ruleToJson(rule: RuleMetadata): Record<string, unknown> {
  const ruleJson: Record<string, unknown> = {
    id: rule.id ?? null,
    title: rule.title,
    level: rule.level ?? null,
    status: rule.status ?? null,
    tags: rule.tags,
    author: rule.author ?? null,
    file: rule.origin.file,
  };
  if (rule.name !== undefined) ruleJson['name'] = rule.name;
  if (rule.license !== undefined) ruleJson['license'] = rule.license;
  if (rule.references.length > 0) ruleJson['references'] = rule.references;
  return ruleJson;
}
