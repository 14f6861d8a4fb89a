import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogEntry } from '../../catalog/types.ts';
import { groupByTactic } from './coverage-view.ts';

function entry(tactics: string[], techniques: string[]): CatalogEntry {
  return { key: `${tactics}${techniques}`, title: 't', kind: 'detection', authors: [], tags: [], references: [], falsepositives: [], tactics, techniques, related: [], file: 'x.yml' };
}

test('groupByTactic counts rules per tactic and technique', () => {
  const groups = groupByTactic([
    entry(['execution', 'persistence'], ['T1059', 'T1053.005']),
    entry(['execution'], ['T1059']),
    entry([], ['T1105']),
    entry(['discovery'], []),
  ]);
  assert.deepEqual(Object.fromEntries(groups.get('execution') ?? []), { T1059: 2, 'T1053.005': 1 });
  assert.deepEqual(Object.fromEntries(groups.get('persistence') ?? []), { T1059: 1, 'T1053.005': 1 });
  assert.deepEqual(Object.fromEntries(groups.get('') ?? []), { T1105: 1 });
  assert.equal(groups.get('discovery')?.size, 0);
});
