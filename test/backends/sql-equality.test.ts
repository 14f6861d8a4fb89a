// Converts SigmaHQ Windows rules for each SQL engine, runs the queries over the corpus events,
// and compares the selected events with those Sigil's engine matches.
//
// By default a sample is compared, which keeps the run to minutes: every 5th rule that fires on
// the corpus and every 50th other rule, and a quarter of that sample on DuckDB and ClickHouse,
// which parse the JSON text on every field access (about 3 s per query over the corpus on a
// busy 2-core machine). Set SIGIL_BACKEND_RULES=firing for every rule that fires plus every
// 20th other rule on every engine, or SIGIL_BACKEND_RULES=all for every rule.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backendProfile, convertRule, type TargetName } from '../../src/backends/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import type { SigmaRule } from '../../src/sigma/index.ts';
import { corpusPresent, engineMatches, loadEvents, loadWindowsRules, CORPUS, type CorpusEvent } from './corpus.ts';
import { openPostgres, postgresBin } from './postgres-server.ts';
import { openClickhouse, openDuckdb, openSqlite, type SqlEngine } from './sql-engines.ts';
import { KNOWN_DISAGREEMENTS } from './known-disagreements.ts';

interface Corpus {
  rules: SigmaRule[];
  events: CorpusEvent[];
  expected: Map<SigmaRule, number[]>;
}

let corpus: Corpus | undefined;

function loadCorpus(): Corpus {
  if (corpus) return corpus;
  const profile = getProfile('windows')!;
  const all = loadWindowsRules();
  const events = loadEvents();
  const expected = engineMatches(all, events, profile);
  const firing = all.filter((rule) => expected.get(rule)!.length > 0);
  const quiet = all.filter((rule) => expected.get(rule)!.length === 0);
  const mode = process.env['SIGIL_BACKEND_RULES'] ?? 'sample';
  const rules =
    mode === 'all'
      ? all
      : mode === 'firing'
        ? [...firing, ...quiet.filter((_, index) => index % 20 === 0)]
        : [...firing.filter((_, index) => index % 5 === 0), ...quiet.filter((_, index) => index % 50 === 0)];
  corpus = { rules, events, expected };
  return corpus;
}

async function compareTarget(
  target: TargetName,
  open: (events: readonly CorpusEvent[]) => Promise<SqlEngine>,
  sampleEvery = 1,
): Promise<void> {
  const { events, expected } = loadCorpus();
  const sampled = process.env['SIGIL_BACKEND_RULES'] === undefined ? sampleEvery : 1;
  const rules = loadCorpus().rules.filter((_, index) => index % sampled === 0);

  const profile = backendProfile(getProfile('windows')!);
  const engine = await open(events);
  const rejected = new Map<string, number>();
  const disagreements: string[] = [];
  let agreed = 0;
  let firing = 0;
  try {
    for (const rule of rules) {
      const result = convertRule(rule, { target, profile });
      if (!result.ok) {
        rejected.set(result.error.construct, (rejected.get(result.error.construct) ?? 0) + 1);
        continue;
      }
      const want = expected.get(rule)!;
      let got: number[];
      try {
        got = (await engine.ids(result.query)).sort((a, b) => a - b);
      } catch (error) {
        const known = KNOWN_DISAGREEMENTS[target]?.find((entry) => rule.origin.file.endsWith(entry.rule));
        const line = `${rule.origin.file}: query failed: ${(error as Error).message.split('\n')[0]}`;
        disagreements.push(known ? `${line} [known: ${known.reason}]` : line);
        continue;
      }
      if (want.length > 0) firing += 1;
      if (got.length === want.length && got.every((id, index) => id === want[index])) {
        agreed += 1;
        continue;
      }
      const known = KNOWN_DISAGREEMENTS[target]?.find((entry) => rule.origin.file.endsWith(entry.rule));
      const missing = want.filter((id) => !got.includes(id)).length;
      const extra = got.filter((id) => !want.includes(id)).length;
      const line = `${rule.origin.file.replace(CORPUS, '')}: engine ${want.length}, ${target} ${got.length} (missing ${missing}, extra ${extra})`;
      disagreements.push(known ? `${line} [known: ${known.reason}]` : line);
    }
  } finally {
    await engine.close();
  }
  const converted = rules.length - [...rejected.values()].reduce((sum, count) => sum + count, 0);
  console.log(`${target}: ${rules.length} rules, ${converted} converted, ${agreed} agree with the engine (${firing} fire on the corpus), ${disagreements.length} disagree`);
  console.log(`${target}: rejected ${[...rejected].map(([construct, count]) => `${construct} ×${count}`).join(', ') || 'none'}`);
  for (const line of disagreements) console.log(`  ${line}`);
  const unexplained = disagreements.filter((line) => !line.includes('[known:'));
  assert.deepEqual(unexplained, [], `${target}: disagreements without a documented reason`);
}

describe('converted SigmaHQ rules select what the engine matches', { skip: corpusPresent() ? false : `corpus not found at ${CORPUS}` }, () => {
  before(() => {
    loadCorpus();
  });
  after(() => {
    corpus = undefined;
  });

  test('sqlite', { timeout: 600_000 }, () => compareTarget('sqlite', openSqlite));
  test('duckdb', { timeout: 1_800_000 }, () => compareTarget('duckdb', openDuckdb, 4));
  test('clickhouse', { timeout: 1_800_000 }, () => compareTarget('clickhouse', openClickhouse, 4));
  const bin = postgresBin();
  // NOTE: PostgreSQL is slow on these queries (a wildcard JSON path per field test), so by
  // default it compares a smaller sample: every 12th rule of the sample the others use.
  const postgresSkip = bin === undefined || process.getuid?.() !== 0 ? 'PostgreSQL or root not available' : false;
  const postgresStride = Number(process.env['SIGIL_BACKEND_POSTGRES_STRIDE'] ?? 12);
  test('postgres', { timeout: 1_800_000, skip: postgresSkip }, () =>
    compareTarget('postgres', (events) => openPostgres(bin!, events), postgresStride),
  );
});
