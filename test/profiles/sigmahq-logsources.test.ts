import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Logsource } from '../../src/sigma/model.ts';
import { getProfile, variantPredicate, type Profile } from '../../src/profiles/index.ts';
import { corpusPath, listFiles, missingCorpus, readConcatenatedJson } from './corpus.ts';
import { toWinlogbeatShape } from './evtx-shapes.ts';

const windows = getProfile('windows')!;
const winlogbeat = getProfile('winlogbeat')!;

function logsource(fields: Record<string, unknown>): Logsource {
  const read = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
  const result: Logsource = { custom: {}, span: { file: 'test', line: 1, column: 1, yamlPath: ['logsource'] } };
  const category = read('category');
  const product = read('product');
  const service = read('service');
  if (category !== undefined) result.category = category;
  if (product !== undefined) result.product = product;
  if (service !== undefined) result.service = service;
  return result;
}

function describeLogsource(source: Logsource): string {
  return ['product', 'category', 'service']
    .filter((key) => source[key as keyof Logsource] !== undefined)
    .map((key) => `${key}: ${String(source[key as keyof Logsource])}`)
    .join(', ');
}

/** Collects every distinct logsource of the Windows rule folders, with the number of rules using it. */
function windowsRuleLogsources(): Map<string, { source: Logsource; rules: number }> {
  const found = new Map<string, { source: Logsource; rules: number }>();
  const root = corpusPath('sigma');
  const folders = readdirSync(root).filter((name) => name.startsWith('rules'));
  for (const folder of folders) {
    let files: string[];
    try {
      files = listFiles(corpusPath('sigma', folder, 'windows'), '.yml');
    } catch {
      continue; // this rule folder has no windows/ subfolder
    }
    for (const file of files) {
      for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
        const data = document.toJS() as { logsource?: Record<string, unknown> } | null;
        if (data?.logsource === undefined) continue;
        const source = logsource(data.logsource);
        const key = describeLogsource(source);
        const entry = found.get(key) ?? { source, rules: 0 };
        entry.rules++;
        found.set(key, entry);
      }
    }
  }
  return found;
}

describe('SigmaHQ Windows rule logsources', () => {
  const skip = missingCorpus('sigma');
  const logsources = skip === undefined ? windowsRuleLogsources() : new Map();

  for (const profile of [windows, winlogbeat]) {
    test(`every logsource has a ${profile.name} variant`, { skip }, () => {
      assert.ok(logsources.size > 50, `expected many distinct logsources, found ${logsources.size}`);
      const unmapped = [...logsources.entries()]
        .filter(([, { source }]) => profile.logsourceVariants(source).length === 0)
        .map(([key, { rules }]) => `${key} (${rules} rules)`);
      assert.deepEqual(unmapped, [], `unmapped logsources:\n${unmapped.join('\n')}`);
    });
  }
});

interface RegressionEntry {
  rule_path: string;
  logsource: Record<string, unknown>;
  tests: Array<{ match_count: number | null; json_path: string }>;
}

/** Counts the events that meet at least one of the profile's variants for the logsource. */
function countSelected(profile: Profile, source: Logsource, events: Array<Record<string, unknown>>): number {
  const predicates = profile.logsourceVariants(source).map((variant) => variantPredicate(profile, variant));
  return events.filter((event) => predicates.some((predicate) => predicate(event))).length;
}

describe('SigmaHQ regression events meet their rule logsource', () => {
  const skip = missingCorpus('sigma', 'regression_index.json');
  const entries: RegressionEntry[] =
    skip === undefined ? JSON.parse(readFileSync(corpusPath('sigma', 'regression_index.json'), 'utf8')) : [];
  const windowsEntries = entries.filter((entry) => entry.logsource.product === 'windows');

  test('windows profile, #attributes shape', { skip }, () => {
    assert.ok(windowsEntries.length > 150, `expected the regression tests, found ${windowsEntries.length}`);
    const failures: string[] = [];
    for (const entry of windowsEntries) {
      for (const regression of entry.tests) {
        const events = readConcatenatedJson(corpusPath('sigma', regression.json_path));
        const selected = countSelected(windows, logsource(entry.logsource), events);
        if (selected < (regression.match_count ?? 1)) failures.push(`${entry.rule_path}: ${selected} of ${events.length} events selected`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('winlogbeat profile, converted events', { skip }, () => {
    const failures: string[] = [];
    for (const entry of windowsEntries) {
      for (const regression of entry.tests) {
        const events = readConcatenatedJson(corpusPath('sigma', regression.json_path)).map((event) =>
          toWinlogbeatShape(fromAttributesShape(event)),
        );
        const selected = countSelected(winlogbeat, logsource(entry.logsource), events);
        if (selected < (regression.match_count ?? 1)) failures.push(`${entry.rule_path}: ${selected} of ${events.length} events selected`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

/** Inverts toAttributesShape, enough for the System block the Winlogbeat converter reads. */
function fromAttributesShape(value: unknown): Record<string, unknown> {
  const convert = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(convert);
    if (item === null || typeof item !== 'object') return item;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(item)) {
      if (child !== null && typeof child === 'object' && !Array.isArray(child) && '#attributes' in child) {
        const { '#attributes': attributes, '#text': text, ...rest } = child as Record<string, unknown>;
        out[`${key}_attributes`] = attributes;
        if (text !== undefined) out[key] = convert(text);
        else if (Object.keys(rest).length > 0) out[key] = convert(rest);
      } else {
        out[key] = convert(child);
      }
    }
    return out;
  };
  return convert(value) as Record<string, unknown>;
}
