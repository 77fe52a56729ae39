import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backup, restore } from './backup.ts';
import { openDatabase } from './client.ts';
import { districts } from './schema/index.ts';
import { LocalFileStorage } from '../services/files/storage-local.ts';
import { localFilesDir, storageKey } from '../services/files/storage.ts';

describe('embedded database backup and restore', () => {
  it('restores exactly what was saved and keeps the replaced data beside it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-backup-'));
    const dataDir = path.join(dir, 'data');
    let database = await openDatabase({ dataDir });
    await database.db.insert(districts).values({ name: 'Saved District', slug: 'saved' });
    await database.close();
    const file = await backup(dataDir, path.join(dir, 'saved.tar.gz'));

    database = await openDatabase({ dataDir });
    await database.db.update(districts).set({ name: 'Changed after backup' }).where(eq(districts.slug, 'saved'));
    await database.close();

    const previous = await restore(dataDir, file);
    database = await openDatabase({ dataDir });
    const [row] = await database.db.select().from(districts).where(eq(districts.slug, 'saved'));
    await database.close();
    expect(row!.name).toBe('Saved District');
    expect(fs.existsSync(previous)).toBe(true);
  }, 60_000);

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
  }, 60_000);

  it('refuses a file that is not a backup and leaves the data as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-backup-'));
    const dataDir = path.join(dir, 'data');
    const database = await openDatabase({ dataDir });
    await database.db.insert(districts).values({ name: 'Kept', slug: 'kept' });
    await database.close();
    const bogus = path.join(dir, 'bogus.tar.gz');
    fs.writeFileSync(bogus, 'not a backup');
    await expect(restore(dataDir, bogus)).rejects.toThrow();
    const reopened = await openDatabase({ dataDir });
    expect(await reopened.db.select().from(districts)).toHaveLength(1);
    await reopened.close();
  }, 60_000);
});
