/**
 * `npm run backup [FILE]` saves the embedded database, with the attachments in DATA_DIR/files, to a
 * .tar.gz (default backups/trellis-<time>.tar.gz);
 * `npm run restore FILE` replaces the embedded database with a saved one, keeping the old data
 * directory beside it. Both take the data-directory lock, so they refuse while Trellis runs.
 * With DATABASE_URL set, use PostgreSQL's own pg_dump / pg_restore instead.
 */
import fs from 'node:fs';
import { backup, restore } from '../server/db/backup.ts';
import { acquireDataDirLock, DataDirLockedError } from '../server/db/lockfile.ts';
import { loadEnv } from '../server/env.ts';

async function main() {
  const env = loadEnv();
  if (env.DATABASE_URL) {
    console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump and restore with pg_restore.');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const isRestore = args[0] === '--restore';
  const file = isRestore ? args[1] : args[0];
  let release: () => void;
  try {
    release = acquireDataDirLock(env.DATA_DIR);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`${err.message}\nStop Trellis before a backup or restore.`);
      process.exit(1);
    }
    throw err;
  }
  try {
    if (isRestore) {
      const previous = await restore(env.DATA_DIR, file);
      console.log(`Restored ${file} into ${env.DATA_DIR}; the previous data is in ${previous}`);
    } else {
      const target = await backup(env.DATA_DIR, file);
      console.log(`Saved the embedded database to ${target} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB)`);
    }
  } finally {
    release();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
