// The hunt pipeline, as a library: inputs, profiles, rule sets, detections.
export { Hunter, type HunterOptions } from './hunter.ts';
export { selectRules, type RuleSelection } from './select.ts';
export { huntInParallel, type ParallelHuntOptions } from './parallel.ts';
export { planTasks, DEFAULT_CHUNKS_PER_TASK, type PlannedTask } from './plan-tasks.ts';
export { CorrelationStage, type CorrelationStageOptions } from './correlation-stage.ts';
