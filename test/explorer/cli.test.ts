// `sigil explore` as a user runs it: serve on a free port, export a site, reject bad options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeRuleFiles } from './support/explorer-site.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RULE = `title: CLI Rule
id: 66666666-6666-4666-8666-666666666666
logsource:
    product: windows
detection:
    selection:
        CommandLine|contains: whoami
    condition: selection
level: low
`;

// The tsx loader by path, so the command also runs from a working folder outside the checkout.
const TSX_LOADER = pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

function sigilArgs(...args: string[]): string[] {
  return ['--import', TSX_LOADER, join(REPO, 'src/cli/main.ts'), ...args];
}

test('explore serves on loopback and stops on SIGTERM', async () => {
  // The command looks for the page in dist/explorer of the checkout; build it there if missing.
  if (!existsSync(join(REPO, 'dist/explorer/index.html'))) spawnSync('npm', ['run', 'build'], { cwd: REPO });
  const rules = writeRuleFiles({ 'rule.yml': RULE });
  const child = spawn(process.execPath, sigilArgs('explore', rules, '--port', '0'), { cwd: REPO });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /Sigil Explorer: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (found?.[1] !== undefined) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });

  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
  const catalog = await (await fetch(`${url}data/catalog.js`)).text();
  assert.match(catalog, /CLI Rule/);
  assert.match(stderr, /Loaded 1 rules from 1 files/);

  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});

test('explore --export writes a static site', () => {
  if (!existsSync(join(REPO, 'dist/explorer/index.html'))) spawnSync('npm', ['run', 'build'], { cwd: REPO });
  const out = join(mkdtempSync(join(tmpdir(), 'sigil-cli-export-')), 'site');
  const result = spawnSync(process.execPath, sigilArgs('explore', writeRuleFiles({ 'rule.yml': RULE }), '--export', out), { cwd: REPO, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /^Wrote \d+ files to /);
  assert.match(readFileSync(join(out, 'index.html'), 'utf8'), /http-equiv="Content-Security-Policy"/);
  assert.match(readFileSync(join(out, 'data', 'catalog.js'), 'utf8'), /CLI Rule/);
  assert.match(readFileSync(join(out, 'data', 'texts.js'), 'utf8'), /whoami/);
});

const invalid: Array<{ args: string[]; message: RegExp }> = [
  { args: ['--port', 'abc'], message: /invalid --port abc/ },
  { args: ['--port', '70000'], message: /invalid --port 70000/ },
];
for (const { args, message } of invalid) {
  test(`explore rejects ${args.join(' ')}`, () => {
    const result = spawnSync(process.execPath, sigilArgs('explore', REPO, ...args), { cwd: REPO, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, message);
  });
}

test('explore reports a missing rule path', () => {
  const result = spawnSync(process.execPath, sigilArgs('explore', '/nonexistent/rules', '--port', '0'), { cwd: REPO, encoding: 'utf8' });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /rules path not found: \/nonexistent\/rules/);
});

test('explore without paths loads the current folder', () => {
  const rules = writeRuleFiles({ 'rule.yml': RULE });
  const out = join(mkdtempSync(join(tmpdir(), 'sigil-cli-export-')), 'site');
  const result = spawnSync(process.execPath, sigilArgs('explore', '--export', out), { cwd: rules, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /Loaded 1 rules from 1 files/);
});
