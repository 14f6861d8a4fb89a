import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSigmaText, type SigmaDocument } from '../../sigma/index.ts';
import { buildCatalog, splitAuthors } from './build-catalog.ts';

function load(text: string, file: string): SigmaDocument[] {
  const collection = parseSigmaText(text, file);
  assert.deepEqual(collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
  return [...collection.rules, ...collection.filters, ...collection.correlations];
}

function rule(id: string, extra = ''): string {
  return `title: Rule ${id}\nid: ${id}\nstatus: test\nlevel: high\nauthor: Ann (Company, Inc.), Bob\n${extra}logsource:\n    product: windows\n    category: process_creation\ndetection:\n    selection:\n        Image|endswith: '\\x.exe'\n    condition: selection\n`;
}

const ID_A = '11111111-1111-4111-8111-111111111111';
const ID_B = '22222222-2222-4222-8222-222222222222';

test('buildCatalog classifies kinds by tag and folder', () => {
  const documents = [
    ...load(rule(ID_A), '/r/rules/windows/a.yml'),
    ...load(rule(ID_B), '/r/rules-threat-hunting/windows/b.yml'),
    ...load(rule('33333333-3333-4333-8333-333333333333', 'tags:\n    - detection.emerging-threats\n'), '/r/rules/c.yml'),
  ];
  const kinds = buildCatalog(documents).entries.map((entry) => entry.kind);
  assert.deepEqual(kinds, ['detection', 'threat-hunting', 'emerging-threat']);
});

test('buildCatalog keys repeated ids by file and document', () => {
  const documents = [...load(rule(ID_A), '/r/rules/a.yml'), ...load(rule(ID_A), '/r/rules/copy.yml')];
  const keys = buildCatalog(documents, { roots: ['/r/rules'] }).entries.map((entry) => entry.key);
  assert.deepEqual(keys, ['rules/a.yml#0', 'rules/copy.yml#0']);
});

test('buildCatalog copies metadata and logsource', () => {
  const catalog = buildCatalog(load(rule(ID_A, 'tags:\n    - attack.execution\n    - attack.t1059\n'), '/r/rules/a.yml'), { roots: ['/r/rules'] });
  const [entry] = catalog.entries;
  assert.ok(entry);
  assert.equal(entry.key, ID_A);
  assert.equal(entry.file, 'rules/a.yml');
  assert.equal(entry.level, 'high');
  assert.deepEqual(entry.authors, ['Ann (Company, Inc.)', 'Bob']);
  assert.deepEqual(entry.logsource, { product: 'windows', category: 'process_creation' });
  assert.deepEqual(entry.tactics, ['execution']);
  assert.deepEqual(entry.techniques, ['T1059']);
  assert.match(catalog.texts[ID_A] ?? '', /^title: Rule/);
});

test('buildCatalog keeps correlation references and names', () => {
  const text = `title: Many failures\nid: ${ID_B}\ncorrelation:\n    type: event_count\n    rules:\n        - failed_logon\n    group-by:\n        - User\n    timespan: 5m\n    condition:\n        gte: 10\n`;
  const documents = [...load(rule(ID_A, 'name: failed_logon\n'), '/r/a.yml'), ...load(text, '/r/b.yml')];
  const [base, correlation] = buildCatalog(documents).entries;
  assert.equal(base?.name, 'failed_logon');
  assert.equal(correlation?.kind, 'correlation');
  assert.deepEqual(correlation?.correlatedRules, ['failed_logon']);
  assert.equal(correlation?.logsource, undefined);
});

test('splitAuthors handles empty and single names', () => {
  assert.deepEqual(splitAuthors(undefined), []);
  assert.deepEqual(splitAuthors('Florian Roth (Nextron Systems)'), ['Florian Roth (Nextron Systems)']);
  assert.deepEqual(splitAuthors('a, , b'), ['a', 'b']);
});
