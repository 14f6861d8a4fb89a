import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from './crc32.ts';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

test('crc32 known values', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['a', 0xe8b7be43],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ];
  for (const [text, expected] of cases) assert.equal(crc32(ascii(text), 0, text.length), expected, text);
});

test('crc32 chains ranges', () => {
  const bytes = ascii('123456789');
  assert.equal(crc32(bytes, 4, 9, crc32(bytes, 0, 4)), 0xcbf43926);
});

test('crc32 same at every alignment', () => {
  const bytes = new Uint8Array(1000).map((_, i) => (i * 7919) & 0xff);
  const expected = crc32(bytes.slice(3, 900), 0, 897);
  for (const shift of [0, 1, 2, 3]) {
    const copy = new Uint8Array(1004);
    copy.set(bytes.subarray(3, 900), shift);
    assert.equal(crc32(copy, shift, shift + 897), expected, `shift ${shift}`);
    assert.equal(crc32(copy.subarray(shift), 0, 897), expected, `subarray shift ${shift}`);
  }
});
