/**
 * The database keeps answering after the server ends its idle connections (a PostgreSQL restart,
 * an administrator, `DROP DATABASE ... WITH (FORCE)`): the pool replaces them, and the 'error' the
 * pool emits for them must not stop the process. On PGlite there is no connection to end, and the
 * same reads simply go on working.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database.ts';

const database = await openTestDatabase();
afterAll(() => database.close());

const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

it('reads again after the server ended every idle connection', async () => {
  const one = async () => ((await database.db.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] }).rows[0]!.one;
  expect(await one()).toBe(1);
  if (database.kind === 'postgres') {
    process.on('uncaughtException', onUncaught);
    try {
      const { rows } = (await database.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const ended = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [rows[0]!.name],
      );
      await admin.end();
      expect(ended.rowCount).toBeGreaterThan(0);
      // Give the pool's idle clients time to see their connections end.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  }
  expect(await one()).toBe(1);
  expect(uncaught).toEqual([]);
});
