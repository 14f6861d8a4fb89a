// Reads rule files and folders given on the command line into one rule collection.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { mergeCollections, parseSigmaText, type LoadOptions, type PlaceholderValues, type RuleCollection } from '../sigma/index.ts';
import { CliError } from './exit-codes.ts';
import { RuleCache } from './rule-cache.ts';

/** Load options, and whether to use the parsed-rule cache (`RuleCache`). */
export interface RuleFileOptions extends LoadOptions {
  cache?: boolean;
}

const RULE_FILE = /\.ya?ml$/i;

/** Every `.yml`/`.yaml` file under the paths, in sorted order. A missing path is a CliError naming it. */
export async function listRuleFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError(`rules path not found: ${path}`);
    if (info.isDirectory()) files.push(...(await walk(path)));
    else files.push(path);
  }
  return files;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && RULE_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * Loads every rule file under the paths. Unreadable files become FILE_READ diagnostics.
 * With `cache`, parsed files are remembered between runs (see RuleCache).
 */
export async function loadRuleFiles(paths: readonly string[], options: RuleFileOptions = {}): Promise<{ collection: RuleCollection; files: number }> {
  const { cache: useCache, ...loadOptions } = options;
  const files = await listRuleFiles(paths);
  const cache = useCache ? await RuleCache.open(paths, JSON.stringify(loadOptions)) : undefined;
  const collections: RuleCollection[] = [];
  for (const file of files) {
    try {
      const cached = cache?.get(file);
      if (cached) {
        collections.push(cached);
        continue;
      }
      const info = await stat(file);
      const collection = parseSigmaText(await readFile(file, 'utf8'), file, loadOptions);
      cache?.set(file, info, collection);
      collections.push(collection);
    } catch (error) {
      collections.push({
        rules: [],
        filters: [],
        correlations: [],
        diagnostics: [{ code: 'FILE_READ', severity: 'error', message: `cannot read rule file: ${(error as Error).message}`, span: { file, line: 1, column: 1, yamlPath: [] } }],
      });
    }
  }
  await cache?.save();
  return { collection: mergeCollections(collections), files: files.length };
}

/** Reads a placeholder file: a YAML or JSON map from placeholder name (without `%`) to a value or list of values. */
export async function loadPlaceholders(path: string): Promise<PlaceholderValues> {
  const text = await readFile(path, 'utf8').catch((error: Error) => {
    throw new CliError(`cannot read placeholder file ${path}: ${error.message}`);
  });
  const data: unknown = parseYaml(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError(`placeholder file ${path} must be a map of name: [values]`);
  }
  const values: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(data)) {
    const list = Array.isArray(value) ? value : [value];
    values[name.replace(/^%|%$/g, '')] = list.map(String);
  }
  return values;
}
