import type PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';

interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec?(text: string): Promise<{ rows: unknown[] }[]>;
}

/**
 * pg-boss's way into our database, as the owner (its tables are not a district's): the pg pool on
 * PostgreSQL; on the embedded database, PGlite's one connection (its gate orders these statements
 * with the app's). pg-boss sends its multi-statement scripts without parameters: PGlite runs those
 * in the simple protocol (`exec`), which answers one result per statement; pg-boss reads the last.
 */
export function pgBossDb(database: Database): PgBoss.Db {
  const client = (database.db as unknown as { $client: SqlClient }).$client;
  if (database.kind !== 'pglite') return { executeSql: (text, values) => client.query(text, values) };
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values !== undefined) return client.query(text, values);
      const results = await client.exec!(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}
