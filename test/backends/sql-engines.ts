// The four SQL engines of the equality tests, each loaded with the corpus events as a table
// `events(id, event)` where `event` is the JSON document.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetName } from '../../src/backends/index.ts';
import type { CorpusEvent } from './corpus.ts';

export interface SqlEngine {
  target: TargetName;
  /** Runs a converted query and returns the ids of the rows it selects. */
  ids(query: string): Promise<number[]>;
  /** The number of queries the engine runs at once, so callers may have that many `ids` calls pending. */
  parallel: number;
  close(): Promise<void>;
}

/** A regexp(pattern, value) function with the JavaScript semantics Sigil's SQLite queries expect. */
export function sqliteRegexp(pattern: string, value: unknown): number {
  if (value === null || value === undefined) return 0;
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  const flags = inline?.[1] ?? '';
  const source = inline ? pattern.slice(inline[0].length) : pattern;
  return new RegExp(source, flags).test(String(value)) ? 1 : 0;
}

export async function openSqlite(events: readonly CorpusEvent[]): Promise<SqlEngine> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(':memory:');
  db.function('regexp', { deterministic: true }, (pattern: unknown, value: unknown) => sqliteRegexp(String(pattern), value));
  // JSONB (SQLite 3.45+) spares json_extract a text parse per call.
  db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, event BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO events (id, event) VALUES (?, jsonb(?))');
  db.transaction(() => {
    for (const event of events) insert.run(event.id, event.text);
  })();
  return {
    target: 'sqlite',
    parallel: 1,
    ids: async (query) => (db.prepare(`SELECT id FROM (${query})`).all() as Array<{ id: number }>).map((row) => row.id),
    close: async () => void db.close(),
  };
}

export async function openDuckdb(events: readonly CorpusEvent[]): Promise<SqlEngine> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const folder = mkdtempSync(join(tmpdir(), 'sigil-duckdb-'));
  const file = join(folder, 'events.jsonl');
  writeFileSync(file, events.map((event) => `{"id":${event.id},"event":${event.text}}`).join('\n'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Rules with thousands of values (hash lists) nest deeper than DuckDB's default limit of 1000.
  await connection.run('SET max_expression_depth TO 100000');
  await connection.run("SET memory_limit = '4GB'");
  await connection.run(
    `CREATE TABLE events AS SELECT * FROM read_json('${file}', columns = {id: 'INTEGER', event: 'JSON'}, format = 'newline_delimited', maximum_object_size = 100000000)`,
  );
  return {
    target: 'duckdb',
    parallel: 1,
    async ids(query) {
      const reader = await connection.runAndReadAll(`SELECT id FROM (${query})`);
      return reader.getRows().map((row) => Number(row[0]));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function openClickhouse(events: readonly CorpusEvent[]): Promise<SqlEngine> {
  const { Session } = await import('chdb');
  const folder = mkdtempSync(join(tmpdir(), 'sigil-chdb-'));
  const file = join(folder, 'events.jsonl');
  writeFileSync(file, events.map((event) => JSON.stringify({ id: event.id, event: event.text })).join('\n'));
  const session = new Session(join(folder, 'db'));
  // Rules with thousands of values (hash lists) are longer than the default 256 KiB query limit.
  session.query('SET max_query_size = 100000000');
  session.query('SET max_ast_elements = 10000000');
  session.query('SET max_expanded_ast_elements = 10000000');
  session.query('CREATE TABLE events (id UInt32, event String) ENGINE = MergeTree ORDER BY id');
  session.query(`INSERT INTO events SELECT id, event FROM file('${file}', 'JSONEachRow', 'id UInt32, event String')`);
  return {
    target: 'clickhouse',
    parallel: 1,
    async ids(query) {
      const text = session.query(`SELECT id FROM (${query})`, 'TSV');
      return text.split('\n').filter((line) => line !== '').map(Number);
    },
    async close() {
      session.cleanup();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
