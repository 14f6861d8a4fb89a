import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Utf16Reader } from './utf16.ts';

function encode(units: number[]): Uint8Array {
  return new Uint8Array(new Uint16Array(units).buffer);
}

test('Utf16Reader short and long strings', () => {
  const reader = new Utf16Reader();
  for (const text of ['', 'a', 'Hello, wörld ☺', 'x'.repeat(31), 'y'.repeat(33), 'z'.repeat(500) + '😀']) {
    const units = [...text].flatMap((c) => [...Array(c.length).keys()].map((i) => c.charCodeAt(i)));
    assert.equal(reader.read(encode(units), 0, units.length, false), text);
  }
  assert.equal(reader.invalidCount, 0);
});

test('Utf16Reader stops at NUL on request', () => {
  const reader = new Utf16Reader();
  const bytes = encode([0x41, 0, 0x42]);
  assert.equal(reader.read(bytes, 0, 3, true), 'A');
  assert.equal(reader.read(bytes, 0, 3, false), 'A\u0000B');
  const long = encode([...Array(40).fill(0x43), 0, 0x44]);
  assert.equal(reader.read(long, 0, 42, true), 'C'.repeat(40));
});

test('Utf16Reader counts unpaired surrogates', () => {
  const reader = new Utf16Reader();
  assert.equal(reader.read(encode([0x41, 0xd800, 0x42]), 0, 3, false), 'A\ufffdB');
  assert.equal(reader.read(encode([0xdc00]), 0, 1, false), '\ufffd');
  assert.equal(reader.invalidCount, 2);
});
