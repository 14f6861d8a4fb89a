// Bad input: each problem is one warning with a position, and the rest of the input is still read.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { codes, makeTempFolder, readAll, writeInput } from './helpers.ts';

const folder = makeTempFolder();
const nested = (depth: number): string => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);

describe('bad JSON lines', () => {
  test('invalid lines and non-objects are skipped with their line', async () => {
    const content = ['{"n":1}', '{"n":', '42', '[{"n":9}]', '"text"', 'null', '{"n":2}'].join('\n');
    const result = await readAll(writeInput(folder, 'bad.jsonl', content));
    assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }, { n: 2 }]);
    assert.deepEqual(codes(result), ['INVALID_JSON', 'NOT_AN_OBJECT', 'NOT_AN_OBJECT', 'NOT_AN_OBJECT', 'NOT_AN_OBJECT']);
    assert.deepEqual(result.warnings.map((warning) => warning.position.line), [2, 3, 4, 5, 6]);
    assert.deepEqual(result.events.map((entry) => entry.position.index), [0, 6]);
    assert.equal(result.stats.skipped, 5);
    assert.ok(result.warnings.every((warning) => warning.position.file.endsWith('bad.jsonl')));
  });

  for (const chunkBytes of [256, 1024 * 1024]) {
    test(`line over maxEventBytes is skipped (chunks of ${chunkBytes} bytes)`, async () => {
      const long = JSON.stringify({ s: 'x'.repeat(100_000) });
      const content = `{"n":1}\n${long}\n{"n":2}\n${long}`;
      const result = await readAll(writeInput(folder, `long-${chunkBytes}.jsonl`, content), { maxEventBytes: 1000, chunkBytes });
      assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }, { n: 2 }]);
      assert.deepEqual(result.events.map((entry) => entry.position.line), [1, 3]);
      assert.deepEqual(codes(result), ['LINE_TOO_LONG', 'LINE_TOO_LONG']);
      assert.deepEqual(result.warnings.map((warning) => [warning.position.line, warning.position.offset]), [[2, 8], [4, 8 + long.length + 9]]);
    });
  }

  test('deep nesting is skipped', async () => {
    const content = [nested(300), '{"n":1}', `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, nested(256)].join('\n');
    const result = await readAll(writeInput(folder, 'deep.jsonl', content));
    assert.deepEqual(codes(result), ['NESTING_TOO_DEEP', 'NESTING_TOO_DEEP']);
    assert.deepEqual(result.warnings.map((warning) => warning.position.line), [1, 3]);
    assert.deepEqual(result.events.map((entry) => entry.position.line), [2, 4]);
  });

  test('maxDepth is configurable', async () => {
    const result = await readAll(writeInput(folder, 'depth.jsonl', '{"a":{"b":{}}}\n{"a":{}}'), { maxDepth: 2 });
    assert.deepEqual(codes(result), ['NESTING_TOO_DEEP']);
    assert.equal(result.events.length, 1);
  });
});

describe('bad JSON arrays and object streams', () => {
  test('non-objects in an array are skipped', async () => {
    const result = await readAll(writeInput(folder, 'mixed.json', '[1, "x", {"n":1}, [2, {"n":3}], null, true, {"n":2}]'));
    assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }, { n: 2 }]);
    assert.deepEqual(codes(result), Array(5).fill('NOT_AN_OBJECT'));
    assert.deepEqual(result.events.map((entry) => entry.position.index), [2, 6]);
  });

  test('a run of plain text is one warning', async () => {
    const result = await readAll(writeInput(folder, 'text.json', '[{"n":1},\nnot json at all, {"x": 0}\nstill text\n{"n":2}]'));
    assert.deepEqual(codes(result), ['INVALID_JSON']);
    assert.equal(result.warnings[0]?.position.line, 2);
    assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }, { n: 2 }]);
  });

  test('an invalid object in a pretty-printed stream', async () => {
    const content = '{\n  "a": tru\n}\n{\n  "n": 1\n}\n';
    const result = await readAll(writeInput(folder, 'invalid.json', content));
    assert.deepEqual(codes(result), ['INVALID_JSON']);
    assert.equal(result.warnings[0]?.position.line, 1);
    assert.deepEqual(result.events.map((entry) => [entry.event, entry.position.line]), [[{ n: 1 }, 4]]);
  });

  test('a missing quote resumes at the next line starting with {', async () => {
    const content = '[\n  {\n    "a": "open,\n    "b": {"c": 1}\n  },\n  {\n    "n": 1\n  }\n]\n';
    const result = await readAll(writeInput(folder, 'quote.json', content));
    assert.deepEqual(codes(result), ['INVALID_JSON']);
    assert.match(result.warnings[0]!.message, /line break inside a string/);
    assert.deepEqual(result.events.map((entry) => [entry.event, entry.position.line]), [[{ n: 1 }, 6]]);
  });

  test('mismatched brackets', async () => {
    const result = await readAll(writeInput(folder, 'mismatch.json', '{"a":[1}\n{"n":1}\n'));
    assert.deepEqual(codes(result), ['INVALID_JSON']);
    assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }]);
  });

  test('an object cut off at the end', async () => {
    const result = await readAll(writeInput(folder, 'cut.json', '[{"n":1},\n{"n":2, "s": "ab'));
    assert.deepEqual(codes(result), ['INVALID_JSON']);
    assert.equal(result.warnings[0]?.position.line, 2);
    assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }]);
  });

  test('an array that is never closed', async () => {
    const result = await readAll(writeInput(folder, 'open.json', '[{"n":1},\n{"n":2}\n'));
    assert.deepEqual(codes(result), ['INVALID_JSON']);
    assert.equal(result.events.length, 2);
    assert.equal(result.stats.skipped, 0);
  });

  for (const chunkBytes of [100, 1024 * 1024]) {
    test(`object over maxEventBytes is skipped (chunks of ${chunkBytes} bytes)`, async () => {
      const big = JSON.stringify({ s: 'x'.repeat(50_000), t: ['{', '}'] }, null, 1);
      const content = `[\n${JSON.stringify({ n: 1 })},\n${big},\n${JSON.stringify({ n: 2 })}\n]`;
      const result = await readAll(writeInput(folder, `big-${chunkBytes}.json`, content), { maxEventBytes: 1000, chunkBytes });
      assert.deepEqual(codes(result), ['LINE_TOO_LONG']);
      assert.equal(result.warnings[0]?.position.line, 3);
      assert.deepEqual(result.events.map((entry) => [entry.event, entry.position.index]), [[{ n: 1 }, 0], [{ n: 2 }, 2]]);
    });
  }

  test('deep nesting is skipped without parsing', async () => {
    const content = `[${nested(257)},\n{"n":1},\n{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}},\n${nested(256)}]`;
    const result = await readAll(writeInput(folder, 'deep.json', content));
    assert.deepEqual(codes(result), ['NESTING_TOO_DEEP', 'NESTING_TOO_DEEP']);
    assert.deepEqual(result.events.map((entry) => entry.position.index), [1, 3]);
  });
});

describe('bad gzip', () => {
  const lines = Array.from({ length: 20_000 }, (_, n) => JSON.stringify({ n, pad: 'x'.repeat(n % 50) })).join('\n');
  const compressed = gzipSync(Buffer.from(lines));

  test('truncated gzip keeps every event before the cut', async () => {
    const path = writeInput(folder, 'cut.jsonl.gz', compressed.subarray(0, Math.floor(compressed.length / 2)));
    const result = await readAll(path);
    assert.deepEqual(codes(result), ['TRUNCATED_GZIP']);
    const offset = result.warnings[0]!.position.offset!;
    assert.ok(offset > 0);
    assert.ok(offset < lines.length);
    assert.ok(result.events.length > 1000);
    result.events.forEach(({ event }, n) => assert.equal(event['n'], n));
    const last = result.events.at(-1)!;
    assert.ok(last.position.offset! < offset);
  });

  test('truncated gzip of a JSON array', async () => {
    const array = gzipSync(Buffer.from(`[\n${lines.split('\n').join(',\n')}\n]`));
    const result = await readAll(writeInput(folder, 'cut.json.gz', array.subarray(0, array.length - 100)));
    assert.deepEqual(codes(result), ['TRUNCATED_GZIP']);
    assert.ok(result.events.length > 19_000);
  });

  test('corrupt gzip data', async () => {
    const corrupt = Buffer.from(compressed);
    corrupt.fill(0x55, 1000, 1100);
    const result = await readAll(writeInput(folder, 'corrupt.jsonl.gz', corrupt));
    assert.ok(codes(result).includes('TRUNCATED_GZIP'), codes(result).join());
  });

  test('gzip header only', async () => {
    const result = await readAll(writeInput(folder, 'header.gz', compressed.subarray(0, 10)));
    assert.deepEqual(codes(result), ['TRUNCATED_GZIP']);
    assert.equal(result.events.length, 0);
  });
});

describe('unreadable and unknown inputs', () => {
  test('a text file is one UNKNOWN_FORMAT warning naming it', async () => {
    const path = writeInput(folder, 'notes.txt', '# Notes\n\nnot JSON {"a":1}\n');
    const result = await readAll(path);
    assert.deepEqual(codes(result), ['UNKNOWN_FORMAT']);
    assert.equal(result.warnings[0]?.position.file, path);
  });

  test('random bytes are one UNKNOWN_FORMAT warning', async () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, n) => (n * 7919 + 13) % 251);
    const result = await readAll(writeInput(folder, 'random.bin', bytes));
    assert.deepEqual(codes(result), ['UNKNOWN_FORMAT']);
  });

  test('a gzip-compressed text file names the decompression', async () => {
    const result = await readAll(writeInput(folder, 'notes.txt.gz', 'plain text', true));
    assert.deepEqual(codes(result), ['UNKNOWN_FORMAT']);
    assert.match(result.warnings[0]!.message, /gzip/);
  });

  test('a missing file is READ_FAILED', async () => {
    const result = await readAll(join(folder, 'missing.jsonl'));
    assert.deepEqual(codes(result), ['READ_FAILED']);
    assert.match(result.warnings[0]!.message, /ENOENT/);
  });

  test('a folder is READ_FAILED', async () => {
    const path = join(folder, 'a-folder');
    mkdirSync(path);
    const result = await readAll(path);
    assert.deepEqual(codes(result), ['READ_FAILED']);
  });

  test('a damaged EVTX header goes to the EVTX reader', async () => {
    const header = Buffer.alloc(4096);
    header.write('ElfFile\0', 0, 'latin1');
    const path = writeInput(folder, 'log.evtx', header);
    const result = await readAll(path);
    assert.equal(result.events.length, 0);
    assert.ok(result.warnings.length > 0);
    assert.ok(result.warnings.every((warning) => warning.code.startsWith('EVTX_')), codes(result).join());
    assert.equal(result.stats.warnings, result.warnings.length);
  });

  test('EVTX inside gzip', async () => {
    const header = Buffer.alloc(4096);
    header.write('ElfFile\0', 0, 'latin1');
    const result = await readAll(writeInput(folder, 'log.evtx.gz', header, true));
    assert.deepEqual(codes(result), ['UNKNOWN_FORMAT']);
    assert.match(result.warnings[0]!.message, /pass the EVTX file itself/);
  });
});
