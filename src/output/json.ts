// Detections as JSON objects, for JSON lines, JSON arrays and CSV.
import type { RuleDetection } from './detection.ts';

/** The JSON shape of a detection. The rule keeps its author, as the Detection Rule License asks of alerts. */
export function detectionToJson(detection: RuleDetection): Record<string, unknown> {
  const { rule } = detection;
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
  return {
    rule: ruleJson,
    timestamp: detection.timestamp ?? null,
    host: detection.host ?? null,
    source: detection.source,
    profile: detection.profile,
    fields: Object.fromEntries(detection.fields),
    event: detection.event,
  };
}
