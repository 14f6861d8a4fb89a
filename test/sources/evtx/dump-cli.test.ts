// `sigil dump` as a user runs it: data on stdout, warnings on stderr, exit codes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORPUS, corpusFound, parseJsonExact } from './corpus.ts';

const MAIN = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
const skip = corpusFound ? false : `corpus not found at ${CORPUS}`;
const SAMPLE = 'EVTX-ATTACK-SAMPLES/Execution/exec_persist_rundll32_mshta_scheduledtask_sysmon_1_3_11.evtx';

function sigil(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe('sigil dump', { skip }, () => {
  test('JSON lines equal the reference events', () => {
    const result = sigil('dump', '--separate-attributes', CORPUS + 'evtx/' + SAMPLE);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    const reference = readFileSync(CORPUS + 'evtx-json/' + SAMPLE.replace(/\.evtx$/, '.jsonl'), 'utf8').trim().split('\n');
    const lines = result.stdout.trim().split('\n');
    assert.equal(lines.length, reference.length);
    lines.forEach((line, i) => assert.deepEqual(parseJsonExact(line), parseJsonExact(reference[i]!)));
  });

  test('default shape nests attributes', () => {
    const result = sigil('dump', CORPUS + 'evtx/' + SAMPLE);
    const first = JSON.parse(result.stdout.split('\n')[0]!) as { Event: { '#attributes': unknown; System: { Provider: unknown } } };
    assert.deepEqual(first.Event['#attributes'], { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' });
    assert.ok(first.Event.System.Provider);
  });

  test('XML format', () => {
    const result = sigil('dump', '--format', 'xml', CORPUS + 'evtx/' + SAMPLE);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^<Event xmlns="http:\/\/schemas.microsoft.com\/win\/2004\/08\/events\/event">\n {2}<System>\n/);
  });

  test('warnings go to stderr', () => {
    const result = sigil('dump', CORPUS + 'evtx/parser-edge-cases/sample_with_a_bad_chunk_magic.evtx');
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim().split('\n').length, 298);
    assert.match(result.stderr, /warning: .*chunk 6: chunk skipped: signature ElfChnk missing \(offset 397312\)/);
    assert.match(result.stderr, /298 records read; 3 records and 12 chunks skipped/);
  });

  test('non-EVTX input fails', () => {
    const result = sigil('dump', MAIN);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is not an EVTX file/);
    assert.equal(result.stdout, '');
  });

  test('invalid format is a usage error', () => {
    const result = sigil('dump', '--format', 'csv', CORPUS + 'evtx/' + SAMPLE);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /invalid --format "csv"/);
  });
});
