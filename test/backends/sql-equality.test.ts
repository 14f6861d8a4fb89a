// Converts every SigmaHQ Windows rule for each SQL engine, runs the queries over the corpus
// events, and compares the selected events with those Sigil's engine matches.
//
// SQLite and PostgreSQL compare every rule. DuckDB and ClickHouse read the JSON text again on
// every field access, so by default they compare a fixed sample: every Nth rule that fires on the
// corpus and every Mth other rule, in file order (see SAMPLES). SIGIL_BACKEND_RULES=all compares
// every rule on every engine, and SIGIL_BACKEND_RULES=sample a small sample on every engine.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backendProfile, convertRule, type TargetName } from '../../src/backends/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import type { SigmaRule } from '../../src/sigma/index.ts';
import { corpusPresent, engineMatches, loadEvents, loadWindowsRules, CORPUS, type CorpusEvent } from './corpus.ts';
import { openPostgres, postgresBin } from './postgres-server.ts';
import { openClickhouse, openDuckdb, openSqlite, type SqlEngine } from './sql-engines.ts';
import { KNOWN_DISAGREEMENTS } from './known-disagreements.ts';

type SqlTarget = 'sqlite' | 'postgres' | 'duckdb' | 'clickhouse';

/** A sample: every `firingEvery`th rule that fires on the corpus and every `quietEvery`th other rule. */
interface Sample {
  firingEvery: number;
  quietEvery: number;
}

const EVERY_RULE: Sample = { firingEvery: 1, quietEvery: 1 };

// The default per engine, sized so that the whole file takes about six minutes on two cores.
const SAMPLES: Record<SqlTarget, Sample> = {
  sqlite: EVERY_RULE,
  postgres: EVERY_RULE,
  duckdb: { firingEvery: 5, quietEvery: 50 },
  clickhouse: { firingEvery: 10, quietEvery: 100 },
};

// The sample used by SIGIL_BACKEND_RULES=sample on every engine.
const SMALL_SAMPLE: Sample = { firingEvery: 20, quietEvery: 200 };

interface Corpus {
  rules: SigmaRule[];
  events: CorpusEvent[];
  expected: Map<SigmaRule, number[]>;
}

let corpus: Corpus | undefined;

function loadCorpus(): Corpus {
  if (corpus) return corpus;
  const rules = loadWindowsRules();
  const events = loadEvents();
  corpus = { rules, events, expected: engineMatches(rules, events, getProfile('windows')!) };
  return corpus;
}

function sampleFor(target: SqlTarget): Sample {
  const mode = process.env['SIGIL_BACKEND_RULES'];
  if (mode === 'all') return EVERY_RULE;
  if (mode === 'sample') return SMALL_SAMPLE;
  return SAMPLES[target];
}

function describeSample(sample: Sample): string {
  if (sample.firingEvery === 1 && sample.quietEvery === 1) return 'every rule';
  return `every ${sample.firingEvery}th rule that fires and every ${sample.quietEvery}th other rule`;
}

function sampledRules({ rules, expected }: Corpus, sample: Sample): SigmaRule[] {
  let firing = 0;
  let quiet = 0;
  return rules.filter((rule) =>
    expected.get(rule)!.length > 0 ? firing++ % sample.firingEvery === 0 : quiet++ % sample.quietEvery === 0,
  );
}

function sameIds(got: readonly number[], want: readonly number[]): boolean {
  return got.length === want.length && got.every((id, index) => id === want[index]);
}

function knownReason(target: TargetName, rule: SigmaRule): string | undefined {
  return KNOWN_DISAGREEMENTS[target]?.find((entry) => rule.origin.file.endsWith(entry.rule))?.reason;
}

async function compareTarget(target: SqlTarget, open: (events: readonly CorpusEvent[]) => Promise<SqlEngine>): Promise<void> {
  const loaded = loadCorpus();
  const sample = sampleFor(target);
  const rules = sampledRules(loaded, sample);
  const profile = backendProfile(getProfile('windows')!);
  const started = Date.now();
  const engine = await open(loaded.events);
  const rejected = new Map<string, number>();
  const disagreements: string[] = [];
  let agreed = 0;
  let firing = 0;

  const compare = async (rule: SigmaRule): Promise<void> => {
    const result = convertRule(rule, { target, profile });
    if (!result.ok) {
      rejected.set(result.error.construct, (rejected.get(result.error.construct) ?? 0) + 1);
      return;
    }
    const want = loaded.expected.get(rule)!;
    const file = rule.origin.file.replace(CORPUS, '');
    const known = knownReason(target, rule);
    let line: string;
    try {
      const got = (await engine.ids(result.query)).sort((a, b) => a - b);
      if (want.length > 0) firing += 1;
      if (sameIds(got, want)) {
        agreed += 1;
        return;
      }
      const missing = want.filter((id) => !got.includes(id)).length;
      const extra = got.filter((id) => !want.includes(id)).length;
      line = `${file}: engine ${want.length}, ${target} ${got.length} (missing ${missing}, extra ${extra})`;
    } catch (error) {
      line = `${file}: query failed: ${(error as Error).message.split('\n')[0]}`;
    }
    disagreements.push(known === undefined ? line : `${line} [known: ${known}]`);
  };

  try {
    // Engines that answer asynchronously (PostgreSQL over several connections) get that many
    // queries at once, and the others run one at a time. SQLite and ClickHouse answer synchronously,
    // so every query yields to the event loop to let the PostgreSQL test read its answers.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < rules.length) {
        await compare(rules[next++]!);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(Array.from({ length: engine.parallel }, worker));
  } finally {
    await engine.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const converted = rules.length - [...rejected.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `${target}: ${rules.length} rules (${describeSample(sample)}) in ${seconds} s, ${converted} converted, ` +
      `${agreed} agree with the engine (${firing} fire on the corpus), ${disagreements.length} disagree`,
  );
  console.log(`${target}: rejected ${[...rejected].map(([construct, count]) => `${construct} ×${count}`).join(', ') || 'none'}`);
  for (const line of disagreements.sort()) console.log(`  ${line}`);
  const unexplained = disagreements.filter((line) => !line.includes('[known:'));
  assert.deepEqual(unexplained, [], `${target}: disagreements without a documented reason`);
}

const bin = postgresBin();
const postgresSkip = bin === undefined || process.getuid?.() !== 0 ? 'PostgreSQL or root not available' : false;

// Two engines at a time: SQLite runs in this process while the PostgreSQL server works on its
// queries, then DuckDB and ClickHouse.
describe(
  'converted SigmaHQ rules select what the engine matches',
  { skip: corpusPresent() ? false : `corpus not found at ${CORPUS}`, concurrency: 2 },
  () => {
    test('sqlite', { timeout: 1_200_000 }, () => compareTarget('sqlite', openSqlite));
    test('postgres', { timeout: 1_200_000, skip: postgresSkip }, () =>
      compareTarget('postgres', (events) => openPostgres(bin!, events)),
    );
    test('duckdb', { timeout: 1_800_000 }, () => compareTarget('duckdb', openDuckdb));
    test('clickhouse', { timeout: 1_800_000 }, () => compareTarget('clickhouse', openClickhouse));
  },
);
