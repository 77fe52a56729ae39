import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import {
  TRANSLATABLE,
  TRANSLATION_CSV_COLUMNS,
  TRANSLATION_MAX_CHARS,
  type TranslatableType,
  type TranslationImportReport,
  type TranslationLocale,
} from '../../../common/schemas/translations.ts';
import { auditLog, contentTranslations } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { canTranslateContent } from '../../policies/translations.ts';
import { auditValues } from '../audit.ts';
import { neutralize, toCsv } from '../../lib/csv.ts';
import { storedTranslations, translationTable } from './edit.ts';
import { ORIGINALS } from './originals.ts';

type Scope = { locale: TranslationLocale; parentId?: string };

/** The translation table as a CSV a translator fills in (the `translation` column), cells safe to open. */
export async function exportTranslations(ctx: Ctx, entityType: TranslatableType, q: Scope): Promise<Buffer> {
  const table = await translationTable(ctx, entityType, q);
  return toCsv(
    TRANSLATION_CSV_COLUMNS,
    table.rows.map((r) => [r.entityId, r.field, r.group ?? '', r.original, r.text, String(r.version)].map(neutralize)),
  );
}

/** A cell the export neutralised ("'=..."), back as it was. */
const unneutralize = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/**
 * Reads a translations file: a dry run reports each row's problem and what would change; applying
 * (no errors allowed) writes every change in one transaction with an audit row each. A row whose
 * translation changed since the file was exported (its `version`) is an error, never overwritten.
 */
export async function importTranslations(
  ctx: Ctx,
  entityType: TranslatableType,
  q: Scope & { dryRun: boolean },
  data: Buffer,
): Promise<TranslationImportReport> {
  if (!canTranslateContent(ctx.actor)) throw forbidden();
  let records: Record<string, string>[];
  try {
    records = parse(data, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as Record<
      string,
      string
    >[];
  } catch {
    throw new AppError('validation_failed', 'The file is not a CSV file', { code: 'not_csv' });
  }
  if (records.length > 0 && !('entity_id' in records[0]! && 'field' in records[0]! && 'translation' in records[0]!)) {
    throw new AppError('validation_failed', 'The file lacks the entity_id, field and translation columns', { code: 'missing_columns' });
  }
  const fields: readonly string[] = TRANSLATABLE[entityType];
  const ids = [...new Set(records.map((r) => r.entity_id ?? '').filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  const known = new Set(
    (await ORIGINALS[entityType](ctx.db, { districtId: ctx.actor.districtId, parentId: q.parentId, ids })).map((o) => o.entityId),
  );
  const stored = await storedTranslations(ctx.db, ctx.actor.districtId, entityType, q.locale, [...known]);
  const errors: TranslationImportReport['errors'] = [];
  const changes: { entityId: string; field: string; text: string; current: { id: string; version: number; text: string } | null }[] = [];
  let unchanged = 0;
  records.forEach((r, i) => {
    const row = i + 2;
    const entityId = (r.entity_id ?? '').trim().toLowerCase();
    const field = (r.field ?? '').trim();
    const text = unneutralize(r.translation ?? '').trim();
    const version = Number((r.version ?? '0').trim() || '0');
    if (!entityId || !Number.isInteger(version)) return errors.push({ row, code: 'bad_row' });
    if (!known.has(entityId)) return errors.push({ row, code: 'unknown_record' });
    if (!fields.includes(field)) return errors.push({ row, code: 'unknown_field' });
    if (text.length > TRANSLATION_MAX_CHARS) return errors.push({ row, code: 'too_long' });
    const current = stored.get(`${entityId}:${field}`) ?? null;
    if ((current?.text ?? '') === text) return void (unchanged += 1);
    if ((current?.version ?? 0) !== version) return errors.push({ row, code: 'changed_since_export' });
    changes.push({ entityId, field, text, current });
  });
  const report = { dryRun: q.dryRun, applied: false, rows: records.length, changes: changes.length, unchanged, errors };
  if (q.dryRun || errors.length > 0 || changes.length === 0) return report;
  await ctx.db.transaction(async (tx) => {
    const saved = await tx
      .insert(contentTranslations)
      .values(
        changes.map((c) => ({
          districtId: ctx.actor.districtId,
          entityType,
          entityId: c.entityId,
          field: c.field,
          locale: q.locale,
          text: c.text,
          updatedBy: ctx.actor.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [
          contentTranslations.districtId,
          contentTranslations.entityType,
          contentTranslations.entityId,
          contentTranslations.field,
          contentTranslations.locale,
        ],
        set: {
          text: sql`excluded.text`,
          version: sql`${contentTranslations.version} + 1`,
          updatedAt: new Date(),
          updatedBy: ctx.actor.userId,
        },
      })
      .returning({
        id: contentTranslations.id,
        entityId: contentTranslations.entityId,
        field: contentTranslations.field,
        version: contentTranslations.version,
      });
    // Someone saved one of these rows between the check and the write: refuse the whole file.
    for (const s of saved) {
      const c = changes.find((x) => x.entityId === s.entityId && x.field === s.field)!;
      if (s.version !== (c.current?.version ?? 0) + 1)
        throw new AppError('conflict', 'A translation changed while the file was applied; check the file again', { current: null });
    }
    await tx.insert(auditLog).values(
      saved.map((s) => {
        const c = changes.find((x) => x.entityId === s.entityId && x.field === s.field)!;
        return auditValues(ctx, {
          action: 'translation.import',
          entityType: 'content_translation',
          entityId: s.id,
          before: c.current ? { entityType, entityId: c.entityId, field: c.field, locale: q.locale, text: c.current.text } : null,
          after: { entityType, entityId: c.entityId, field: c.field, locale: q.locale, text: c.text },
        });
      }),
    );
  });
  return { ...report, applied: true };
}
