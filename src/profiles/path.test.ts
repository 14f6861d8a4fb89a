import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePath, resolvePath } from './path.ts';

const event = {
  a: { b: { c: 1 } },
  'x.y': 'literal',
  list: [{ name: 'first' }, { name: 'second' }, { other: 3 }],
  nested: [['p', 'q'], ['r']],
  holder: { one_attributes: { xmlns: 'ns' }, one: { field: 'found' } },
  empty: null,
  big: 18446744073709551615n,
};

describe('resolvePath', () => {
  const cases: Array<{ path: string[]; expected: unknown }> = [
    { path: ['a', 'b', 'c'], expected: 1 },
    { path: ['a', 'b'], expected: { c: 1 } },
    { path: ['a', 'missing'], expected: undefined },
    { path: ['a', 'b', 'c', 'd'], expected: undefined },
    { path: ['x.y'], expected: 'literal' },
    { path: ['list', '1', 'name'], expected: 'second' },
    { path: ['list', '7', 'name'], expected: undefined },
    { path: ['list', 'name'], expected: ['first', 'second'] },
    { path: ['list', '*', 'other'], expected: [3] },
    { path: ['nested', '0'], expected: ['p', 'q'] },
    { path: ['holder', '*', 'field'], expected: 'found' },
    { path: ['holder', '*', 'xmlns'], expected: 'ns' },
    { path: ['empty'], expected: null },
    { path: ['empty', 'x'], expected: undefined },
    { path: ['big'], expected: 18446744073709551615n },
    { path: ['constructor'], expected: undefined },
    { path: ['a', 'toString'], expected: undefined },
    { path: ['__proto__'], expected: undefined },
  ];
  for (const { path, expected } of cases) {
    test(path.join('.'), () => {
      assert.deepEqual(resolvePath(event, compilePath(path)), expected);
    });
  }
});
