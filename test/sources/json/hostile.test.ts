// Hostile input: nothing throws, hangs or yields anything but objects.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { openInput } from '../../../src/sources/open-input.ts';
import type { SourceWarning } from '../../../src/sources/types.ts';
import { makeTempFolder, readAll, writeInput } from './helpers.ts';
import { createRandom } from '../../support/random.ts';

const folder = makeTempFolder();


const ALPHABET = ['{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\n', '\r', 'a', '1', '-', 'é', '{"k":', '"v"', 'true', '12345678901234567890'];

const fixed: Array<[string, string]> = [
  ['open bracket only', '['],
  ['closing brackets', ']]]]}}}}'],
  ['opening brackets', '{'.repeat(100_000)],
  ['array brackets', '['.repeat(100_000)],
  ['unterminated string', '{"a":"' + 'x'.repeat(10_000)],
  ['trailing backslash', '{"a":"\\'],
  ['unclosed array of numbers', '[1,2,3'],
  ['NUL bytes', '{"a":1}\0\0\0{"b":2}'],
  ['lone surrogate escape', '{"a":"\\ud800"}'],
  ['commas only', '{"a":1},,,,,{"b":2}'],
  ['deep string-looking input', '{"' + '\\"'.repeat(50_000) + '"}'],
];

async function readFully(name: string, content: string, chunkBytes?: number): Promise<void> {
  const path = writeInput(folder, name, content);
  const result = await readAll(path, chunkBytes === undefined ? {} : { chunkBytes, maxEventBytes: 4096 });
  for (const { event } of result.events) {
    assert.equal(typeof event, 'object');
    assert.notEqual(event, null);
    assert.ok(!Array.isArray(event));
  }
}

describe('hostile input', () => {
  for (const [name, content] of fixed) {
    test(name, async () => {
      await readFully('fixed.json', content);
      await readFully('fixed-chunks.json', content, 61);
    });
  }

  test('400 random JSON-like inputs', async () => {
    const random = createRandom(7);
    for (let run = 0; run < 400; run++) {
      const length = Math.floor(random() * 300);
      const parts: string[] = [random() < 0.5 ? '{' : '['];
      for (let i = 0; i < length; i++) parts.push(ALPHABET[Math.floor(random() * ALPHABET.length)]!);
      await readFully(`random-${run % 4}.json`, parts.join(''), run % 2 === 0 ? 5 : undefined);
    }
  });
});

describe('standard input', () => {
  test('reads - from the given stream', async () => {
    const stdin = Readable.from([Buffer.from('{"n":1}\n{"n"'), Buffer.from(':2}\n')]);
    const events = [];
    for await (const batch of openInput('-', { stdin })) events.push(...batch);
    assert.deepEqual(events.map((entry) => [entry.event, entry.position.file, entry.position.line]), [[{ n: 1 }, '-', 1], [{ n: 2 }, '-', 2]]);
  });

  test('events arrive before standard input ends', async () => {
    let release = (): void => undefined;
    const stalled = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* stdin(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"n":1}\n');
      await stalled;
      yield Buffer.from('{"n":2}\n');
    }
    const seen: unknown[] = [];
    for await (const batch of openInput('-', { stdin: stdin() })) {
      seen.push(...batch.map((entry) => entry.event['n']));
      release();
    }
    assert.deepEqual(seen, [1, 2]);
  });

  test('gzip from standard input', async () => {
    const stdin = Readable.from([gzipSync(Buffer.from('[{"n":1},{"n":2}]'))]);
    const events = [];
    for await (const batch of openInput('-', { stdin })) events.push(...batch);
    assert.deepEqual(events.map((entry) => entry.event), [{ n: 1 }, { n: 2 }]);
  });

  test('EVTX from standard input is a warning', async () => {
    const header = Buffer.alloc(4096);
    header.write('ElfFile\0', 0, 'latin1');
    const warnings: SourceWarning[] = [];
    for await (const batch of openInput('-', { stdin: Readable.from([header]), onWarning: (warning) => warnings.push(warning) })) {
      assert.fail(`unexpected batch of ${batch.length}`);
    }
    assert.deepEqual(warnings.map((warning) => warning.code), ['UNKNOWN_FORMAT']);
    assert.match(warnings[0]!.message, /standard input/);
  });

  test('stopping early closes the input', async () => {
    const path = writeInput(folder, 'many.jsonl', Array.from({ length: 50_000 }, (_, n) => `{"n":${n}}`).join('\n'));
    let seen = 0;
    for await (const batch of openInput(path, { chunkBytes: 1024 })) {
      seen += batch.length;
      if (seen > 100) break;
    }
    assert.ok(seen > 100);
    assert.ok(seen < 50_000);
  });
});
