import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogEntry } from '../../catalog/types.ts';
import { buildNavigatorLayer } from './navigator-layer.ts';

function entry(techniques: string[]): CatalogEntry {
  return { key: techniques.join(), title: 't', kind: 'detection', authors: [], tags: [], references: [], falsepositives: [], tactics: [], techniques, related: [], file: 'x.yml' };
}

test('navigator layer scores techniques by rule count', () => {
  const layer = buildNavigatorLayer([entry(['T1059.001', 'T1003']), entry(['T1059.001']), entry([])]);
  assert.equal(layer.domain, 'enterprise-attack');
  assert.equal(layer.versions.layer, '4.5');
  assert.deepEqual(
    layer.techniques.map(({ techniqueID, score }) => [techniqueID, score]),
    [
      ['T1003', 1],
      ['T1059.001', 2],
    ],
  );
  assert.equal(layer.gradient.maxValue, 2);
  assert.equal(layer.techniques[1]?.comment, '2 rules');
});
