import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogEntry } from '../../catalog/types.ts';
import type { ListState } from '../route.ts';
import { buildSearchIndex, search } from './search.ts';

function entry(key: string, fields: Partial<CatalogEntry>): CatalogEntry {
  return {
    key,
    title: key,
    kind: 'detection',
    authors: [],
    tags: [],
    references: [],
    falsepositives: [],
    tactics: [],
    techniques: [],
    related: [],
    file: `${key}.yml`,
    ...fields,
  };
}

const entries = [
  entry('Mimikatz Use', { level: 'high', description: 'Detects lsass access', tactics: ['credential-access'], techniques: ['T1003.001'], logsource: { product: 'windows' } }),
  entry('Suspicious Curl', { level: 'medium', author: 'Ann', authors: ['Ann'], logsource: { product: 'linux' } }),
  entry('Rare Lsass Dump', { level: 'critical', kind: 'threat-hunting', modified: '2025-01-01', logsource: { product: 'windows' } }),
  entry('Old Rule', { level: 'high', date: '2019-01-01', id: 'aaaa-bbbb', logsource: { product: 'windows' } }),
];
const index = buildSearchIndex(entries);

function titles(state: Partial<ListState>): string[] {
  return search(index, { query: '', sort: 'title', filters: {}, ...state }).entries.map((item) => item.title);
}

const cases: Array<{ name: string; state: Partial<ListState>; expected: string[] }> = [
  { name: 'every word must match', state: { query: 'lsass dump' }, expected: ['Rare Lsass Dump'] },
  { name: 'description is searched', state: { query: 'LSASS' }, expected: ['Mimikatz Use', 'Rare Lsass Dump'] },
  { name: 'ATT&CK id is searched', state: { query: 't1003.001' }, expected: ['Mimikatz Use'] },
  { name: 'id is searched', state: { query: 'aaaa-bbbb' }, expected: ['Old Rule'] },
  { name: 'author is searched', state: { query: 'ann' }, expected: ['Suspicious Curl'] },
  { name: 'values OR within a facet', state: { filters: { level: ['critical', 'medium'] } }, expected: ['Rare Lsass Dump', 'Suspicious Curl'] },
  { name: 'facets AND together', state: { filters: { level: ['high'], product: ['windows'], kind: ['detection'] } }, expected: ['Mimikatz Use', 'Old Rule'] },
  { name: 'relevance puts title hits first', state: { query: 'lsass', sort: 'relevance' }, expected: ['Rare Lsass Dump', 'Mimikatz Use'] },
  { name: 'level sort is by severity', state: { sort: 'level' }, expected: ['Rare Lsass Dump', 'Mimikatz Use', 'Old Rule', 'Suspicious Curl'] },
  { name: 'modified sort falls back to date', state: { sort: 'modified' }, expected: ['Rare Lsass Dump', 'Old Rule', 'Mimikatz Use', 'Suspicious Curl'] },
];

for (const { name, state, expected } of cases) {
  test(`search: ${name}`, () => {
    assert.deepEqual(titles(state), expected);
  });
}

test('facet counts ignore their own selection', () => {
  const result = search(index, { query: '', sort: 'title', filters: { level: ['high'], product: ['windows'] } });
  assert.deepEqual(Object.fromEntries(result.facetCounts.level), { high: 2, critical: 1 });
  assert.deepEqual(Object.fromEntries(result.facetCounts.product), { windows: 2 });
  assert.deepEqual(Object.fromEntries(result.facetCounts.kind), { detection: 2 });
});
