// The four SQL engines for the correlation equality tests, each loaded with events as
// `events(id, event)` and returning whole result rows (the detection tests only need ids).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetName } from '../../src/backends/index.ts';
import type { CorpusEvent } from './corpus.ts';
import { startPostgresCluster } from './postgres-server.ts';
import { sqliteRegexp } from './sql-engines.ts';

export type Row = Record<string, unknown>;

export interface RowEngine {
  target: TargetName;
  rows(query: string): Promise<Row[]>;
  close(): Promise<void>;
}

export async function openSqliteRows(events: readonly CorpusEvent[]): Promise<RowEngine> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(':memory:');
  db.function('regexp', { deterministic: true }, (pattern: unknown, value: unknown) => sqliteRegexp(String(pattern), value));
  db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, event BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO events (id, event) VALUES (?, jsonb(?))');
  db.transaction(() => {
    for (const event of events) insert.run(event.id, event.text);
  })();
  return {
    target: 'sqlite',
    rows: async (query) => db.prepare(query).all() as Row[],
    close: async () => void db.close(),
  };
}

export async function openDuckdbRows(events: readonly CorpusEvent[]): Promise<RowEngine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const folder = mkdtempSync(join(tmpdir(), 'sigil-duckdb-'));
  const file = join(folder, 'events.jsonl');
  writeFileSync(file, events.map((event) => `{"id":${event.id},"event":${event.text}}`).join('\n'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `CREATE TABLE events AS SELECT * FROM read_json('${file}', columns = {id: 'INTEGER', event: 'JSON'}, format = 'newline_delimited', maximum_object_size = 100000000)`,
  );
  return {
    target: 'duckdb',
    async rows(query) {
      const reader = await connection.runAndReadAll(query);
      return reader.getRowObjectsJS() as Row[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function openClickhouseRows(events: readonly CorpusEvent[]): Promise<RowEngine> {
  const { Session } = await import('chdb');
  const folder = mkdtempSync(join(tmpdir(), 'sigil-chdb-'));
  const file = join(folder, 'events.jsonl');
  writeFileSync(file, events.map((event) => JSON.stringify({ id: event.id, event: event.text })).join('\n'));
  const session = new Session(join(folder, 'db'));
  session.query('CREATE TABLE events (id UInt32, event String) ENGINE = MergeTree ORDER BY id');
  session.query(`INSERT INTO events SELECT id, event FROM file('${file}', 'JSONEachRow', 'id UInt32, event String')`);
  return {
    target: 'clickhouse',
    async rows(query) {
      // JSONEachRow writes 64-bit integers as numbers only with this setting.
      const text = session.query(`${query} SETTINGS output_format_json_quote_64bit_integers = 0`, 'JSONEachRow');
      return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Row);
    },
    async close() {
      session.cleanup();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Starts a throwaway PostgreSQL cluster on 127.0.0.1 (needs Debian's postgresql package and root). */
export async function openPostgresRows(bin: string, events: readonly CorpusEvent[]): Promise<RowEngine> {
  const { port, stop } = await startPostgresCluster(bin);
  try {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await client.connect();
    await client.query('CREATE TABLE events (id integer PRIMARY KEY, event jsonb NOT NULL)');
    for (let start = 0; start < events.length; start += 500) {
      const batch = events.slice(start, start + 500);
      const placeholders = batch.map((_, index) => `($${index * 2 + 1}::integer, $${index * 2 + 2}::jsonb)`).join(', ');
      await client.query(`INSERT INTO events (id, event) VALUES ${placeholders}`, batch.flatMap((event) => [event.id, event.text]));
    }
    return {
      target: 'postgres',
      rows: async (query) => (await client.query(query)).rows as Row[],
      async close() {
        await client.end();
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
