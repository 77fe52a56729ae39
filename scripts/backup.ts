/**
 * `npm run backup [FILE]` saves the embedded database to a .tar.gz (default backups/trellis-<time>.tar.gz);
 * `npm run restore FILE` replaces the embedded database with a saved one, keeping the old data
 * directory beside it. Both take the data-directory lock, so they refuse while Trellis runs.
 * With DATABASE_URL set, use PostgreSQL's own pg_dump / pg_restore instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock, DataDirLockedError } from '../server/db/lockfile.ts';
import { loadEnv } from '../server/env.ts';

async function backup(dataDir: string, file: string | undefined) {
  const target = file ?? path.join('backups', `trellis-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
  console.log(`Saved the embedded database to ${target} (${(fs.statSync(target).size / 1024).toFixed(0)} KiB)`);
}

async function restore(dataDir: string, file: string | undefined) {
  if (!file || !fs.existsSync(file)) throw new Error('Name the backup file to restore: npm run restore backups/trellis-....tar.gz');
  const staging = `${dataDir}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  const blob = new Blob([fs.readFileSync(file)]);
  // Load into a fresh directory first: a corrupt file then leaves the current data untouched.
  const db = await PGlite.create(staging, { loadDataDir: blob, extensions: { pg_trgm } });
  await db.query('select 1');
  await db.close();
  const previous = `${dataDir}.before-restore-${Date.now()}`;
  const lock = path.join(dataDir, 'trellis.lock');
  const lockPid = fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null;
  if (fs.existsSync(dataDir)) fs.renameSync(dataDir, previous);
  fs.renameSync(staging, dataDir);
  if (lockPid) fs.writeFileSync(lock, lockPid);
  console.log(`Restored ${file} into ${dataDir}; the previous data is in ${previous}`);
}

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
    await (isRestore ? restore(env.DATA_DIR, file) : backup(env.DATA_DIR, file));
  } finally {
    release();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
