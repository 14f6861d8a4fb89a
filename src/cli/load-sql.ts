// `sigil load-sql`: write events from any input Sigil reads into a PostgreSQL, DuckDB or SQLite
// table `events(id, event)` with one JSON document per row, the layout `sigil convert` queries.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputNotFoundError, readInputs, stringifyEvent } from '../sources/index.ts';
import { CliError, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';

type Engine = 'postgres' | 'duckdb' | 'sqlite';

interface LoadSqlOptions {
  engine: string;
  db: string;
  table: string;
  column: string;
}

/** Receives batches of [id, JSON text] rows. */
interface TableWriter {
  write(rows: Array<[number, string]>): Promise<void>;
  close(): Promise<void>;
}

const BATCH = 1000;

/** Registers `sigil load-sql`. */
export function register(program: Command): void {
  program
    .command('load-sql')
    .description('Load events (EVTX, JSON, JSON lines, gzip) into an SQL table with one JSON column, for queries from sigil convert.')
    .argument('<inputs...>', 'event files or folders, or - for standard input')
    .requiredOption('--engine <engine>', 'postgres, duckdb or sqlite')
    .requiredOption('--db <target>', 'PostgreSQL connection URL, or the DuckDB or SQLite database file')
    .option('--table <name>', 'table to create or append to', 'events')
    .option('--column <name>', 'the JSON column', 'event')
    .action(async (inputs: string[], options: LoadSqlOptions) => {
      process.exitCode = await runLoad(inputs, options);
    });
}

async function runLoad(inputs: string[], options: LoadSqlOptions): Promise<number> {
  if (!['postgres', 'duckdb', 'sqlite'].includes(options.engine)) {
    throw new CliError(`unknown engine '${options.engine}': use postgres, duckdb or sqlite`, EXIT_USAGE);
  }
  for (const name of [options.table, options.column]) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new CliError(`invalid table or column name '${name}': use letters, digits and _`, EXIT_USAGE);
  }
  const writer = await openWriter(options.engine as Engine, options);
  let warnings = 0;
  let loaded = 0;
  try {
    let rows: Array<[number, string]> = [];
    const events = readInputs(inputs, {
      onWarning: (warning) => {
        warnings += 1;
        process.stderr.write(`warning: ${JSON.stringify(warning)}\n`);
      },
    });
    for await (const batch of events) {
      for (const { event } of batch) {
        loaded += 1;
        rows.push([loaded, stringifyEvent(event)]);
        if (rows.length >= BATCH) {
          await writer.write(rows);
          rows = [];
        }
      }
    }
    if (rows.length > 0) await writer.write(rows);
  } catch (error) {
    if (error instanceof InputNotFoundError) throw new CliError(error.message);
    throw error;
  } finally {
    await writer.close();
  }
  process.stderr.write(`Loaded ${loaded} events into ${options.engine} table ${options.table}; ${warnings} warnings.\n`);
  return EXIT_OK;
}

async function openWriter(engine: Engine, options: LoadSqlOptions): Promise<TableWriter> {
  switch (engine) {
    case 'sqlite':
      return openSqliteWriter(options);
    case 'duckdb':
      return openDuckdbWriter(options);
    case 'postgres':
      return openPostgresWriter(options);
  }
}

// Ids continue after the largest one in the table, so repeated loads append.
async function openSqliteWriter({ db: file, table, column }: LoadSqlOptions): Promise<TableWriter> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  // JSONB (SQLite 3.45 or later) spares json_extract a text parse per call.
  db.exec(`CREATE TABLE IF NOT EXISTS "${table}" (id INTEGER PRIMARY KEY, "${column}" BLOB NOT NULL)`);
  const offset = (db.prepare(`SELECT coalesce(max(id), 0) AS top FROM "${table}"`).get() as { top: number }).top;
  const insert = db.prepare(`INSERT INTO "${table}" (id, "${column}") VALUES (?, jsonb(?))`);
  const insertAll = db.transaction((rows: Array<[number, string]>) => {
    for (const [id, text] of rows) insert.run(id + offset, text);
  });
  return { write: async (rows) => void insertAll(rows), close: async () => void db.close() };
}

async function openDuckdbWriter({ db: file, table, column }: LoadSqlOptions): Promise<TableWriter> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE IF NOT EXISTS "${table}" (id BIGINT, "${column}" JSON)`);
  const top = await connection.runAndReadAll(`SELECT coalesce(max(id), 0) FROM "${table}"`);
  const offset = Number(top.getRows()[0]?.[0] ?? 0);
  const folder = mkdtempSync(join(tmpdir(), 'sigil-load-'));
  const staging = join(folder, 'batch.jsonl');
  return {
    async write(rows) {
      writeFileSync(staging, rows.map(([id, text]) => `{"id":${id + offset},"event":${text}}`).join('\n'));
      await connection.run(
        `INSERT INTO "${table}" SELECT id, event FROM read_json('${staging.replaceAll("'", "''")}', columns = {id: 'BIGINT', event: 'JSON'}, format = 'newline_delimited', maximum_object_size = 100000000)`,
      );
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function openPostgresWriter({ db: url, table, column }: LoadSqlOptions): Promise<TableWriter> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE TABLE IF NOT EXISTS "${table}" (id bigint PRIMARY KEY, "${column}" jsonb NOT NULL)`);
  const offset = Number((await client.query<{ top: string }>(`SELECT coalesce(max(id), 0) AS top FROM "${table}"`)).rows[0]?.top ?? 0);
  return {
    async write(rows) {
      const values = rows.map((_, index) => `($${index * 2 + 1}::bigint, $${index * 2 + 2}::jsonb)`).join(', ');
      await client.query(`INSERT INTO "${table}" (id, "${column}") VALUES ${values}`, rows.flatMap(([id, text]) => [id + offset, text]));
    },
    close: () => client.end(),
  };
}
