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
