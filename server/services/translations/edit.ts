import { and, eq, inArray } from 'drizzle-orm';
import {
  TRANSLATABLE,
  type SaveTranslationInput,
  type SavedTranslation,
  type TranslatableType,
  type TranslationLocale,
  type TranslationTable,
} from '../../../common/schemas/translations.ts';
import type { Executor } from '../../db/client.ts';
import { contentTranslations } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canTranslateContent } from '../../policies/translations.ts';
import { recordAudit } from '../audit.ts';
import { ORIGINALS } from './originals.ts';

type Row = typeof contentTranslations.$inferSelect;

const present = (r: Row): SavedTranslation => ({
  entityType: r.entityType,
  entityId: r.entityId,
  field: r.field,
  locale: r.locale as TranslationLocale,
  text: r.text,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

/** The stored translations of these records into `locale`, keyed `entityId:field`. */
export async function storedTranslations(db: Executor, districtId: string, entityType: string, locale: string, entityIds: string[]) {
  const out = new Map<string, Row>();
  if (entityIds.length === 0) return out;
  const rows = await db
    .select()
    .from(contentTranslations)
    .where(
      and(
        eq(contentTranslations.districtId, districtId),
        eq(contentTranslations.entityType, entityType),
        eq(contentTranslations.locale, locale),
        inArray(contentTranslations.entityId, entityIds),
      ),
    );
  for (const r of rows) out.set(`${r.entityId}:${r.field}`, r);
  return out;
}

/**
 * Every translatable field of the district's records of one type (under `parentId` when given),
 * with the original beside its translation. A descriptor table needs its rubric (there are
 * thousands of descriptors in a district).
 */
export async function translationTable(
  ctx: Ctx,
  entityType: TranslatableType,
  q: { locale: TranslationLocale; parentId?: string },
): Promise<TranslationTable> {
  if (!canTranslateContent(ctx.actor)) throw forbidden();
  if (entityType === 'rubric_descriptor' && !q.parentId)
    throw new AppError('validation_failed', 'parentId (the rubric) is required', { issues: [{ path: ['parentId'], message: 'Required' }] });
  const originals = await ORIGINALS[entityType](ctx.db, { districtId: ctx.actor.districtId, parentId: q.parentId });
  const stored = await storedTranslations(
    ctx.db,
    ctx.actor.districtId,
    entityType,
    q.locale,
    originals.map((o) => o.entityId),
  );
  const rows = originals.flatMap((o) =>
    TRANSLATABLE[entityType]
      .filter((field) => o.fields[field] || stored.has(`${o.entityId}:${field}`))
      .map((field) => {
        const t = stored.get(`${o.entityId}:${field}`);
        return {
          entityId: o.entityId,
          field,
          group: o.group,
          original: o.fields[field] ?? '',
          text: t?.text ?? '',
          version: t?.version ?? 0,
        };
      }),
  );
  return { entityType, locale: q.locale, rows };
}

/**
 * Saves one translation (HR and district admins). The record must be the district's (else 404);
 * `version` is the one the client read (0: none), another answers 409 with the current one. A
 * translation of published content changes only what readers of the locale see, never the content.
 */
export async function saveTranslation(ctx: Ctx, entityType: TranslatableType, input: SaveTranslationInput): Promise<SavedTranslation> {
  if (!canTranslateContent(ctx.actor)) throw forbidden();
  const fields: readonly string[] = TRANSLATABLE[entityType];
  if (!fields.includes(input.field)) {
    throw new AppError('validation_failed', 'This field cannot be translated', {
      issues: [{ path: ['field'], message: `One of ${fields.join(', ')}` }],
    });
  }
  const [original] = await ORIGINALS[entityType](ctx.db, { districtId: ctx.actor.districtId, ids: [input.entityId] });
  if (!original) throw notFound('Record');
  return ctx.db.transaction(async (tx) => {
    const key = {
      districtId: ctx.actor.districtId,
      entityType,
      entityId: input.entityId,
      field: input.field,
      locale: input.locale,
    };
    const [current] = await tx
      .select()
      .from(contentTranslations)
      .where(
        and(
          eq(contentTranslations.districtId, key.districtId),
          eq(contentTranslations.entityType, key.entityType),
          eq(contentTranslations.entityId, key.entityId),
          eq(contentTranslations.field, key.field),
          eq(contentTranslations.locale, key.locale),
        ),
      )
      .for('update');
    if ((current?.version ?? 0) !== input.version) throw conflict(current ? present(current) : null);
    let saved: Row | undefined;
    if (current) {
      [saved] = await tx
        .update(contentTranslations)
        .set({ text: input.text, version: current.version + 1, updatedAt: new Date(), updatedBy: ctx.actor.userId })
        .where(and(eq(contentTranslations.id, current.id), eq(contentTranslations.version, current.version)))
        .returning();
    } else {
      // Two first saves at once: the unique key lets one in; the other finds no row and answers 409.
      [saved] = await tx
        .insert(contentTranslations)
        .values({ ...key, text: input.text, updatedBy: ctx.actor.userId })
        .onConflictDoNothing()
        .returning();
    }
    if (!saved) throw conflict(null);
    await recordAudit(tx, ctx, {
      action: 'translation.save',
      entityType: 'content_translation',
      entityId: saved.id,
      before: current ? { entityType, entityId: input.entityId, field: input.field, locale: input.locale, text: current.text } : null,
      after: { entityType, entityId: input.entityId, field: input.field, locale: input.locale, text: saved.text },
    });
    return present(saved);
  });
}
