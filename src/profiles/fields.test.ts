import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCondition, meetsConditions } from './fields.ts';

describe('meetsConditions', () => {
  const channel = (event: Record<string, unknown>) => event.channel;
  const cases: Array<{ name: string; accepted: string[]; value: unknown; expected: boolean }> = [
    { name: 'same text', accepted: ['Security'], value: 'Security', expected: true },
    { name: 'other case', accepted: ['Security'], value: 'SECURITY', expected: true },
    { name: 'other text, same length', accepted: ['Security'], value: 'Securitx', expected: false },
    { name: 'other length', accepted: ['Security'], value: 'System', expected: false },
    { name: 'number as text', accepted: ['4688'], value: 4688, expected: true },
    { name: 'bigint as text', accepted: ['18446744073709551615'], value: 18446744073709551615n, expected: true },
    { name: 'boolean as text', accepted: ['true'], value: true, expected: true },
    { name: 'any list item', accepted: ['b'], value: ['a', 'b'], expected: true },
    { name: 'no list item', accepted: ['c'], value: ['a', 'b'], expected: false },
    { name: 'absent', accepted: ['x'], value: undefined, expected: false },
    { name: 'null', accepted: ['null'], value: null, expected: false },
    { name: 'object', accepted: ['[object Object]'], value: {}, expected: false },
    { name: 'non-ASCII case', accepted: ['Äpfel'], value: 'äPFEL', expected: true },
    // "İ" lower-cases to two code units, so the event value is shorter than the accepted one.
    { name: 'lower-casing grows the text', accepted: ['İstanbul'], value: 'İSTANBUL', expected: true },
  ];
  for (const { name, accepted, value, expected } of cases) {
    test(name, () => {
      const condition = compileCondition(channel, { field: 'channel', values: accepted });
      assert.equal(meetsConditions({ channel: value }, [condition]), expected);
    });
  }

  test('every condition must hold', () => {
    const conditions = [
      compileCondition((event) => event.a, { field: 'a', values: ['1'] }),
      compileCondition((event) => event.b, { field: 'b', values: ['2', '3'] }),
    ];
    assert.equal(meetsConditions({ a: 1, b: 3 }, conditions), true);
    assert.equal(meetsConditions({ a: 1, b: 4 }, conditions), false);
    assert.equal(meetsConditions({ a: 2, b: 3 }, conditions), false);
  });
});
