// The SQL timestamp parse of correlation queries, run on each engine over random and edge-case
// timestamps: every text of the accepted form gives the millisecond the hunt computes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TargetName } from '../../src/backends/index.ts';
import { correlationSql } from '../../src/backends/correlation/sql-functions.ts';
import { epochMilliseconds, TIMESTAMP_FIELDS, TIMESTAMP_PATTERN, timestampParts } from '../../src/backends/correlation/sql-timestamp.ts';
import { valueDate } from '../../src/engine/index.ts';
import { createRandom } from '../support/random.ts';
import { openClickhouseRows, openDuckdbRows, openPostgresRows, openSqliteRows, type RowEngine } from './correlation-engines.ts';
import { postgresBin } from './postgres-server.ts';

const EDGE_CASES = [
  '1970-01-01T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
  '0001-01-01T00:00:00Z',
  '2000-02-29T23:59:59.999Z',
  '2100-02-28T12:00:00Z',
  '2024-02-30T00:00:00Z',
  '2024-12-31T23:59:59.9999999Z',
  '2021-10-20T13:39:12.731904Z',
  '2021-10-20T13:39:12.7Z',
  '2021-10-20T13:39:12.73+05:30',
  '2021-10-20T13:39:12-0800',
  '2021-10-20T13:39Z',
  '2021-10-20T13:39',
  '2021-10-20 13:39:12.5',
  '2021-10-20 13:39:12z',
  '1999-03-01T00:00:00.0+00:00',
  'yesterday',
  '2021-10-20',
  '2021-10-20T13:39:60Z',
  '2021-13-01T00:00:00Z',
  '2021-10-20T13:39:12.Z',
];

function randomTimestamps(count: number): string[] {
  const random = createRandom(20260504);
  const pick = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const two = (value: number): string => String(value).padStart(2, '0');
  return Array.from({ length: count }, () => {
    const date = `${pick(1970, 2199)}-${two(pick(1, 12))}-${two(pick(1, 31))}`;
    const seconds = random() < 0.9 ? `:${two(pick(0, 59))}` : '';
    const fraction = seconds !== '' && random() < 0.7 ? `.${String(pick(0, 999_999_999)).slice(0, pick(1, 9))}` : '';
    const zones = ['Z', '', `+${two(pick(0, 14))}:${two(pick(0, 59))}`, `-${two(pick(0, 12))}${two(pick(0, 59))}`];
    const zone = zones[pick(0, zones.length - 1)]!;
    return `${date}${random() < 0.8 ? 'T' : ' '}${two(pick(0, 23))}:${two(pick(0, 59))}${seconds}${fraction}${zone}`;
  });
}

function parseQuery(target: TargetName, texts: readonly string[]): string {
  const sql = correlationSql(target)!;
  const values = texts.map((text) => `SELECT ${sql.flavour.string(text)} AS sigil_time_text`).join(' UNION ALL ');
  const parts = timestampParts(sql, 'sigil_time_text').map(([name, expression]) => `${expression} AS ${name}`);
  return (
    `WITH sigil_matched AS (${values}), ` +
    `sigil_parts AS (SELECT *, ${parts.join(', ')} FROM sigil_matched WHERE ${sql.fullMatch('sigil_time_text', TIMESTAMP_PATTERN)}) ` +
    `SELECT sigil_time_text AS text, ${epochMilliseconds(sql)} AS milliseconds FROM sigil_parts`
  );
}

const ENGINES: Array<{ target: TargetName; open: () => Promise<RowEngine>; skip: string | false }> = [
  { target: 'sqlite', open: () => openSqliteRows([]), skip: false },
  { target: 'duckdb', open: () => openDuckdbRows([]), skip: false },
  { target: 'clickhouse', open: () => openClickhouseRows([]), skip: false },
  {
    target: 'postgres',
    open: () => openPostgresRows(postgresBin()!, []),
    skip: postgresBin() === undefined || process.getuid?.() !== 0 ? 'PostgreSQL or root not available' : false,
  },
];

describe('correlation timestamps in SQL', () => {
  const texts = [...EDGE_CASES, ...randomTimestamps(400)];
  const accepted = new RegExp(`^(?:${TIMESTAMP_PATTERN})$`);
  const expected = texts
    .filter((text) => accepted.test(text))
    .map((text) => `${text} → ${valueDate(text)?.getTime()}`)
    .sort();

  test('pattern accepts only what the hunt parses', () => {
    for (const text of texts.filter((item) => accepted.test(item))) assert.notEqual(valueDate(text), undefined, text);
    assert.ok(expected.length > 350, `only ${expected.length} timestamps are accepted`);
  });

  for (const { target, open, skip } of ENGINES) {
    test(target, { skip, timeout: 120_000 }, async () => {
      const engine = await open();
      try {
        const rows = await engine.rows(parseQuery(target, texts));
        const actual = rows.map((row) => `${String(row['text'])} → ${Number(row['milliseconds'])}`).sort();
        assert.deepEqual(actual, expected);
      } finally {
        await engine.close();
      }
    });
  }

  test('timestamp fields match the hunt', async () => {
    // The hunt's list is private to the output module; its source is the reference.
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../src/output/detection.ts', import.meta.url), 'utf8');
    const list = /const TIMESTAMP_FIELDS = \[([^\]]*)\]/.exec(source)?.[1];
    assert.deepEqual(list?.split(',').map((item) => item.trim().replace(/^'|'$/g, '')), [...TIMESTAMP_FIELDS]);
  });
});
