export * from './types.ts';
export * from './event-json.ts';
