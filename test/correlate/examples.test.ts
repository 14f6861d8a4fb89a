// Runs the example correlation rules over the example Security logs with the real rule engine
// and profile, wired to the correlation engine the way `sigil hunt` is meant to be.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createCorrelationEngine, type CorrelationResult } from '../../src/correlate/index.ts';
import { valueDate, type FieldAccessor } from '../../src/engine/index.ts';
import { Hunter } from '../../src/hunt/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import type { RuleCollection, SigmaRule } from '../../src/sigma/model.ts';
import { errorsOf, loadRules } from './load.ts';

const root = new URL('../../examples/', import.meta.url);
const rulesFolder = new URL('rules/correlation/', root);
const logsFolder = new URL('logs/correlation/', root);

function loadExampleRules(): RuleCollection {
  const files: Record<string, string> = {};
  for (const name of readdirSync(rulesFolder).filter((file) => file.endsWith('.yml')).sort()) {
    files[`examples/rules/correlation/${name}`] = readFileSync(new URL(name, rulesFolder), 'utf8');
  }
  return loadRules(files);
}

/** Hunts the log files in the given order and feeds every match of a referenced rule to the correlation engine. */
async function huntWithCorrelations(collection: RuleCollection, logs: readonly string[]): Promise<{ result: CorrelationResult; standalone: string[] }> {
  const engine = createCorrelationEngine(collection);
  const profile = getProfile('windows');
  assert.ok(profile !== undefined);
  const accessors = new Map<string, FieldAccessor>();
  const fieldAccessor = (name: string): FieldAccessor => {
    let accessor = accessors.get(name);
    if (accessor === undefined) {
      accessor = profile.fieldAccessor(name);
      accessors.set(name, accessor);
    }
    return accessor;
  };

  const standalone: string[] = [];
  // The rule engine reports one detection per rule; those of one event arrive one after another.
  let current: { event: Record<string, unknown>; rules: SigmaRule[]; time: string | undefined; position: { file: string; line?: number } } | undefined;
  const flush = (): void => {
    if (current === undefined) return;
    const { event, rules, time, position } = current;
    // valueDate reads ISO 8601 text and takes a time without zone as UTC.
    const timestamp = valueDate(time)?.getTime();
    engine.push({ rules, timestamp, position, fieldValue: (name) => fieldAccessor(name)(event) });
    current = undefined;
  };

  const hunter = new Hunter({
    rules: collection.rules,
    profile,
    onDetection: (detection) => {
      if (!engine.suppresses(detection.rule)) standalone.push(detection.rule.name ?? detection.rule.title);
      if (!engine.references(detection.rule)) return;
      if (current?.event !== detection.event) {
        flush();
        current = { event: detection.event, rules: [], time: detection.timestamp, position: detection.source };
      }
      current.rules.push(detection.rule);
    },
  });
  for (const log of logs) await hunter.huntInput(new URL(log, logsFolder).pathname, { onWarning: () => {} });
  flush();
  return { result: engine.finish(), standalone };
}

function summarize(result: CorrelationResult): string[] {
  return result.detections
    .filter((detection) => detection.generate)
    .map((detection) => `${detection.correlation.name} ${Object.values(detection.group).join(',')} ${new Date(detection.time).toISOString()} value=${detection.value} events=${detection.eventCount}`);
}

describe('example correlation rules', () => {
  const collection = loadExampleRules();
  const expected = [
    'brute_force_then_logon amelia.ross 2026-03-02T09:01:15.000Z value=2 events=11',
    'password_spray 198.51.100.77 2026-03-02T09:02:28.000Z value=5 events=5',
  ];

  test('load without errors', () => {
    assert.deepEqual(errorsOf(collection), []);
  });

  for (const logs of [['dc01-security-archive.jsonl', 'dc01-security.jsonl'], ['dc01-security.jsonl', 'dc01-security-archive.jsonl']]) {
    test(`fire on the example logs (${logs.join(', ')})`, async () => {
      const { result, standalone } = await huntWithCorrelations(collection, logs);
      assert.deepEqual(summarize(result), expected);
      assert.deepEqual(result.warnings, []);
      // Both base rules are building blocks only, so nothing alerts on its own.
      assert.deepEqual(standalone, []);
    });
  }
});
