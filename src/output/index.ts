// Formatting detections and summaries.
export { DetectionBuilder, type RuleDetection, type DetectionSource, type CorrelationAlert, type Detection } from './detection.ts';
export { detectionToJson } from './json.ts';
export { createFormatter, OUTPUT_FORMATS, type OutputFormat, type DetectionFormatter } from './writers.ts';
export { HuntSummary } from './summary.ts';
export { detectionFieldNames } from './rule-fields.ts';
export { formatExplanation } from './explanation.ts';
