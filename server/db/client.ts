import path from 'node:path';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { pgliteNotifications, postgresNotifications, type Notifications } from './notify.ts';
import { openPglite } from './pglite.ts';
import { makePrivateDir, makePrivateTree } from './private-dir.ts';
import { checkTenantRole, districtPool, openTenantPool } from './tenancy.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  /**
   * The owner's executor: bypasses row-level security. Only for what runs before a district is
   * known or across districts (migrations, seeds, sign-in, session and token lookups, health).
   */
  db: Db;
  /**
   * The executor of one district's request work (cached per district): its statements run as
   * trellis_app with the district set, so they read and write that district's rows only.
   */
  forDistrict(districtId: string): Db;
  kind: 'pglite' | 'postgres';
  /** LISTEN/NOTIFY on this database (db/notify.ts): what the live layer sends changes through. */
  notifications: Notifications;
  close(): Promise<void>;
}

/** One district-bound executor per district, built on first use. */
function perDistrict(build: (districtId: string) => Db): (districtId: string) => Db {
  const built = new Map<string, Db>();
  return (districtId) => {
    let db = built.get(districtId);
    if (!db) built.set(districtId, (db = build(districtId)));
    return db;
  };
}

const migrationsFolder = path.join(import.meta.dirname, 'migrations');

/**
 * Opens the database: PostgreSQL when a URL is given, else embedded PGlite in `dataDir`
 * (`memory://` for tests; `loadDataDir`: start from a dump of another data directory, as tests
 * start from one migrated template), and applies pending migrations.
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // An idle connection the server ends (a restart, an administrator, a dropped test database)
    // is not fatal: the pool opens a new one when next needed. Without a listener Node would
    // treat the pool's 'error' event as an uncaught exception and stop the process.
    pool.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.error(`PostgreSQL: an idle connection failed: ${err.message}`);
    });
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder });
    const tenants = openTenantPool(opts.url, 10);
    try {
      await checkTenantRole(tenants);
    } catch (err) {
      await Promise.all([pool.end(), tenants.end()]);
      throw err;
    }
    const notifications = postgresNotifications(opts.url, pool);
    return {
      db,
      forDistrict: perDistrict(
        (districtId) => drizzlePg(districtPool(tenants, districtId), { schema, casing: 'snake_case' }) as unknown as Db,
      ),
      kind: 'postgres',
      notifications,
      close: async () => {
        await notifications.close();
        await Promise.all([pool.end(), tenants.end()]);
      },
    };
  }
  const onDisk = opts.dataDir && !opts.dataDir.includes('://') ? opts.dataDir : null;
  if (onDisk) makePrivateDir(onDisk);
  const client = await openPglite(opts.dataDir ?? 'memory://', {
    extensions: { pg_trgm },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  if (onDisk) makePrivateTree(onDisk);
  return {
    db,
    forDistrict: perDistrict(
      (districtId) => drizzlePglite(client.forDistrict(districtId), { schema, casing: 'snake_case' }) as unknown as Db,
    ),
    kind: 'pglite',
    notifications: pgliteNotifications(client),
    close: () => client.close(),
  };
}
