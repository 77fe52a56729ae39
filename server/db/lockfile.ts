import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir } from './private-dir.ts';

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes.
 * Takes `trellis.lock` in the directory or throws with a message naming the running process.
 * A lock left by a process that no longer runs (killed) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  makePrivateDir(dataDir);
  const lockPath = path.join(dataDir, 'trellis.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isRunning(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Another Trellis process (pid ${pid}) is already using the embedded database in ${path.resolve(dataDir)}.\n` +
        'Two processes on one embedded database would lose writes, so this one will not start.\n' +
        'Stop the other process first, or set DATABASE_URL to use PostgreSQL for more than one server.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
