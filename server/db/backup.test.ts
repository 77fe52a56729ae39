import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backup, restore } from './backup.ts';
import { openDatabase } from './client.ts';
import { districts } from './schema/index.ts';

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
  }, 180_000);

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
  }, 180_000);
});
