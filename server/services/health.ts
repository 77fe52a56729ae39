import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';

/** Readiness: the database answers a trivial statement (throws when it does not). */
export async function checkDatabase(database: Database) {
  await database.db.execute(sql`select 1`);
}
