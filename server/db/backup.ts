import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { makePrivateTree } from './private-dir.ts';

/**
 * Saves the embedded database in `dataDir` to a gzipped tar file; returns the file's path. PGlite's
 * dump holds the whole directory, so the attachments in `dataDir/files` are in it (and come back on
 * restore); it is built in memory, so a large folder of attachments needs as much free memory.
 */
export async function backup(dataDir: string, file: string | undefined) {
  const target = file ?? path.join('backups', `trellis-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const dump = await db.dumpDataDir('gzip');
  await db.close();
  // A backup holds everything the database does: readable by this user only.
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true, mode: 0o700 });
  fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  fs.chmodSync(target, 0o600);
  return target;
}

/**
 * Replaces the embedded database with a backup. The backup is loaded into a fresh directory first,
 * so a corrupt file leaves the current data untouched; the previous data is kept beside it.
 */
export async function restore(dataDir: string, file: string | undefined) {
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
  makePrivateTree(dataDir);
  if (lockPid) fs.writeFileSync(lock, lockPid, { mode: 0o600 });
  return previous;
}
