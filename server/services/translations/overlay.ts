import type { TranslatableType } from '../../../common/schemas/translations.ts';
import type { RubricGrid } from '../../../common/schemas/rubrics.ts';
import type { Executor } from '../../db/client.ts';
import type { ReaderLocale } from '../../lib/reader-locale.ts';
import { storedTranslations } from './edit.ts';

/** Translated fields of records, by entity id: `{ [field]: text }` (only non-empty translations). */
export async function translatedFields(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  entityType: TranslatableType,
  ids: string[],
) {
  const out = new Map<string, Record<string, string>>();
  if (locale === 'en' || ids.length === 0) return out;
  const stored = await storedTranslations(db, districtId, entityType, locale, [...new Set(ids)]);
  for (const row of stored.values()) {
    if (!row.text) continue;
    out.set(row.entityId, { ...out.get(row.entityId), [row.field]: row.text });
  }
  return out;
}

/**
 * Shows each record's fields in the reader's language where the district entered a translation,
 * the original elsewhere. Returns new objects; the records are presentation only.
 */
export async function overlay<T extends object>(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  entityType: TranslatableType,
  records: T[],
  idOf: (r: T) => string | null,
): Promise<T[]> {
  const ids = records.map(idOf).filter((id): id is string => id !== null);
  const byId = await translatedFields(db, districtId, locale, entityType, ids);
  if (byId.size === 0) return records;
  return records.map((r) => {
    const id = idOf(r);
    const fields = id ? byId.get(id) : undefined;
    if (!fields) return r;
    const picked = Object.fromEntries(Object.entries(fields).filter(([field]) => field in r));
    return { ...r, ...picked };
  });
}

/** What a rubric shows a reader: its scale's levels and its criteria with their descriptors. */
interface RubricParts {
  levels: RubricGrid['levels'];
  criteria: RubricGrid['criteria'];
}

/**
 * A rubric's level labels and descriptions (from the scale's translations) and its descriptors'
 * labels and texts (from theirs) in the reader's language, the originals where none was entered.
 */
export async function translateRubricParts<R extends RubricParts>(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  rubric: R,
): Promise<R> {
  if (locale === 'en') return rubric;
  const descriptors = rubric.criteria.flatMap((c) => c.descriptors);
  const [levels, byDescriptor] = await Promise.all([
    overlay(db, districtId, locale, 'scale_level', rubric.levels, (l) => l.id),
    translatedFields(
      db,
      districtId,
      locale,
      'rubric_descriptor',
      descriptors.map((d) => d.id),
    ),
  ]);
  const criteria = rubric.criteria.map((c) => ({
    ...c,
    descriptors: c.descriptors.map((d) => {
      const t = byDescriptor.get(d.id);
      return t ? { ...d, quality: t.quality ?? d.quality, description: t.description ?? d.description } : d;
    }),
  }));
  return { ...rubric, levels, criteria };
}

/**
 * The rubric grid for a reader: its levels and descriptors (translateRubricParts), and the step and
 * pathway names. An editor of a draft gets the originals (the grid is then the form they edit).
 */
export async function translateGrid(db: Executor, districtId: string, locale: ReaderLocale, grid: RubricGrid): Promise<RubricGrid> {
  if (locale === 'en' || grid.abilities.edit) return grid;
  const [parts, steps, pathways] = await Promise.all([
    translateRubricParts(db, districtId, locale, grid),
    translatedFields(db, districtId, locale, 'pathway_step', grid.step ? [grid.step.id] : []),
    translatedFields(db, districtId, locale, 'career_pathway', grid.step ? [grid.step.pathwayId] : []),
  ]);
  const step = grid.step
    ? {
        ...grid.step,
        title: steps.get(grid.step.id)?.title ?? grid.step.title,
        pathwayName: pathways.get(grid.step.pathwayId)?.name ?? grid.step.pathwayName,
      }
    : null;
  return { ...parts, step };
}

/**
 * A list response (`{ items }`) in the reader's language. Editors of the content (`editor`) get
 * the originals: their screens are the forms that change them.
 */
export async function translateItems<L extends { items: { id: string }[] }>(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  entityType: TranslatableType,
  list: L,
  editor: boolean,
): Promise<L> {
  if (editor || locale === 'en') return list;
  return { ...list, items: await overlay(db, districtId, locale, entityType, list.items, (r) => r.id) };
}

/**
 * Pathways (a list's or one) in the reader's language: their names and descriptions, and their
 * steps' titles and summaries. HR and admins (`editor`) get the originals they edit.
 */
export async function translatePathways<P extends { id: string; steps: { id: string }[] }>(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  pathways: P[],
  editor: boolean,
): Promise<P[]> {
  if (editor || locale === 'en') return pathways;
  const translated = await overlay(db, districtId, locale, 'career_pathway', pathways, (p) => p.id);
  const steps = await translatedFields(
    db,
    districtId,
    locale,
    'pathway_step',
    pathways.flatMap((p) => p.steps.map((s) => s.id)),
  );
  if (steps.size === 0) return translated;
  return translated.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, ...pick(s, steps.get(s.id)) })) }));
}

/** The translated fields the record has. */
const pick = (record: object, fields: Record<string, string> | undefined) =>
  fields ? Object.fromEntries(Object.entries(fields).filter(([f]) => f in record)) : {};
