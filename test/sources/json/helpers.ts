// Shared helpers for the JSON reader tests: temporary files and reading an input to the end.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after } from 'node:test';
import { openInput } from '../../../src/sources/open-input.ts';
import { createReadStats, type ReadOptions, type ReadStats } from '../../../src/sources/read-options.ts';
import type { SourceEvent, SourceWarning } from '../../../src/sources/types.ts';

/** Creates a temporary folder that is removed when the test file ends. */
export function makeTempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'sigil-sources-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Writes `content` to `name` in `folder`, gzip-compressed when `gzip` is set, and returns the path. */
export function writeInput(folder: string, name: string, content: string | Uint8Array, gzip = false): string {
  const path = join(folder, name);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  writeFileSync(path, gzip ? gzipSync(bytes) : bytes);
  return path;
}

export interface ReadResult {
  events: SourceEvent[];
  warnings: SourceWarning[];
  batches: number;
  stats: ReadStats;
}

/** Reads one input to the end and collects its events and warnings. */
export async function readAll(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  const warnings: SourceWarning[] = [];
  const stats = createReadStats();
  const events: SourceEvent[] = [];
  let batches = 0;
  for await (const batch of openInput(path, { ...options, stats, onWarning: (warning) => warnings.push(warning) })) {
    batches++;
    events.push(...batch);
  }
  return { events, warnings, batches, stats };
}

/** Returns the warning codes in the order they were reported. */
export function codes(result: ReadResult): string[] {
  return result.warnings.map((warning) => warning.code);
}
