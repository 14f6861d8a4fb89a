// Every JSON form, plain and gzip-compressed, read whole and in tiny chunks, with event positions.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, makeTempFolder, readAll, writeInput } from './helpers.ts';

interface FormatCase {
  name: string;
  content: string;
  events: object[];
  /** Expected [line, index, offset] of each event. */
  positions: Array<[number, number, number]>;
}

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

const cases: FormatCase[] = [
  {
    name: 'JSON lines with a blank line and no final newline',
    content: '{"n":1}\n{"n":2}\n\n{"n":3}',
    events: [{ n: 1 }, { n: 2 }, { n: 3 }],
    positions: [[1, 0, 0], [2, 1, 8], [4, 2, 17]],
  },
  {
    name: 'JSON lines with CRLF and indentation',
    content: '{"n":1}\r\n  {"n":2}\r\n',
    events: [{ n: 1 }, { n: 2 }],
    positions: [[1, 0, 0], [2, 1, 11]],
  },
  {
    name: 'JSON lines after a byte order mark',
    content: '\ufeff{"n":1}\n{"n":2}\n',
    events: [{ n: 1 }, { n: 2 }],
    positions: [[1, 0, 3], [2, 1, 11]],
  },
  {
    name: 'JSON lines with multi-byte characters',
    content: '{"s":"é€😀"}\n{"s":"}{"}\n',
    events: [{ s: 'é€😀' }, { s: '}{' }],
    positions: [[1, 0, 0], [2, 1, 18]],
  },
  {
    name: 'JSON array with one object per line',
    content: '[\n{"n":1},\n{"n":2}\n]\n',
    events: [{ n: 1 }, { n: 2 }],
    positions: [[2, 0, 2], [3, 1, 11]],
  },
  {
    name: 'JSON array on one line',
    content: '[{"n":1},{"n":2} , {"n":3}]',
    events: [{ n: 1 }, { n: 2 }, { n: 3 }],
    positions: [[1, 0, 1], [1, 1, 9], [1, 2, 19]],
  },
  {
    name: 'pretty-printed JSON array',
    content: pretty([{ n: 1 }, { n: { deep: [1, 2] } }]),
    events: [{ n: 1 }, { n: { deep: [1, 2] } }],
    positions: [[2, 0, 4], [5, 1, 24]],
  },
  {
    name: 'one pretty-printed object',
    content: pretty({ Event: { System: { EventID: 1 } } }),
    events: [{ Event: { System: { EventID: 1 } } }],
    positions: [[1, 0, 0]],
  },
  {
    name: 'concatenated pretty-printed objects',
    content: `${pretty({ n: 1 })}\n${pretty({ s: 'a "}" \\ {' })}\n`,
    events: [{ n: 1 }, { s: 'a "}" \\ {' }],
    positions: [[1, 0, 0], [4, 1, 13]],
  },
  {
    name: 'concatenated objects on one line',
    content: '{"n":1}{"n":2}\n{"n":3} {"n":4}',
    events: [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }],
    positions: [[1, 0, 0], [1, 1, 7], [2, 2, 15], [2, 3, 23]],
  },
  {
    name: 'several top-level arrays',
    content: '[{"n":1}]\n[]\n[{"n":2}]',
    events: [{ n: 1 }, { n: 2 }],
    positions: [[1, 0, 1], [3, 1, 14]],
  },
];

describe('JSON formats', () => {
  const folder = makeTempFolder();
  cases.forEach((item, number) => {
    for (const gzip of [false, true]) {
      for (const chunkBytes of [undefined, 3]) {
        const label = `${item.name}${gzip ? ', gzip' : ''}${chunkBytes === undefined ? '' : ', 3-byte chunks'}`;
        test(label, async () => {
          const path = writeInput(folder, `case-${number}${gzip ? '.gz' : ''}`, item.content, gzip);
          const result = await readAll(path, chunkBytes === undefined ? {} : { chunkBytes });
          assert.deepEqual(codes(result), []);
          assert.deepEqual(result.events.map((entry) => entry.event), item.events);
          assert.deepEqual(
            result.events.map(({ position }) => [position.line, position.index, position.offset]),
            item.positions,
          );
          assert.ok(result.events.every(({ position }) => position.file === path));
          assert.equal(result.stats.events, item.events.length);
        });
      }
    }
  });

  test('UTF-16LE JSON with a byte order mark', async () => {
    const text = '\ufeff' + pretty([{ s: 'é' }, { n: 2 }]);
    const path = writeInput(folder, 'utf16.json', Buffer.from(text, 'utf16le'));
    const result = await readAll(path);
    assert.deepEqual(codes(result), []);
    assert.deepEqual(result.events.map((entry) => entry.event), [{ s: 'é' }, { n: 2 }]);
    assert.deepEqual(result.events.map((entry) => entry.position.line), [2, 5]);
  });

  test('UTF-16BE JSON lines', async () => {
    const text = '\ufeff{"n":1}\n{"n":2}\n';
    const bytes = Buffer.from(text, 'utf16le').swap16();
    const path = writeInput(folder, 'utf16be.jsonl', bytes);
    const result = await readAll(path);
    assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }, { n: 2 }]);
  });

  test('UTF-16 without a byte order mark', async () => {
    const text = '[{"n":1},\n{"n":2}]';
    for (const [name, bytes] of [['le.json', Buffer.from(text, 'utf16le')], ['be.json', Buffer.from(text, 'utf16le').swap16()]] as const) {
      const result = await readAll(writeInput(folder, name, bytes));
      assert.deepEqual(codes(result), [], name);
      assert.deepEqual(result.events.map((entry) => entry.event), [{ n: 1 }, { n: 2 }], name);
    }
  });

  test('empty file gives no events and no warning', async () => {
    const result = await readAll(writeInput(folder, 'empty.json', ''));
    assert.equal(result.events.length, 0);
    assert.deepEqual(codes(result), []);
  });

  test('one batch per chunk, not per event', async () => {
    const lines = Array.from({ length: 5000 }, (_, n) => JSON.stringify({ n })).join('\n');
    const result = await readAll(writeInput(folder, 'batches.jsonl', lines), { chunkBytes: 16 * 1024 });
    assert.equal(result.events.length, 5000);
    assert.ok(result.batches < 10, `${result.batches} batches`);
  });

  test('64-bit integers keep every digit in every format', async () => {
    const line = '{"bytesTotal":18446744073709551615,"Weight":-9223372036854775807,"small":9007199254740991}';
    const expected = { bytesTotal: 18446744073709551615n, Weight: -9223372036854775807n, small: 9007199254740991 };
    for (const [name, content] of [['big.jsonl', `${line}\n${line}`], ['big.json', `[\n  ${line},\n${line}]`], ['big-pretty.json', line.replace(/,/g, ',\n  ')]]) {
      const result = await readAll(writeInput(folder, name!, content!));
      assert.deepEqual(codes(result), [], name);
      assert.ok(result.events.length > 0, name);
      for (const { event } of result.events) assert.deepEqual(event, expected, name);
    }
  });
});
