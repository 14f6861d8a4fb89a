// Reads Sigma files from disk for the explorer: every `.yml`/`.yaml` under the given paths.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mergeCollections, parseSigmaText, type RuleCollection, type SigmaDocument } from '../../sigma/index.ts';

export interface LoadedRules {
  collection: RuleCollection;
  /** Rules, filters and correlations in file order. */
  documents: SigmaDocument[];
  fileCount: number;
}

/** Loads every Sigma file under `paths` (files or folders), in sorted path order. */
export function loadRulePaths(paths: readonly string[]): LoadedRules {
  const files = paths.flatMap((path) => listYamlFiles(path));
  const collections = files.map((file) => parseSigmaText(readFileSync(file, 'utf8'), file));
  const documents = collections.flatMap((collection) => [...collection.rules, ...collection.filters, ...collection.correlations]);
  return { collection: mergeCollections(collections), documents, fileCount: files.length };
}

function listYamlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const found: string[] = [];
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const child = join(path, name);
    if (statSync(child).isDirectory()) found.push(...listYamlFiles(child));
    else if (/\.ya?ml$/i.test(name)) found.push(child);
  }
  return found;
}
