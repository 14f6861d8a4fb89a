#!/usr/bin/env node
// Entry point of the `sigil` command. It runs the bundle built by `npm run build`
// (npm builds it on install); in a checkout without a build it runs the TypeScript
// sources through tsx instead.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);

if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
