// Public surface of the backends: rule → query text for SQL engines, Elasticsearch, Splunk and KQL.
export { convertRule, convertRules, type ConversionResult, type ConvertOptions } from './convert.ts';
export { BackendUnsupportedError } from './errors.ts';
export { RAW_PROFILE, backendProfile, type BackendProfile, type LogsourceVariant } from './profile.ts';
export type { FieldLocation } from './query.ts';
export { TARGET_NAMES, isTargetName, type TargetName } from './target-names.ts';
export { DEFAULT_TARGET_OPTIONS, type TargetOptions } from './targets.ts';
export type { SqlLayout } from './targets/sql-dialect.ts';
export { convertCorrelations, RESULT_COLUMNS, TIMESTAMP_FIELDS, type CorrelationConversionResult } from './correlation/index.ts';
