// Correlation rules → queries: the public surface of this folder.
export { convertCorrelations, type CorrelationConversionResult } from './convert.ts';
export { RESULT_COLUMNS } from './sql-query.ts';
export { TIMESTAMP_FIELDS } from './sql-timestamp.ts';
