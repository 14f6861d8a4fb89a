// The public library surface of Sigil. Nothing else is imported from outside.
export * from './sigma/index.ts';
export * from './engine/index.ts';
export { builtinProfiles, getProfile, detectProfile, loadProfile, createProfile, type Profile, type ProfileSpec } from './profiles/index.ts';
export { openInput, listInputs, stringifyEvent, type SourceEvent, type SourceWarning, type EventPosition } from './sources/index.ts';
export { Hunter, CorrelationStage, selectRules, type HunterOptions, type RuleSelection } from './hunt/index.ts';
export { createCorrelationEngine, CorrelationEngine, type CorrelationDetection, type CorrelationInput } from './correlate/index.ts';
export { createFormatter, detectionToJson, formatExplanation, type Detection, type RuleDetection, type CorrelationAlert, type OutputFormat } from './output/index.ts';
