// Converts correlation rules for each SQL engine, runs the queries over the same events as
// Sigil's correlation engine, and compares the detections: which correlation fires for which
// group, at which time and with which value.
//
// A query returns every group and event time at which the condition holds. The engine reports
// the first row of each episode. While the episode lasts, it reports again the first row more
// than one timespan after its last report. `firings` applies that rule to the rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backendProfile, convertCorrelations, RESULT_COLUMNS, type TargetName } from '../../src/backends/index.ts';
import { createCorrelationEngine, type CorrelationDetection } from '../../src/correlate/index.ts';
import { valueDate } from '../../src/engine/index.ts';
import { Hunter } from '../../src/hunt/index.ts';
import { getProfile } from '../../src/profiles/index.ts';
import type { RuleCollection, SigmaCorrelation, SigmaRule } from '../../src/sigma/index.ts';
import { boundaryEvents, exampleEvents, loadCorrelationRules } from './correlation-cases.ts';
import { openClickhouseRows, openDuckdbRows, openPostgresRows, openSqliteRows, type Row, type RowEngine } from './correlation-engines.ts';
import { corpusPresent, loadEvents, CORPUS, type CorpusEvent } from './corpus.ts';
import { postgresBin } from './postgres-server.ts';

/** One detection as both sides can state it: correlation, case-folded group, time and value. */
interface Firing {
  correlation: string;
  group: string;
  time: number;
  value: number;
}

function firingKey(firing: Firing): string {
  return `${firing.correlation} [${firing.group}] at ${new Date(firing.time).toISOString()} value ${firing.value}`;
}

function correlationName(correlation: SigmaCorrelation): string {
  return correlation.name ?? correlation.title;
}

function groupKey(correlation: SigmaCorrelation, values: (field: string) => unknown): string {
  return correlation.correlation.groupBy.map((field) => String(values(field)).toLowerCase()).join(' | ');
}

/** Runs the real hunt pipeline's rule engine and feeds the correlation engine, as `sigil hunt` does. */
function engineFirings(collection: RuleCollection, events: readonly CorpusEvent[]): Firing[] {
  const profile = getProfile('windows')!;
  const engine = createCorrelationEngine(collection);
  let pending: { event: Record<string, unknown>; rules: SigmaRule[]; timestamp: string | undefined; id: number } | undefined;
  const flush = (): void => {
    if (pending === undefined) return;
    const { event, rules, timestamp, id } = pending;
    engine.push({
      rules,
      timestamp: timestamp === undefined ? undefined : valueDate(timestamp)?.getTime(),
      position: { file: 'events', line: id },
      fieldValue: (name) => profile.fieldAccessor(name)(event),
    });
    pending = undefined;
  };
  const hunter = new Hunter({
    rules: collection.rules,
    profile,
    onDetection: (detection) => {
      if (!engine.references(detection.rule)) return;
      if (pending?.event !== detection.event) {
        flush();
        pending = { event: detection.event, rules: [], timestamp: detection.timestamp, id: detection.source.line ?? 0 };
      }
      pending.rules.push(detection.rule);
    },
  });
  for (const { id, event } of events) hunter.huntEvent({ event, position: { file: 'events', line: id } });
  flush();
  return engine.finish().detections.map((detection: CorrelationDetection) => ({
    correlation: correlationName(detection.correlation),
    group: groupKey(detection.correlation, (field) => detection.group[field]),
    time: detection.time,
    value: detection.value,
  }));
}

/** Reduces a query's rows to the engine's detections: one per episode, and again after each timespan. */
function firings(correlation: SigmaCorrelation, rows: readonly Row[]): Firing[] {
  const windowMs = correlation.correlation.timespan.seconds * 1000;
  const lastFired = new Map<string, number>();
  const result: Firing[] = [];
  const sorted = [...rows].sort((a, b) => Number(a[RESULT_COLUMNS.time]) - Number(b[RESULT_COLUMNS.time]));
  for (const row of sorted) {
    const group = groupKey(correlation, (field) => row[field]);
    const time = Number(row[RESULT_COLUMNS.time]);
    const last = lastFired.get(group);
    if (Number(row[RESULT_COLUMNS.episodeStart]) === 1 || last === undefined || time - last > windowMs) {
      lastFired.set(group, time);
      result.push({ correlation: correlationName(correlation), group, time, value: Number(row[RESULT_COLUMNS.value]) });
    }
  }
  return result;
}

