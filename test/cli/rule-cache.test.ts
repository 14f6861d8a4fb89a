// The parsed-rule cache: hits for unchanged files, one cache file per set of rule paths, and
// entries of files the last load did not read are dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleCache } from '../../src/cli/rule-cache.ts';
import type { RuleCollection } from '../../src/sigma/index.ts';
import { tempFolder } from '../support/cli.ts';

function collectionNamed(title: string): RuleCollection {
  return { rules: [], filters: [], correlations: [], diagnostics: [{ code: 'FILE_READ', severity: 'warning', message: title, span: { file: title, line: 1, column: 1, yamlPath: [] } }] };
}

test('rule cache hits, misses and drops entries', async () => {
  const rules = tempFolder();
  const cacheFolder = tempFolder();
  const first = join(rules, 'first.yml');
  const second = join(rules, 'second.yml');
  writeFileSync(first, 'title: first\n');
  writeFileSync(second, 'title: second\n');

  const filling = await RuleCache.open([rules], '{}', cacheFolder);
  assert.equal(filling.get(first), undefined, 'an empty cache has nothing');
  filling.set(first, statSync(first), collectionNamed('first'));
  filling.set(second, statSync(second), collectionNamed('second'));
  await filling.save();
  assert.equal(readdirSync(cacheFolder).length, 1);

  const reading = await RuleCache.open([rules], '{}', cacheFolder);
  assert.deepEqual(reading.get(first), collectionNamed('first'));
  // Only `first` is read this time, so the save drops `second`.
  await reading.save();
  const afterDrop = await RuleCache.open([rules], '{}', cacheFolder);
  assert.equal(afterDrop.get(second), undefined, 'an entry the last load did not read is dropped');
  assert.deepEqual(afterDrop.get(first), collectionNamed('first'));

  const otherOptions = await RuleCache.open([rules], '{"placeholders":{}}', cacheFolder);
  assert.equal(otherOptions.get(first), undefined, 'other load options use another cache file');
  const otherRoots = await RuleCache.open([first], '{}', cacheFolder);
  assert.equal(otherRoots.get(first), undefined, 'other rule paths use another cache file');

  writeFileSync(first, 'title: first, changed\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(first, later, later);
  const changed = await RuleCache.open([rules], '{}', cacheFolder);
  assert.equal(changed.get(first), undefined, 'a changed file misses');
});

test('rule cache deletes month-old cache files', async () => {
  const cacheFolder = tempFolder();
  const old = join(cacheFolder, 'rules-0123456789abcdef.json');
  const unrelated = join(cacheFolder, 'notes.json');
  writeFileSync(old, '{}');
  writeFileSync(unrelated, '{}');
  const monthsAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
  utimesSync(old, monthsAgo, monthsAgo);
  utimesSync(unrelated, monthsAgo, monthsAgo);
  const rules = tempFolder();
  const file = join(rules, 'rule.yml');
  writeFileSync(file, 'title: rule\n');

  const cache = await RuleCache.open([rules], '{}', cacheFolder);
  cache.set(file, statSync(file), collectionNamed('rule'));
  await cache.save();
  const names = readdirSync(cacheFolder);
  assert.ok(!names.includes('rules-0123456789abcdef.json'), 'the old cache file is deleted');
  assert.ok(names.includes('notes.json'), 'other files are kept');
  assert.equal(names.filter((name) => name.startsWith('rules-')).length, 1);
  assert.ok(readFileSync(join(cacheFolder, names.find((name) => name.startsWith('rules-'))!), 'utf8').includes('"rule"'));
});
