import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { files, observations } from '../db/schema/index.ts';
import { storageKey, type FileStorage } from '../services/files/storage.ts';
import { tinyPdf, tinyPng } from './seed-files-data.ts';
import { createHash, randomUUID } from 'node:crypto';

/**
 * Attachments on the demo teacher's latest published observations: the observer's lesson-plan
 * notes (PDF) on each, and a photo of the anchor chart (PNG) the teacher added to the latest.
 * Small generated files (a few KB), written to the storage the app will read them from.
 */
export async function seedFiles(tx: Executor, storage: FileStorage, opts: { districtId: string; teacherPersonId: string }) {
  const latest = await tx
    .select({ id: observations.id, observerPersonId: observations.observerPersonId, observedOn: observations.observedOn })
    .from(observations)
    .where(
      and(
        eq(observations.districtId, opts.districtId),
        eq(observations.observedPersonId, opts.teacherPersonId),
        eq(observations.status, 'published'),
      ),
    )
    .orderBy(desc(observations.observedOn))
    .limit(3);
  const rows: (typeof files.$inferInsert)[] = [];
  const attach = async (ownerId: string, uploadedByPersonId: string, name: string, mimeType: string, data: Buffer) => {
    const id = randomUUID();
    const key = storageKey(opts.districtId, id);
    await storage.put(key, data);
    rows.push({
      id,
      districtId: opts.districtId,
      ownerType: 'observation',
      ownerId,
      name,
      mimeType,
      sizeBytes: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      storageKey: key,
      uploadedByPersonId,
    });
  };
  for (const [i, o] of latest.entries()) {
    await attach(
      o.id,
      o.observerPersonId,
      `Lesson plan notes ${o.observedOn}.pdf`,
      'application/pdf',
      tinyPdf(`Lesson plan notes, ${o.observedOn}`),
    );
    if (i === 0) {
      await attach(o.id, opts.teacherPersonId, 'Anchor chart.png', 'image/png', tinyPng(240, 160, [37, 99, 235], [250, 204, 21]));
    }
  }
  if (rows.length) await tx.insert(files).values(rows);
  return rows.length;
}
