// Differential test over the corpus: every Windows rule of the SigmaHQ collections against the
// events of evtx-json, through the prefiltered rule set and the reference evaluator. The fast
// path must report exactly the reference's detections. The reference is slow, so it runs on
// every STRIDE-th event (set SIGIL_DIFFERENTIAL_STRIDE=1 for all of them); every detection of
// the fast path on every event is also confirmed by the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleFiles } from '../../src/cli/rule-files.ts';
import { evaluateRule, RuleSet } from '../../src/engine/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import { CORPUS, corpusMissing } from '../support/corpus.ts';

const STRIDE = Number(process.env['SIGIL_DIFFERENTIAL_STRIDE'] ?? 32);

function jsonLinesFiles(folder: string, found: string[] = []): string[] {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) jsonLinesFiles(path, found);
    else if (entry.name.endsWith('.jsonl')) found.push(path);
  }
  return found.sort();
}

const missing = corpusMissing('evtx-json') ?? corpusMissing('sigma/rules/windows');

test('rule set agrees with the reference on the corpus', { skip: missing, timeout: 600_000 }, async () => {
  const folders = readdirSync(join(CORPUS, 'sigma'))
    .filter((name) => name.startsWith('rules'))
    .map((name) => join(CORPUS, 'sigma', name, 'windows'))
    .filter((path) => {
      try {
        return readdirSync(path).length > 0;
      } catch {
        return false;
      }
    });
  const { collection } = await loadRuleFiles(folders);
  const profile = getProfile('windows')!;
  const ruleSet = new RuleSet(collection.rules, profile);
  const runnable = collection.rules.filter((rule) => !ruleSet.errors.some((error) => error.rule === rule));
  assert.ok(runnable.length > 2000, `only ${runnable.length} rules loaded`);

  let events = 0;
  let detections = 0;
  let referenceEvents = 0;
  for (const file of jsonLinesFiles(join(CORPUS, 'evtx-json'))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const event = JSON.parse(line) as Record<string, unknown>;
      const actual = ruleSet.match(event).map((compiled) => compiled.rule);
      detections += actual.length;
      for (const rule of actual) assert.ok(evaluateRule(rule, event, profile), `${file}: '${rule.title}' fired but the reference says no`);
      if (events++ % STRIDE !== 0) continue;
      referenceEvents++;
      const expected = runnable.filter((rule) => evaluateRule(rule, event, profile));
      assert.deepEqual(actual.map((rule) => rule.origin.file), expected.map((rule) => rule.origin.file), `${file}: event ${line.slice(0, 200)}`);
    }
  }
  assert.ok(events > 10_000, `only ${events} events read`);
  assert.ok(detections > 1000, `only ${detections} detections`);
  assert.ok(ruleSet.stats.skipped > ruleSet.stats.tried, `the prefilter skipped ${ruleSet.stats.skipped} and tried ${ruleSet.stats.tried}`);
  assert.ok(referenceEvents > events / STRIDE - 1);
});
