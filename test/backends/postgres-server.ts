// Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the equality tests and opens it as an
// SQL engine. Needs Debian's postgresql package and root (the server runs as `postgres`).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusEvent } from './corpus.ts';
import type { SqlEngine } from './sql-engines.ts';

/** The newest `/usr/lib/postgresql/N/bin`, or undefined when PostgreSQL is not installed. */
export function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb')));
  versions.sort((a, b) => Number(a) - Number(b));
  const newest = versions[versions.length - 1];
  return newest === undefined ? undefined : join(root, newest, 'bin');
}

const POSTGRES_CONNECTIONS = 2;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function asPostgres(command: string): void {
  execFileSync('su', ['postgres', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A running throwaway cluster: its port on 127.0.0.1, and how to stop and delete it. */
export interface PostgresCluster {
  port: number;
  stop(): void;
}

/** Creates and starts a cluster in a temporary folder, with JIT and fsync off. */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'sigil-pg-'));
  chownSync(folder, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const port = await freePort();

  // C.UTF-8 makes lower() fold every Unicode letter, as the engine does.
  asPostgres(`${bin}/initdb -D ${folder}/data -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync`);
  asPostgres(`${bin}/pg_ctl -D ${folder}/data -l ${folder}/log -w -o "-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c jit=off" start`);
  return {
    port,
    stop: () => {
      asPostgres(`${bin}/pg_ctl -D ${folder}/data -m fast stop`);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function openPostgres(bin: string, events: readonly CorpusEvent[]): Promise<SqlEngine> {
  const { port, stop } = await startPostgresCluster(bin);
  try {
    const { default: pg } = await import('pg');
    const connect = async (): Promise<InstanceType<typeof pg.Client>> => {
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      await client.connect();
      return client;
    };
    const client = await connect();
    // Documents up to a page stay uncompressed in the row: every JSON access to a compressed
    // value would decompress the whole document again.
    await client.query('CREATE TABLE events (id integer PRIMARY KEY, event jsonb NOT NULL) WITH (toast_tuple_target = 8160)');
    await client.query('ALTER TABLE events ALTER COLUMN event SET STORAGE MAIN');
    for (let start = 0; start < events.length; start += 500) {
      const batch = events.slice(start, start + 500);
      const placeholders = batch.map((_, index) => `($${index * 2 + 1}::integer, $${index * 2 + 2}::jsonb)`).join(', ');
      await client.query(`INSERT INTO events (id, event) VALUES ${placeholders}`, batch.flatMap((event) => [event.id, event.text]));
    }
    await client.query('VACUUM ANALYZE events');
    // Each connection runs one query at a time in its own server process, so two use both cores.
    const clients = [client];
    while (clients.length < POSTGRES_CONNECTIONS) clients.push(await connect());
    const idle = [...clients];
    const waiting: Array<() => void> = [];
    return {
      target: 'postgres',
      parallel: clients.length,
      async ids(query) {
        while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
        const connection = idle.pop()!;
        try {
          return (await connection.query<{ id: number }>(`SELECT id FROM (${query}) AS matched`)).rows.map((row) => row.id);
        } finally {
          idle.push(connection);
          waiting.shift()?.();
        }
      },
      async close() {
        await Promise.all(clients.map((connection) => connection.end()));
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
