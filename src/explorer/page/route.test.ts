import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listHash, parseRoute, ruleHash, type ListState } from './route.ts';

const states: ListState[] = [
  { query: '', sort: 'relevance', filters: {} },
  { query: 'mimikatz lsass', sort: 'level', filters: { level: ['high', 'critical'], tactic: ['credential-access'] } },
  { query: 'a&b=c#d', sort: 'modified', filters: { author: ['Florian Roth (Nextron Systems)'] } },
];

for (const state of states) {
  test(`list hash round trip ${listHash(state)}`, () => {
    assert.deepEqual(parseRoute(listHash(state)), { kind: 'list', state });
  });
}

test('parseRoute reads rule and coverage routes', () => {
  assert.deepEqual(parseRoute(ruleHash('rules/a b.yml#0')), { kind: 'rule', key: 'rules/a b.yml#0' });
  assert.deepEqual(parseRoute('#/coverage'), { kind: 'coverage' });
  assert.deepEqual(parseRoute(''), { kind: 'list', state: { query: '', sort: 'relevance', filters: {} } });
});

test('parseRoute ignores unknown sort keys and facets', () => {
  assert.deepEqual(parseRoute('#/?sort=evil&color=red'), { kind: 'list', state: { query: '', sort: 'relevance', filters: {} } });
});
