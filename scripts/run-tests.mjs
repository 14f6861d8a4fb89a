// Runs every *.test.ts under the given folders (default: src and test) with
// node's test runner. Node 20 does not expand globs itself, so the files are
// listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const roots = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const files = (roots.length > 0 ? roots : ['src', 'test'])
  .flatMap((root) => (statSync(root).isDirectory() ? findTests(root) : [root]))
  .sort();

if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
