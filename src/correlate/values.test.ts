import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { numericValue, percentile, valueKey, valueText } from './values.ts';

describe('valueText', () => {
  const cases: Array<[unknown, string | undefined]> = [
    ['alice', 'alice'],
    ['', ''],
    [4624, '4624'],
    [12345678901234567890n, '12345678901234567890'],
    [true, 'true'],
    [null, undefined],
    [undefined, undefined],
    [['only'], 'only'],
    [['a', 'b'], '["a","b"]'],
    [{ n: 1n }, '{"n":"1"}'],
  ];
  for (const [value, expected] of cases) {
    test(`reads ${String(value)}`, () => assert.equal(valueText(value), expected));
  }

  test('keys fold case beyond ASCII', () => assert.equal(valueKey('ÄLICE'), valueKey('älice')));
});

describe('numericValue', () => {
  const cases: Array<[unknown, number | undefined]> = [
    [12, 12],
    [-1.5, -1.5],
    ['42', 42],
    [' 7 ', 7],
    ['1e3', 1000],
    ['.5', 0.5],
    [5n, 5],
    [['9'], 9],
    ['0x10', undefined],
    ['12abc', undefined],
    ['', undefined],
    [true, undefined],
    [null, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ];
  for (const [value, expected] of cases) {
    test(`reads ${JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item))}`, () => assert.equal(numericValue(value), expected));
  }
});

describe('percentile', () => {
  const cases: Array<[number[], number, number | undefined]> = [
    [[], 50, undefined],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2.5],
    [[4, 1, 3, 2], 50, 2.5],
    [[1, 2, 3, 10], 75, 4.75],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90, 91],
    [[1, 2, 3], 0, 1],
    [[1, 2, 3], 100, 3],
  ];
  for (const [values, rank, expected] of cases) {
    test(`p${rank} of [${values.join(', ')}]`, () => assert.equal(percentile(values, rank), expected));
  }
});
