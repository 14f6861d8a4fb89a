// The public library surface of Sigil. Nothing else is imported from outside.
export * from './sigma/index.ts';
export * from './engine/index.ts';
