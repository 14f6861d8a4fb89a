// Correlation rules over a stream of detections: windows, group-by keys, ordering, bounded state.
export { createCorrelationEngine, CorrelationEngine } from './engine.ts';
export type {
  CorrelatedEvent,
  CorrelationDetection,
  CorrelationInput,
  CorrelationOptions,
  CorrelationResult,
  CorrelationStats,
  CorrelationWarning,
  CorrelationWarningCode,
  RuleKey,
} from './types.ts';
