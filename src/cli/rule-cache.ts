// A cache of parsed rule files: YAML parsing of the whole SigmaHQ collection takes seconds,
// reading its parsed model back as JSON a fraction of that. There is one cache file per set of
// rule paths, load options and parser code, and entries are keyed by file path, size and
// modification time. A cache file keeps only the files its last load read, so it does not
// grow with every rule folder ever hunted, and cache files unused for a month are deleted.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleCollection } from '../sigma/index.ts';

/**
 * Bump when the cache file layout changes. Format 2 is JSON lines: a first line
 * `{"format":2}`, then one CachedLine per rule file. Parsing it line by line never keeps the
 * whole cache as one string (64 MB of heap for the SigmaHQ Windows rules once the text has a
 * character beyond Latin-1).
 */
const CACHE_FORMAT = 2;

interface CachedFile {
  size: number;
  mtimeMs: number;
  collection: RuleCollection;
}

interface CachedLine extends CachedFile {
  file: string;
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

/** Cache files not written or read for this long are deleted when another cache is saved. */
const MAX_UNUSED_MS = 30 * 24 * 3600 * 1000;
/** A cache file read after this long without a write gets its time renewed, so it is not deleted. */
const RENEW_AFTER_MS = 24 * 3600 * 1000;

/** Parsed rule files remembered between runs for one set of rule paths and load options. */
export class RuleCache {
  private readonly path: string;
  private entries: Record<string, CachedFile> = {};
  /** Files read or parsed by this load: the entries the next save keeps. */
  private readonly used = new Set<string>();
  private changed = false;

  private constructor(path: string) {
    this.path = path;
  }

  /**
   * Opens the cache for these rule paths (made absolute) and load options (serialized as
   * JSON). A missing or damaged cache is empty.
   */
  static async open(ruleRoots: readonly string[], optionsKey: string, folder = ruleCacheFolder()): Promise<RuleCache> {
    const roots = ruleRoots.map((root) => resolve(root)).join('\n');
    const key = createHash('sha256').update(`${CACHE_FORMAT}\n${optionsKey}\n${roots}\n${await codeStamp()}`).digest('hex').slice(0, 32);
    const cache = new RuleCache(join(folder, `rules-${key}.json`));
    try {
      cache.entries = parseCacheLines(await readFile(cache.path));
      const info = await stat(cache.path);
      if (Date.now() - info.mtimeMs > RENEW_AFTER_MS) await utimes(cache.path, new Date(), new Date()).catch(() => undefined);
    } catch {
      // No cache yet, or one that cannot be read: parse everything.
    }
    return cache;
  }

  /** Returns the parsed model of a file, when the cache has it for the file's current size and time. */
  get(file: string): RuleCollection | undefined {
    const entry = this.entries[file];
    if (!entry) return undefined;
    // A synchronous stat: awaiting 2,549 stats one by one took about 0.2 s of CPU time (SigmaHQ Windows rules).
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info || info.size !== entry.size || info.mtimeMs !== entry.mtimeMs) return undefined;
    this.used.add(file);
    return entry.collection;
  }

  /** Remembers the parsed model of a file as of its size and time before it was read. */
  set(file: string, info: { size: number; mtimeMs: number }, collection: RuleCollection): void {
    this.entries[file] = { size: info.size, mtimeMs: info.mtimeMs, collection };
    this.used.add(file);
    this.changed = true;
  }

  /**
   * Writes the cache when it changed or contains files this load did not read, then deletes
   * cache files unused for a month. Errors are ignored: the cache is only an optimisation.
   */
  async save(): Promise<void> {
    const stale = Object.keys(this.entries).filter((file) => !this.used.has(file));
    if (!this.changed && stale.length === 0) return;
    for (const file of stale) delete this.entries[file];
    try {
      await mkdir(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeCacheLines(temporary, this.entries);
      await rename(temporary, this.path);
      this.changed = false;
      await deleteUnused(dirname(this.path));
    } catch {
      // A read-only home or a full disk only costs the next run its speed.
    }
  }
}

/** Parses a format 2 cache file; a file of another format, or a damaged one, gives no entries. */
function parseCacheLines(bytes: Buffer): Record<string, CachedFile> {
  const entries: Record<string, CachedFile> = {};
  let end = bytes.indexOf(NEWLINE);
  const header = JSON.parse(bytes.toString('utf8', 0, end === -1 ? bytes.length : end)) as { format?: number };
  if (header.format !== CACHE_FORMAT) return entries;
  while (end !== -1 && end + 1 < bytes.length) {
    const start = end + 1;
    end = bytes.indexOf(NEWLINE, start);
    const { file, size, mtimeMs, collection } = JSON.parse(bytes.toString('utf8', start, end === -1 ? bytes.length : end)) as CachedLine;
    entries[file] = { size, mtimeMs, collection };
  }
  return entries;
}

/** Writes the entries as a format 2 cache file, one line at a time. */
async function writeCacheLines(path: string, entries: Record<string, CachedFile>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.write(`${JSON.stringify({ format: CACHE_FORMAT })}\n`);
    for (const [file, entry] of Object.entries(entries)) {
      await handle.write(`${JSON.stringify({ file, ...entry } satisfies CachedLine)}\n`);
    }
  } finally {
    await handle.close();
  }
}

const NEWLINE = 0x0a;

/** Deletes the cache files of a folder that were not written or read for MAX_UNUSED_MS. */
async function deleteUnused(folder: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(folder)) {
    if (!/^rules-[0-9a-f]+\.json$/.test(name)) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > MAX_UNUSED_MS) await unlink(path).catch(() => undefined);
  }
}
