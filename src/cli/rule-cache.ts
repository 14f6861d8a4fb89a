// A cache of parsed rule files: YAML parsing of the whole SigmaHQ collection takes seconds,
// reading its parsed model back as JSON a fraction of that. Entries are keyed by file path,
// size and modification time, by the load options, and by a stamp of the parser code itself.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleCollection } from '../sigma/index.ts';

/** Bump when the cache file layout changes. */
const CACHE_FORMAT = 1;

interface CachedFile {
  size: number;
  mtimeMs: number;
  collection: RuleCollection;
}

interface CacheFile {
  format: number;
  files: Record<string, CachedFile>;
}

/** The cache folder: `$XDG_CACHE_HOME/sigil`, else `~/.cache/sigil`. */
export function ruleCacheFolder(): string {
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'sigil');
}

/**
 * Sizes and times of the code that builds the rule model: the `sigma/` sources when running
 * from source, or the bundle file. A changed parser then never reads an old model.
 */
async function codeStamp(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  const sigmaFolder = join(dirname(here), '..', 'sigma');
  const files = await listFiles(sigmaFolder).catch(() => [here]);
  const parts = await Promise.all(files.map(async (file) => {
    const info = await stat(file);
    return `${file}:${info.size}:${info.mtimeMs}`;
  }));
  return parts.join('\n');
}

async function listFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listFiles(path)));
    else found.push(path);
  }
  return found.sort();
}

/** Parsed rule files remembered between runs for one set of load options. */
export class RuleCache {
  private readonly path: string;
  private entries: Record<string, CachedFile> = {};
  private changed = false;

  private constructor(path: string) {
    this.path = path;
  }

  /** Opens the cache for these load options (serialized as JSON); a missing or damaged cache is empty. */
  static async open(optionsKey: string, folder = ruleCacheFolder()): Promise<RuleCache> {
    const key = createHash('sha256').update(`${CACHE_FORMAT}\n${optionsKey}\n${await codeStamp()}`).digest('hex').slice(0, 32);
    const cache = new RuleCache(join(folder, `rules-${key}.json`));
    try {
      const data = JSON.parse(await readFile(cache.path, 'utf8')) as CacheFile;
      if (data.format === CACHE_FORMAT) cache.entries = data.files;
    } catch {
      // No cache yet, or one that cannot be read: parse everything.
    }
    return cache;
  }

  /** The parsed model of a file, when the cache has it for the file's current size and time. */
  async get(file: string): Promise<RuleCollection | undefined> {
    const entry = this.entries[file];
    if (!entry) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (!info || info.size !== entry.size || info.mtimeMs !== entry.mtimeMs) return undefined;
    return entry.collection;
  }

  /** Remembers the parsed model of a file as of its size and time before it was read. */
  set(file: string, info: { size: number; mtimeMs: number }, collection: RuleCollection): void {
    this.entries[file] = { size: info.size, mtimeMs: info.mtimeMs, collection };
    this.changed = true;
  }

  /** Writes the cache when it changed. Write errors are ignored: the cache is only an optimisation. */
  async save(): Promise<void> {
    if (!this.changed) return;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ format: CACHE_FORMAT, files: this.entries } satisfies CacheFile));
      await rename(temporary, this.path);
      this.changed = false;
    } catch {
      // A read-only home or a full disk only costs the next run its speed.
    }
  }
}
