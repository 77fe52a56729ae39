/**
 * Fresh benchmark databases (in-memory PGlite, or a new database on a PostgreSQL server dropped
 * on close) and a thin raw handle on the same driver, for the baselines.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db/client.ts';
import type { DrizzlePGlite } from '../server/db/pglite.ts';

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

/** Wraps the object's own method `name` to count its calls. */
function countCalls(target: object, name: string, counter: { n: number }): void {
  const holder = target as Record<string, (...args: unknown[]) => unknown>;
  const original = holder[name]!.bind(target);
  holder[name] = (...args: unknown[]) => {
    counter.n++;
    return original(...args);
  };
}

/**
 * Counts every statement on the embedded database: the owner's and each district's (all pass
 * `rawQuery`), and the role/district switches between them (`rawExec`).
 */
function pgliteDriver(client: DrizzlePGlite): RawDriver {
  const counter = { n: 0 };
  countCalls(client, 'rawQuery', counter);
  countCalls(client, 'rawExec', counter);
  const statements = () => counter.n;
  return {
    query: async (text, params) => (await client.query<Row>(text, params)).rows,
    transaction: async (fn) => {
      await client.transaction(async (tx: Transaction) => fn(async (text, params) => (await tx.query<Row>(text, params)).rows));
    },
    statements,
  };
}

/**
 * Counts every statement on PostgreSQL: the owner pool's `query`, and each query on a connection
 * of the district-bound (tenant) pool, its district settings included.
 */
function countPgStatements(owner: pg.Pool, tenants: pg.Pool): () => number {
  const counter = { n: 0 };
  countCalls(owner, 'query', counter);
  const counted = new WeakSet<pg.PoolClient>();
  const connect = tenants.connect.bind(tenants) as () => Promise<pg.PoolClient>;
  (tenants as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    if (!counted.has(client)) {
      counted.add(client);
      countCalls(client, 'query', counter);
    }
    return client;
  };
  return () => counter.n;
}

/** The raw handle on a pg pool. */
function poolDriver(pool: pg.Pool, statements: () => number): RawDriver {
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
    const raw = pgliteDriver((database.db as unknown as { $client: DrizzlePGlite }).$client);
    return { database, raw, close: () => database.close() };
  }
  const name = `trellis_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  const owner = (database.db as unknown as { $client: pg.Pool }).$client;
  // forDistrict's client is a pool-alike whose prototype is the shared tenant pool (db/tenancy.ts).
  const tenants = Object.getPrototypeOf((database.forDistrict(randomUUID()) as unknown as { $client: pg.Pool }).$client) as pg.Pool;
  const raw = poolDriver(owner, countPgStatements(owner, tenants));
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
