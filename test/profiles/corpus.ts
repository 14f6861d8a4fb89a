// Locating and reading the shared corpus (SigmaHQ rules and EVTX events rendered to JSON) for profile tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The corpus folder beside the repository folder. Tests skip when it is absent. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));

export function corpusPath(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

/** Returns a skip message when the corpus folder `parts` is absent, else undefined. */
export function missingCorpus(...parts: string[]): string | undefined {
  const path = corpusPath(...parts);
  return existsSync(path) ? undefined : `corpus not found at ${path}`;
}

/** Lists files under `dir` (recursively) whose names end with `suffix`, sorted. */
export function listFiles(dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...listFiles(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

/** Reads a JSON Lines file of events. */
export function readJsonLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Reads SigmaHQ regression JSON: pretty-printed objects simply concatenated, not a JSON array. */
export function readConcatenatedJson(file: string): Array<Record<string, unknown>> {
  const text = readFileSync(file, 'utf8');
  const objects: Array<Record<string, unknown>> = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (char === '}') {
      depth--;
      if (depth === 0) objects.push(JSON.parse(text.slice(start, i + 1)) as Record<string, unknown>);
    }
  }
  return objects;
}
