import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadEnv } from '../env.ts';
import { rootSecret } from '../lib/secret-key.ts';
import { backup } from './backup.ts';
import { openDatabase } from './client.ts';
import { acquireDataDirLock } from './lockfile.ts';

/** Mode bits of every file and folder under `dir` (the folder itself included), by relative path. */
function modes(dir: string): Map<string, string> {
  const out = new Map([['.', (fs.statSync(dir).mode & 0o777).toString(8)]]);
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    out.set(name, (fs.statSync(path.join(dir, name)).mode & 0o777).toString(8));
  }
  return out;
}

describe('the data directory is private', () => {
  const previousUmask = process.umask(0o022);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-private-'));
  const dataDir = path.join(root, 'data');
  afterAll(() => {
    process.umask(previousUmask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  beforeAll(async () => {
    // What `npm start` does with the embedded database: lock, key file, database.
    const release = acquireDataDirLock(dataDir);
    rootSecret(loadEnv({ NODE_ENV: 'production', DATA_DIR: dataDir }));
    // From the run's migrated template when there is one: migrating an empty directory is slow.
    const template = inject('pgliteTemplate');
    const database = await openDatabase({ dataDir, ...(template ? { loadDataDir: new Blob([fs.readFileSync(template)]) } : {}) });
    await database.close();
    release();
    fs.writeFileSync(path.join(dataDir, 'trellis.lock'), 'x', { mode: 0o600 });
  }, 180_000);

  it('creates DATA_DIR 0700 and every file in it 0600 (the database, lock and secret.key) under umask 022', () => {
    const all = modes(dataDir);
    expect(all.get('.')).toBe('700');
    expect(all.get('secret.key')).toBe('600');
    expect(all.get('PG_VERSION')).toBe('600');
    const loose = [...all].filter(([name, mode]) => mode !== (fs.statSync(path.join(dataDir, name)).isDirectory() ? '700' : '600'));
    expect(loose).toEqual([]);
    expect(all.size).toBeGreaterThan(100);
  });

  it('tightens a DATA_DIR that exists with looser modes', async () => {
    fs.chmodSync(dataDir, 0o777);
    fs.chmodSync(path.join(dataDir, 'PG_VERSION'), 0o666);
    const database = await openDatabase({ dataDir });
    await database.close();
    expect(modes(dataDir).get('.')).toBe('700');
    expect(modes(dataDir).get('PG_VERSION')).toBe('600');
  }, 180_000);

  it('writes backups readable by this user only, in a folder it creates 0700', async () => {
    const file = await backup(dataDir, path.join(root, 'backups', 'b.tar.gz'));
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect((fs.statSync(path.dirname(file)).mode & 0o777).toString(8)).toBe('700');
  }, 180_000);
});