interface Comparison {
  converted: number;
  rejected: string[];
  firings: number;
}

async function compare(target: TargetName, open: () => Promise<RowEngine>, collection: RuleCollection, expected: readonly Firing[]): Promise<Comparison> {
  const profile = backendProfile(getProfile('windows')!);
  const results = convertCorrelations(collection, { target, profile });
  const engine = await open();
  const actual: Firing[] = [];
  const rejected: string[] = [];
  try {
    for (const result of results) {
      if (!result.ok) {
        rejected.push(`${correlationName(result.correlation)}: ${result.error.construct}`);
        continue;
      }
      actual.push(...firings(result.correlation, await engine.rows(result.query)));
    }
  } finally {
    await engine.close();
  }
  const converted = new Set(results.filter((result) => result.ok).map((result) => correlationName(result.correlation)));
  const want = expected.filter((firing) => converted.has(firing.correlation)).map(firingKey).sort();
  assert.deepEqual(actual.map(firingKey).sort(), want, `${target}: detections differ from the engine's`);
  return { converted: converted.size, rejected, firings: want.length };
}

type Opener = (events: readonly CorpusEvent[]) => Promise<RowEngine>;

/** Lists the engines to compare. PostgreSQL needs Debian's package and root. */
function engines(postgresSkip: string | false): Array<{ target: TargetName; open: Opener; skip: string | false }> {
  const bin = postgresBin();
  return [
    { target: 'sqlite', open: openSqliteRows, skip: false },
    { target: 'duckdb', open: openDuckdbRows, skip: false },
    { target: 'clickhouse', open: openClickhouseRows, skip: false },
    {
      target: 'postgres',
      open: (events) => openPostgresRows(bin!, events),
      skip: bin === undefined || process.getuid?.() !== 0 ? 'PostgreSQL or root not available' : postgresSkip,
    },
  ];
}

const EXPECTED_REJECTIONS = [
  'brute_force_then_logon: chained correlation',
  'corr_ordered_threshold: temporal_ordered with a threshold',
  'corr_process_without_connection: not in a temporal condition (corr_process_creation and not corr_network_connection)',
];

interface SuiteOptions {
  skip: string | false;
  /** Why PostgreSQL is left out, if it is. */
  postgresSkip: string | false;
  minimumFirings: number;
}

function suite(name: string, loadEventSet: () => CorpusEvent[], { skip, postgresSkip, minimumFirings }: SuiteOptions): void {
  describe(name, { skip }, () => {
    let collection: RuleCollection;
    let events: CorpusEvent[] = [];
    let expected: Firing[] = [];
    before(() => {
      collection = loadCorrelationRules();
      assert.deepEqual(collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
      events = loadEventSet();
      expected = engineFirings(collection, events);
    });
    after(() => {
      events = [];
    });
    for (const { target, open, skip: engineSkip } of engines(postgresSkip)) {
      test(target, { skip: engineSkip, timeout: 600_000 }, async () => {
        const { converted, rejected, firings: count } = await compare(target, () => open(events), collection, expected);
        console.log(`${name} ${target}: ${converted} correlations converted, ${count} detections agree with the engine`);
        assert.deepEqual(rejected.sort(), EXPECTED_REJECTIONS);
        assert.ok(count >= minimumFirings, `expected at least ${minimumFirings} detections, got ${count}`);
      });
    }
  });
}

suite('correlation queries on boundary and example events', () => [...exampleEvents(1), ...boundaryEvents(1000)], {
  skip: false,
  postgresSkip: false,
  minimumFirings: 25,
});

// NOTE: PostgreSQL takes minutes over the corpus, because the rule conditions read a wildcard
// JSON path per field of every event. So it compares the corpus only when SIGIL_BACKEND_RULES is
// set, as the detection equality tests do. The boundary suite above runs it every time.
suite('correlation queries on the corpus events', () => [...loadEvents(), ...boundaryEvents(100_000)], {
  skip: corpusPresent() ? false : `corpus not found at ${CORPUS}`,
  postgresSkip: process.env['SIGIL_BACKEND_RULES'] === undefined ? 'slow on the corpus; set SIGIL_BACKEND_RULES=all to compare it' : false,
  minimumFirings: 200,
});
