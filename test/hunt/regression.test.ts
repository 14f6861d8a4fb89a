// SigmaHQ's regression data: each rule must fire on its events at least the expected number of times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RuleSet } from '../../src/engine/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import { parseSigmaText } from '../../src/sigma/index.ts';
import { openInput } from '../../src/sources/index.ts';
import { CORPUS, corpusMissing } from '../support/corpus.ts';

interface RegressionEntry {
  rule_path: string;
  tests: Array<{ json_path: string; match_count?: number }>;
}

/**
 * Known failures, each with its reason. The test fails if one of them starts passing,
 * so the list stays true.
 */
const KNOWN_FAILURES: Record<string, string> = {};

test('SigmaHQ regression data fires', { skip: corpusMissing('sigma/regression_index.json') }, async () => {
  const root = `${CORPUS}sigma/`;
  const index = JSON.parse(readFileSync(`${root}regression_index.json`, 'utf8')) as RegressionEntry[];
  const profile = getProfile('windows')!;
  const failures: string[] = [];
  let passed = 0;

  for (const entry of index) {
    const collection = parseSigmaText(readFileSync(root + entry.rule_path, 'utf8'), entry.rule_path);
    const ruleSet = new RuleSet(collection.rules, profile);
    let ok = collection.rules.length === 1;
    for (const regression of entry.tests) {
      let matches = 0;
      for await (const batch of openInput(root + regression.json_path)) {
        for (const item of batch) matches += ruleSet.match(item.event).length;
      }
      if (matches < (regression.match_count ?? 1)) ok = false;
    }
    if (ok) passed++;
    const known = entry.rule_path in KNOWN_FAILURES;
    if (!ok && !known) failures.push(entry.rule_path);
    if (ok && known) failures.push(`${entry.rule_path} passes now: remove it from KNOWN_FAILURES`);
  }

  console.log(`regression data: ${passed} of ${index.length} rules fire as expected; ${Object.keys(KNOWN_FAILURES).length} known failures`);
  assert.deepEqual(failures, []);
});
