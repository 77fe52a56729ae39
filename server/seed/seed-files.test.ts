/** The demo district has attachments on the demo teacher's latest observations, their bytes in the storage. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { files, observations, users } from '../db/schema/index.ts';
import { LocalFileStorage } from '../services/files/storage-local.ts';
import { openTestDatabase } from '../test/database.ts';
import { seedDemoDistrict } from './seed.ts';

let database: Database;
const storage = new LocalFileStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-seed-files-')));

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoDistrict(database.db, undefined, { files: storage });
}, 120_000);
afterAll(() => database?.close());

it('attaches a PDF to each of the teacher’s three latest published observations and a photo to the latest', async () => {
  const [teacher] = await database.db.select().from(users).where(eq(users.email, 'teacher@sunshine.example'));
  const rows = await database.db
    .select({ file: files, observedPersonId: observations.observedPersonId, status: observations.status })
    .from(files)
    .innerJoin(observations, eq(observations.id, files.ownerId));
  expect(rows.map((r) => r.file.mimeType).sort()).toEqual(['application/pdf', 'application/pdf', 'application/pdf', 'image/png']);
  for (const { file, observedPersonId, status } of rows) {
    expect([observedPersonId, status, file.ownerType]).toEqual([teacher!.personId, 'published', 'observation']);
    const chunks: Buffer[] = [];
    for await (const chunk of (await storage.get(file.storageKey))!) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.length).toBe(file.sizeBytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
  }
});
