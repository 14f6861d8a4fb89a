import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFiletime, formatGuid, formatHex64, formatSid, formatSystemtime } from './format.ts';

function halves(ticks: bigint): [number, number] {
  return [Number(ticks & 0xffffffffn), Number(ticks >> 32n)];
}

test('formatFiletime edge dates', () => {
  const cases: [bigint, string, string][] = [
    [0n, '1601-01-01T00:00:00.000000Z', '1601-01-01T00:00:00.0000000Z'],
    [116444736000000000n, '1970-01-01T00:00:00.000000Z', '1970-01-01T00:00:00.0000000Z'],
    [132137089687168599n, '2019-09-23T10:42:48.716859Z', '2019-09-23T10:42:48.7168599Z'],
    [126227808000000000n, '2001-01-01T00:00:00.000000Z', '2001-01-01T00:00:00.0000000Z'],
    [125962560000000000n, '2000-02-29T00:00:00.000000Z', '2000-02-29T00:00:00.0000000Z'],
    [0x7fffffffffffffffn, '30828-09-14T02:48:05.477580Z', '30828-09-14T02:48:05.4775807Z'],
  ];
  for (const [ticks, micros, full] of cases) {
    assert.equal(formatFiletime(...halves(ticks), 6), micros, String(ticks));
    assert.equal(formatFiletime(...halves(ticks), 7), full, String(ticks));
  }
});

test('formatSystemtime fields', () => {
  const view = new DataView(new Uint16Array([2024, 2, 4, 29, 23, 59, 58, 7]).buffer);
  assert.equal(formatSystemtime(view, 0, 6), '2024-02-29T23:59:58.007000Z');
  assert.equal(formatSystemtime(view, 0, 7), '2024-02-29T23:59:58.0070000Z');
});

test('formatGuid mixed byte order', () => {
  const bytes = new Uint8Array([0x5f, 0x38, 0x70, 0x57, 0x2a, 0xc2, 0xe0, 0x43, 0xbf, 0x4c, 0x06, 0xf5, 0x69, 0x8f, 0xfb, 0xd9]);
  assert.equal(formatGuid(bytes, 0), '5770385F-C22A-43E0-BF4C-06F5698FFBD9');
});

test('formatHex64 without padding', () => {
  assert.equal(formatHex64(0xf347, 0), '0xf347');
  assert.equal(formatHex64(0, 0x80000000), '0x8000000000000000');
  assert.equal(formatHex64(1, 1), '0x100000001');
});

test('formatSid checks its length', () => {
  const bytes = new Uint8Array([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]);
  const view = new DataView(bytes.buffer);
  assert.equal(formatSid(bytes, view, 0, 12), 'S-1-5-18');
  assert.equal(formatSid(bytes, view, 0, 11), undefined);
});
