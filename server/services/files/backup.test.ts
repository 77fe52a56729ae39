/**
 * Backups of the embedded mode carry the attachments: they live in DATA_DIR/files, inside the
 * data directory that `npm run backup` archives and `npm run restore` puts back (server/db/backup.ts).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backup, restore } from '../../db/backup.ts';
import { openDatabase } from '../../db/client.ts';
import { LocalFileStorage } from './storage-local.ts';
import { localFilesDir, storageKey } from './storage.ts';

describe('backup and restore', () => {
  it('carries the attachments kept in DATA_DIR/files: saved in the archive, back on restore', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-backup-'));
    const dataDir = path.join(dir, 'data');
    const database = await openDatabase({ dataDir });
    await database.close();
    const storage = () => new LocalFileStorage(localFilesDir(dataDir));
    const key = storageKey(randomUUID(), randomUUID());
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_v, i) => (i * 13) % 256));
    await storage().put(key, bytes);
    const file = await backup(dataDir, path.join(dir, 'with-files.tar.gz'));

    await storage().delete(key);
    const later = storageKey(randomUUID(), randomUUID());
    await storage().put(later, Buffer.from('added after the backup'));
    await restore(dataDir, file);

    const read = async (k: string) => {
      const stream = await storage().get(k);
      if (!stream) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    expect((await read(key))!.equals(bytes)).toBe(true);
    expect(await read(later)).toBeNull();
    expect(fs.statSync(path.join(localFilesDir(dataDir), ...key.split('/'))).mode & 0o777).toBe(0o600);
  }, 180_000);
});
