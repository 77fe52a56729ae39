import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FileItem, FileList, FileRefusal } from '../../../common/schemas/files.ts';
import { files, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { fileAbilities, type FileOwnerAccess } from '../../policies/files.ts';
import { recordAudit } from '../audit.ts';
import { logRead } from '../record-reads/log.ts';
import { personNameSql } from '../observations/access.ts';
import { ALLOWED_TYPES, detectAllowedType, safeFileName } from './content.ts';
import { ownerAccess, type FileOwner } from './owners.ts';
import { storageKey, type FileStorage } from './storage.ts';
import { stripLocation } from './strip-location.ts';

export type FileRow = typeof files.$inferSelect;

const refused = (code: FileRefusal, message: string) => new AppError('validation_failed', message, { code });

function present(ctx: Ctx, access: FileOwnerAccess, row: FileRow, uploaderName: string): FileItem {
  return {
    id: row.id,
    name: row.name,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    uploadedBy: { id: row.uploadedByPersonId, name: uploaderName },
    createdAt: row.createdAt.toISOString(),
    abilities: fileAbilities(ctx.actor, access, row),
  };
}

async function filesOf(ctx: Ctx, owner: FileOwner) {
  return ctx.db
    .select({ file: files, uploaderName: personNameSql(people) })
    .from(files)
    .innerJoin(people, eq(people.id, files.uploadedByPersonId))
    .where(
      and(
        eq(files.districtId, ctx.actor.districtId),
        eq(files.ownerType, owner.type),
        eq(files.ownerId, owner.id),
        isNull(files.deletedAt),
      ),
    )
    .orderBy(asc(files.createdAt), asc(files.id));
}

/** The record's attachments, oldest first, for whoever may read the record in full. */
export async function listFiles(ctx: Ctx, owner: FileOwner, maxBytes: number): Promise<FileList> {
  const access = await ownerAccess(ctx, owner);
  const rows = await filesOf(ctx, owner);
  return {
    items: rows.map((r) => present(ctx, access, r.file, r.uploaderName)),
    canUpload: access.upload,
    maxBytes,
    accept: Object.keys(ALLOWED_TYPES),
  };
}

/** 404 or 403 (by the record's policy) before any byte of an upload is read. */
export async function assertMayUpload(ctx: Ctx, owner: FileOwner): Promise<void> {
  const access = await ownerAccess(ctx, owner);
  if (!access.upload) throw forbidden('You may not attach files to this record');
}

/**
 * Stores one upload: refused when empty or when its content is not an allowed type (whatever its
 * name says); photos lose their location data first; the row and its audit in one transaction,
 * the bytes written before it and removed again when the row does not commit (only a killed
 * server can leave an unreferenced object).
 */
export async function uploadFile(
  ctx: Ctx,
  storage: FileStorage,
  owner: FileOwner,
  upload: { name: string; data: Buffer },
): Promise<FileItem> {
  const access = await ownerAccess(ctx, owner);
  if (!access.upload) throw forbidden('You may not attach files to this record');
  if (upload.data.length === 0) throw refused('empty_file', 'The file is empty');
  const name = safeFileName(upload.name);
  const mimeType = await detectAllowedType(upload.data, name);
  if (!mimeType) throw refused('type_not_allowed', 'Attach a PDF, a photo (JPEG, PNG or WebP), an Office document or a text file');
  const data = stripLocation(mimeType, upload.data);
  const id = randomUUID();
  const key = storageKey(ctx.actor.districtId, id);
  await storage.put(key, data);
  const row = await insertFileRow(ctx, { id, owner, name, mimeType, data, key }).catch(async (error: unknown) => {
    // The row did not commit: the bytes would belong to nothing, so they go too.
    await storage.delete(key).catch(() => undefined);
    throw error;
  });
  const [me] = await ctx.db
    .select({ name: personNameSql(people) })
    .from(people)
    .where(eq(people.id, ctx.actor.personId));
  return present(ctx, access, row, me?.name ?? '');
}

interface NewFile {
  id: string;
  owner: FileOwner;
  name: string;
  mimeType: string;
  data: Buffer;
  key: string;
}

/** The file's row and its audit entry, in one transaction. */
async function insertFileRow(ctx: Ctx, { id, owner, name, mimeType, data, key }: NewFile): Promise<FileRow> {
  return ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(files)
      .values({
        id,
        districtId: ctx.actor.districtId,
        ownerType: owner.type,
        ownerId: owner.id,
        name,
        mimeType,
        sizeBytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        storageKey: key,
        uploadedByPersonId: ctx.actor.personId,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'file.upload', entityType: 'file', entityId: id, after: inserted });
    return inserted!;
  });
}

async function loadFile(ctx: Ctx, id: string): Promise<FileRow> {
  const [row] = await ctx.db
    .select()
    .from(files)
    .where(and(eq(files.id, id), eq(files.districtId, ctx.actor.districtId), isNull(files.deletedAt)));
  if (!row) throw notFound('File');
  return row;
}

/**
 * The file's bytes for whoever may read its record (else 404 / 403, as the record answers); the
 * download shows in "who viewed my records" of the people the record is about.
 */
export async function openFile(ctx: Ctx, storage: FileStorage, id: string): Promise<{ file: FileRow; stream: Readable }> {
  const file = await loadFile(ctx, id);
  const access = await ownerAccess(ctx, { type: file.ownerType as FileOwner['type'], id: file.ownerId });
  const stream = await storage.get(file.storageKey);
  if (!stream) throw notFound('File');
  await logRead(ctx, 'file', file.id, access.subjectPersonIds);
  return { file, stream };
}

/** Deletes an attachment (the uploader, or whoever may edit the record); the row stays for the audit, the bytes go. */
export async function deleteFile(ctx: Ctx, storage: FileStorage, id: string): Promise<void> {
  const file = await loadFile(ctx, id);
  const access = await ownerAccess(ctx, { type: file.ownerType as FileOwner['type'], id: file.ownerId });
  if (!fileAbilities(ctx.actor, access, file).delete) throw forbidden('Only the uploader or whoever may edit the record deletes a file');
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(files)
      .set({ deletedAt: new Date(), deletedByPersonId: ctx.actor.personId, updatedAt: new Date() })
      .where(and(eq(files.id, id), eq(files.districtId, ctx.actor.districtId), isNull(files.deletedAt)))
      .returning();
    if (!after) throw notFound('File');
    await recordAudit(tx, ctx, { action: 'file.delete', entityType: 'file', entityId: id, before: file, after });
  });
  await storage.delete(file.storageKey);
}
