export * from './model.ts';
export * from './span.ts';
export * from './diagnostics.ts';
