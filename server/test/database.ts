import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { onServer } from './template-database.ts';

/** Another CREATE DATABASE copying the same template at this moment (PostgreSQL error 55006). */
const templateBusy = (err: unknown) => (err as { code?: string }).code === '55006';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server at TEST_DATABASE_URL (dropped again on close). Both start from the
 * template the run's global setup migrated (server/test/global-setup.ts), when there is one.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = inject('pgliteTemplate');
    if (!template) return openDatabase({ dataDir: 'memory://' });
    return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([fs.readFileSync(template)]) });
  }
  const name = `trellis_test_${randomBytes(6).toString('hex')}`;
  const template = inject('postgresTemplate');
  for (let attempt = 0; ; attempt++) {
    try {
      await onServer(serverUrl, (c) => c.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
      break;
    } catch (err) {
      if (!templateBusy(err) || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await onServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
