// Starts an explorer server on loopback for tests, from rule folders or from YAML texts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog, collectSiteFiles, startExplorerServer, type RunningExplorer } from '../../../src/explorer/index.ts';
import { loadRuleFiles } from '../../../src/cli/rule-files.ts';
import { buildPageOnce } from './page-build.ts';

export const CORPUS_SIGMA = new URL('../../../../shared/corpus/sigma/', import.meta.url).pathname;

/** Serves the rules under `paths` on a free loopback port. */
export async function serveRules(paths: readonly string[]): Promise<RunningExplorer> {
  const assets = await buildPageOnce();
  const { collection } = await loadRuleFiles(paths);
  const documents = [...collection.rules, ...collection.filters, ...collection.correlations];
  const catalog = buildCatalog(documents, { roots: paths });
  return startExplorerServer({ files: collectSiteFiles(assets, catalog), port: 0 });
}

/** Writes YAML texts as files in a temporary folder and returns the folder. */
export function writeRuleFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sigil-explorer-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
