// Golden files of correlation queries: the example and test correlations converted for every
// target, compared with the stored output. Run with UPDATE_GOLDEN=1 to rewrite the files after
// an intended change, then review the diff. The raw profile keeps the SQL short enough to read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { convertCorrelations, RAW_PROFILE, TARGET_NAMES, type TargetName } from '../../src/backends/index.ts';
import { loadCorrelationRules } from './correlation-cases.ts';

function goldenPath(target: TargetName): string {
  return new URL(`./golden/correlation-${target}.json`, import.meta.url).pathname;
}

describe('golden correlation conversions', () => {
  const collection = loadCorrelationRules();
  for (const target of TARGET_NAMES) {
    test(target, () => {
      const actual: Record<string, string> = {};
      for (const result of convertCorrelations(collection, { target, profile: RAW_PROFILE })) {
        const name = result.correlation.name ?? result.correlation.title;
        actual[name] = result.ok ? result.query : `REJECTED ${result.error.construct}: ${result.error.message}`;
      }
      const path = goldenPath(target);
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')));
    });
  }

  test('flat layout rejected', () => {
    const [result] = convertCorrelations(collection, { target: 'duckdb', profile: RAW_PROFILE, options: { layout: 'flat' } });
    assert.equal(result?.ok, false);
    assert.equal(result?.ok === false ? result.error.construct : '', 'correlation (flat layout)');
  });
});
