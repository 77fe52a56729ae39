/**
 * Fresh benchmark databases (in-memory PGlite, or a new database on a PostgreSQL server dropped
 * on close) and a thin raw handle on the same driver, for the baselines.
 */
import { randomBytes } from 'node:crypto';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.ts';

export type DbKind = 'pglite' | 'postgres';
export type Row = Record<string, unknown>;
export type Query = (text: string, params?: unknown[]) => Promise<Row[]>;

/** Raw SQL on the driver under Drizzle: the same PGlite instance or the same pg pool. */
export interface RawDriver {
  query: Query;
  /** Runs `fn` in one transaction (BEGIN ... COMMIT, ROLLBACK on error). */
  transaction(fn: (query: Query) => Promise<void>): Promise<void>;
  /** Statements sent through `query` by anyone (Drizzle included) since the database opened. */
  statements(): number;
}

export interface BenchDatabase {
  database: Database;
  raw: RawDriver;
  close(): Promise<void>;
}

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Wraps the client's own `query` to count statements; Drizzle calls the same method. */
function countQueries(client: { query: (...args: never[]) => unknown }): () => number {
  let n = 0;
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    n++;
    return original(...args);
  };
  return () => n;
}

/** The raw handle on an in-memory PGlite. */
function pgliteDriver(client: PGlite): RawDriver {
  const statements = countQueries(client as never);
  return {
    query: async (text, params) => (await client.query<Row>(text, params)).rows,
    transaction: async (fn) => {
      await client.transaction(async (tx: Transaction) => fn(async (text, params) => (await tx.query<Row>(text, params)).rows));
    },
    statements,
  };
}

/** The raw handle on a pg pool. */
function poolDriver(pool: pg.Pool): RawDriver {
  const statements = countQueries(pool as never);
  return {
    query: async (text, params) => (await pool.query<Row>(text, params)).rows,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await fn(async (text, params) => (await client.query<Row>(text, params)).rows);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    statements,
  };
}

/**
 * Opens a fresh, migrated database through the app's own `openDatabase`: in-memory PGlite, or a
 * new database `trellis_bench_<random>` on the server at `serverUrl`, dropped again on close.
 */
export async function openBenchDatabase(kind: DbKind, serverUrl = DEFAULT_POSTGRES_URL): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    const raw = pgliteDriver((database.db as unknown as { $client: PGlite }).$client);
    return { database, raw, close: () => database.close() };
  }
  const name = `trellis_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  const raw = poolDriver((database.db as unknown as { $client: pg.Pool }).$client);
  return {
    database,
    raw,
    close: async () => {
      await database.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** One statement on the server's maintenance database, on its own connection. */
async function adminQuery(serverUrl: string, text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
