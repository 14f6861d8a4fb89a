import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { longestOrderedChain, targetsPresent, targetsPresentInOrder } from './temporal.ts';

/** Builds window entries from `[time, ...targets]` tuples. */
function entries(...items: Array<[number, ...number[]]>): Array<{ time: number; targets: number[] }> {
  return items.map(([time, ...targets]) => ({ time, targets }));
}

describe('longestOrderedChain', () => {
  const cases: Array<{ name: string; window: Array<{ time: number; targets: number[] }>; expected: number }> = [
    { name: 'empty window', window: entries(), expected: 0 },
    { name: 'listed order', window: entries([0, 0], [1, 1], [2, 2]), expected: 3 },
    { name: 'reverse order', window: entries([0, 2], [1, 1], [2, 0]), expected: 1 },
    { name: 'equal times do not chain', window: entries([0, 0], [0, 1], [0, 2]), expected: 1 },
    { name: 'a later repeat completes the chain', window: entries([0, 0], [1, 2], [2, 1], [3, 2]), expected: 3 },
    { name: 'a chain may skip a rule', window: entries([0, 1], [1, 2]), expected: 2 },
    { name: 'one event of two rules counts once in the chain', window: entries([0, 0, 1]), expected: 1 },
  ];
  for (const { name, window, expected } of cases) {
    test(name, () => assert.equal(longestOrderedChain(window, 3), expected));
  }
});

describe('targetsPresentInOrder', () => {
  test('b before a is not in order', () => assert.deepEqual(targetsPresentInOrder(entries([0, 1], [1, 0]), 2), [true, false]));
  test('b after a is in order', () => assert.deepEqual(targetsPresentInOrder(entries([0, 0], [1, 1]), 2), [true, true]));
  test('b at the same time is not in order', () => assert.deepEqual(targetsPresentInOrder(entries([0, 0], [0, 1]), 2), [true, false]));
  test('b counts when a is absent', () => assert.deepEqual(targetsPresentInOrder(entries([0, 1]), 2), [false, true]));
});

describe('targetsPresent', () => {
  test('lists every rule seen', () => assert.deepEqual(targetsPresent(entries([0, 2], [0, 0]), 3), [true, false, true]));
});
