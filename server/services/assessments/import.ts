import { and, desc, eq, sql } from 'drizzle-orm';
import { ASSESSMENT_LIMITS } from '../../../common/assessments.ts';
import type { InstrumentImportInput, InstrumentImportResult } from '../../../common/schemas/assessments.ts';
import { assessmentInstruments, assessmentItems, assessmentSections, assessmentVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canBuildInstruments, canReadAssessments } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';
import { readCsv } from '../teams/csv.ts';
import { checkScale, writeSections, type SectionContent } from './content.ts';
import { loadReach, versionSections } from './load.ts';

/**
 * Imports an instrument (a district's licensed copy, say) from a CSV of `section, item, guidance`
 * rows: sections in the order they first appear, items in file order. A dry run reports row errors
 * and counts; applying writes a draft to review and publish. The same file again changes nothing:
 * it goes into the instrument of that name, and only as a new draft when its text differs.
 */

type RowError = InstrumentImportResult['errors'][number];

function parseRows(csv: string): { sections: SectionContent[]; rows: number; errors: RowError[] } {
  const records = readCsv(csv, ['section', 'item']);
  const errors: RowError[] = [];
  const sections: SectionContent[] = [];
  if (records.length > ASSESSMENT_LIMITS.csvRows) errors.push({ line: ASSESSMENT_LIMITS.csvRows + 2, code: 'too_many_rows' });
  for (const r of records.slice(0, ASSESSMENT_LIMITS.csvRows)) {
    const title = r.get('section');
    const text = r.get('item');
    const guidance = r.get('guidance');
    if (!title) errors.push({ line: r.line, code: 'missing', field: 'section' });
    if (!text) errors.push({ line: r.line, code: 'missing', field: 'item' });
    if (title.length > ASSESSMENT_LIMITS.nameChars) errors.push({ line: r.line, code: 'too_long', field: 'section' });
    if (text.length > ASSESSMENT_LIMITS.textChars) errors.push({ line: r.line, code: 'too_long', field: 'item' });
    if (guidance.length > ASSESSMENT_LIMITS.textChars) errors.push({ line: r.line, code: 'too_long', field: 'guidance' });
    if (!title || !text) continue;
    let section = sections.find((s) => s.title === title);
    if (!section) {
      section = { title, items: [] };
      sections.push(section);
    }
    if (section.items.some((i) => i.text === text)) errors.push({ line: r.line, code: 'duplicate', field: 'item' });
    else section.items.push({ text, guidance });
  }
  if (sections.length > ASSESSMENT_LIMITS.sections) errors.push({ line: 1, code: 'too_many_sections', field: 'section' });
  if (sections.some((s) => s.items.length > ASSESSMENT_LIMITS.itemsPerSection))
    errors.push({ line: 1, code: 'too_many_items', field: 'item' });
  if (records.length === 0) errors.push({ line: 2, code: 'empty' });
  return { sections, rows: records.length, errors };
}

const sameText = (a: SectionContent[], b: SectionContent[]) =>
  JSON.stringify(a.map((s) => [s.title, s.items.map((i) => [i.text, i.guidance])])) ===
  JSON.stringify(b.map((s) => [s.title, s.items.map((i) => [i.text, i.guidance])]));

/** POST /api/assessments/instruments/import */
export async function importInstrument(ctx: Ctx, input: InstrumentImportInput): Promise<InstrumentImportResult> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Instrument');
  if (!canBuildInstruments(ctx.actor, await loadReach(ctx))) throw forbidden();
  checkScale(input.scale);
  const { sections, rows, errors } = parseRows(input.csv);
  const items = sections.reduce((n, s) => n + s.items.length, 0);
  const result = {
    dryRun: input.dryRun,
    applied: false,
    rows,
    sections: sections.length,
    items,
    errors,
    instrumentId: null,
    versionId: null,
  };
  if (input.dryRun || errors.length > 0) return result;

  const districtId = ctx.actor.districtId;
  const [existing] = await ctx.db
    .select()
    .from(assessmentInstruments)
    .where(and(eq(assessmentInstruments.districtId, districtId), sql`lower(${assessmentInstruments.name}) = lower(${input.name})`));
  const [latest] = existing
    ? await ctx.db
        .select()
        .from(assessmentVersions)
        .where(and(eq(assessmentVersions.districtId, districtId), eq(assessmentVersions.instrumentId, existing.id)))
        .orderBy(desc(assessmentVersions.versionNumber))
        .limit(1)
    : [];
  const previous = latest ? await versionSections(ctx.db, districtId, latest.id) : [];
  if (existing && latest && sameText(previous, sections)) return { ...result, instrumentId: existing.id, versionId: latest.id };
  // Items whose text is unchanged keep their key, so their results follow them into the new version.
  const keyed = sections.map((s) => {
    const before = previous.find((p) => p.title === s.title);
    return {
      key: before?.key,
      title: s.title,
      items: s.items.map((i) => ({ ...i, key: before?.items.find((b) => b.text === i.text)?.key })),
    };
  });

  return ctx.db.transaction(async (tx) => {
    const { dryRun: _d, csv: _c, scale, targetPct, ...fields } = input;
    const instrumentId =
      existing?.id ??
      (
        await tx
          .insert(assessmentInstruments)
          .values({ districtId, ...fields, createdBy: ctx.actor.userId })
          .returning()
      )[0]!.id;
    let versionId: string;
    if (latest?.status === 'draft') {
      versionId = latest.id;
      await tx.delete(assessmentItems).where(and(eq(assessmentItems.versionId, versionId), eq(assessmentItems.districtId, districtId)));
      await tx
        .delete(assessmentSections)
        .where(and(eq(assessmentSections.versionId, versionId), eq(assessmentSections.districtId, districtId)));
      await tx
        .update(assessmentVersions)
        .set({ scalePoints: scale, targetPct, version: sql`${assessmentVersions.version} + 1`, updatedAt: new Date() })
        .where(and(eq(assessmentVersions.id, versionId), eq(assessmentVersions.districtId, districtId)));
    } else {
      const [v] = await tx
        .insert(assessmentVersions)
        .values({ districtId, instrumentId, versionNumber: (latest?.versionNumber ?? 0) + 1, scalePoints: scale, targetPct })
        .returning({ id: assessmentVersions.id });
      versionId = v!.id;
    }
    await writeSections(tx, districtId, versionId, keyed);
    await recordAudit(tx, ctx, {
      action: 'assessment_instrument.import',
      entityType: 'assessment_version',
      entityId: versionId,
      after: { instrumentId, name: input.name, sections: sections.length, items },
    });
    return { ...result, applied: true, instrumentId, versionId };
  });
}
