import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parentTechnique, readAttackTags } from './attack-tags.ts';

const cases: Array<{ tags: string[]; tactics: string[]; techniques: string[] }> = [
  { tags: ['attack.execution', 'attack.t1203'], tactics: ['execution'], techniques: ['T1203'] },
  { tags: ['attack.defense_evasion', 'attack.T1059.001'], tactics: ['defense-evasion'], techniques: ['T1059.001'] },
  { tags: ['attack.g0010', 'attack.s0002', 'cve.2021-44228'], tactics: [], techniques: [] },
  { tags: ['attack.stealth', 'attack.stealth', 'attack.t1027', 'attack.t1027'], tactics: ['stealth'], techniques: ['T1027'] },
  { tags: ['detection.threat-hunting'], tactics: [], techniques: [] },
];

for (const { tags, tactics, techniques } of cases) {
  test(`readAttackTags ${tags.join(' ')}`, () => {
    const read = readAttackTags(tags);
    assert.deepEqual(read.tactics, tactics);
    assert.deepEqual(read.techniques, techniques);
  });
}

test('parentTechnique strips the sub-technique', () => {
  assert.equal(parentTechnique('T1059.001'), 'T1059');
  assert.equal(parentTechnique('T1059'), 'T1059');
});
