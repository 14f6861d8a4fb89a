// Runs the sigil CLI from source as a separate process, as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './corpus.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** One rule cache folder for every CLI run of a test process, removed when it exits. */
let cacheHome: string | undefined;

function testCacheHome(): string {
  if (cacheHome === undefined) {
    const folder = mkdtempSync(join(tmpdir(), 'sigil-test-cache-'));
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
    cacheHome = folder;
  }
  return cacheHome;
}

/** Runs `sigil ARGS` with the repository as working folder and a private rule cache. */
export function runSigil(args: readonly string[], options: { input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: testCacheHome() },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A new temporary folder. */
export function tempFolder(prefix = 'sigil-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Parses JSON lines output. */
export function jsonLines(text: string): Array<Record<string, any>> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, any>);
}
