// Builds the explorer page with Vite into a temporary folder, once per test process, so that
// tests always run the current page sources and parallel test files never share an output folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONFIG = fileURLToPath(new URL('../../../src/explorer/vite.config.ts', import.meta.url));
let built: Promise<string> | undefined;

/** Returns the folder with the built page, building it on the first call. */
export function buildPageOnce(): Promise<string> {
  built ??= buildPage();
  return built;
}

async function buildPage(): Promise<string> {
  const { build } = await import('vite');
  const outDir = join(mkdtempSync(join(tmpdir(), 'sigil-explorer-page-')), 'site');
  await build({ configFile: CONFIG, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}
