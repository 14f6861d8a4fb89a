// Real files: SigmaHQ's regression events (pretty-printed object streams) and flattened EVTX JSON lines.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonExact } from '../../../src/sources/parse-event.ts';
import { codes, makeTempFolder, readAll, writeInput } from './helpers.ts';

const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const skip = existsSync(corpus) ? false : `corpus not found at ${corpus}`;

function findFiles(folder: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...findFiles(path, extension));
    else if (entry.name.endsWith(extension)) found.push(path);
  }
  return found.sort();
}

describe('SigmaHQ regression JSON', { skip }, () => {
  test('every event of every file, at the line it starts', async () => {
    const files = findFiles(join(corpus, 'sigma', 'regression_data'), '.json');
    assert.ok(files.length >= 200, `${files.length} files`);
    let total = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Each event starts with `{` in the first column; nested objects are indented.
      const starts = text.split('\n').flatMap((line, index) => (line.startsWith('{') ? [index + 1] : []));
      const expected = text.split(/\n(?=\{)/).map((part) => parseJsonExact(part));
      const result = await readAll(file);
      assert.deepEqual(codes(result), [], file);
      assert.deepEqual(result.events.map((entry) => entry.position.line), starts, file);
      assert.deepEqual(result.events.map((entry) => entry.position.index), starts.map((_, index) => index), file);
      assert.deepEqual(result.events.map((entry) => entry.event), expected, file);
      total += result.events.length;
    }
    assert.equal(total, 238);
  });
});

describe('flattened EVTX JSON lines', { skip }, () => {
  const names = [
    'parser-edge-cases/Security_with_size_t.jsonl',
    'parser-edge-cases/sample_with_a_bad_chunk_magic.jsonl',
    'parser-edge-cases/Application_no_crc32.jsonl',
    'EVTX-to-MITRE-Attack/TA0003-Persistence/T1197-BITS jobs/ID60-High volume file downloaded with BITS.jsonl',
  ];
  const folder = makeTempFolder();

  for (const name of names) {
    test(name, async () => {
      const file = join(corpus, 'evtx-json', name);
      const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0);
      const expected = lines.map((line) => parseJsonExact(line));
      for (const path of [file, writeInput(folder, 'copy.jsonl.gz', readFileSync(file), true)]) {
        const result = await readAll(path);
        assert.deepEqual(codes(result), []);
        assert.equal(result.events.length, lines.length);
        assert.deepEqual(result.events.map((entry) => entry.event), expected);
        assert.deepEqual(result.events.map((entry) => entry.position.line), lines.map((_, index) => index + 1));
      }
    });
  }

  test('BITS bandwidth limit keeps all 20 digits', async () => {
    const file = join(corpus, 'evtx-json', names[3]!);
    const result = await readAll(file);
    const values = result.events.map((entry) => (entry.event['Event'] as { EventData?: Record<string, unknown> }).EventData?.['bandwidthLimit']);
    assert.ok(values.includes(18446744073709551615n), `bandwidthLimit values: ${values.slice(0, 5).join(', ')}`);
  });
});

describe('EVTX through openInput', { skip }, () => {
  test('same events as the EVTX JSON lines', async () => {
    const evtx = await readAll(join(corpus, 'evtx', 'parser-edge-cases', 'Security_with_size_t.evtx'));
    const lines = readFileSync(join(corpus, 'evtx-json', 'parser-edge-cases', 'Security_with_size_t.jsonl'), 'utf8');
    assert.deepEqual(codes(evtx), []);
    assert.equal(evtx.events.length, lines.split('\n').filter((line) => line.length > 0).length);
    assert.equal(evtx.stats.events, evtx.events.length);
    assert.ok(evtx.events.every(({ position }) => typeof position.record === 'number'));
  });
});
