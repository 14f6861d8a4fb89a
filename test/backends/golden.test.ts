// Golden files: every construct converted for every target, compared with the stored output.
// Run with UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
// Lucene and KQL queries are also checked with a parser of that language.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { backendProfile, convertRule, TARGET_NAMES, type TargetName } from '../../src/backends/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import { CONSTRUCTS } from './constructs.ts';

const require = createRequire(import.meta.url);
const lucene = require('lucene') as { parse(query: string): unknown };

interface KustoDiagnostics {
  Count: number;
  getItem(index: number): { Message: string };
}
let kusto: { Language: { KustoCode: { Parse(text: string): { GetDiagnostics(): KustoDiagnostics } } } } | undefined;

function kustoErrors(query: string): string[] {
  if (!kusto) {
    require('@kusto/language-service-next/bridge.min.js');
    require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    kusto = (globalThis as unknown as { Kusto: NonNullable<typeof kusto> }).Kusto;
  }
  const diagnostics = kusto.Language.KustoCode.Parse(query).GetDiagnostics();
  return Array.from({ length: diagnostics.Count }, (_, index) => diagnostics.getItem(index).Message);
}

const PARSERS: Partial<Record<TargetName, (query: string) => void>> = {
  // The `lucene` package rejects `\` escapes inside /regex/ terms, which Lucene accepts, so
  // regex terms are replaced by a plain one before parsing.
  lucene: (query) => void lucene.parse(query.replace(/\/(?:\\[^]|[^/\\])*\//g, '/x/')),
  kql: (query) => assert.deepEqual(kustoErrors(query), [], query),
};

function goldenPath(target: TargetName): string {
  return new URL(`./golden/${target}.json`, import.meta.url).pathname;
}

describe('golden conversions', () => {
  for (const target of TARGET_NAMES) {
    test(target, () => {
      // SQL reads the JSON shape of the windows profile; the others use Winlogbeat field names.
      const sql = ['postgres', 'duckdb', 'sqlite', 'clickhouse'].includes(target);
      const profile = backendProfile(getProfile(sql ? 'windows' : 'winlogbeat')!);
      const actual: Record<string, string> = {};
      for (const [name, rule] of Object.entries(CONSTRUCTS)) {
        const result = convertRule(rule, { target, profile });
        actual[name] = result.ok ? result.query : `REJECTED ${result.error.construct}: ${result.error.message}`;
        if (result.ok) PARSERS[target]?.(result.query);
      }
      const path = goldenPath(target);
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(path, 'utf8')));
    });
  }
});
