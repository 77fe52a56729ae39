import { and, count, eq, sql } from 'drizzle-orm';
import type { VersionContentInput, VersionDetail } from '../../../common/schemas/assessments.ts';
import { assessmentItems, assessmentSections, assessmentVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidField, invalidState } from '../../lib/errors.ts';
import { canBuildInstruments } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';
import { checkScale, writeSections } from './content.ts';
import { loadReach, loadVersion, versionSections, type InstrumentRow, type VersionRow } from './load.ts';

/**
 * A version's content: its scale, target line, sections and items. Only a draft is written; a
 * published version answers 409 `invalid_state` (an edit starts a new draft from it).
 */

export async function presentVersion(ctx: Ctx, version: VersionRow, instrument: InstrumentRow, canBuild: boolean): Promise<VersionDetail> {
  const sections = await versionSections(ctx.db, ctx.actor.districtId, version.id);
  const draft = version.status === 'draft';
  return {
    id: version.id,
    instrument: {
      id: instrument.id,
      name: instrument.name,
      kind: instrument.kind as VersionDetail['instrument']['kind'],
      sourceNote: instrument.sourceNote,
    },
    versionNumber: version.versionNumber,
    status: version.status as VersionDetail['status'],
    scale: version.scalePoints,
    targetPct: version.targetPct,
    sections,
    version: version.version,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    abilities: { edit: draft && canBuild, publish: draft && canBuild, startDraft: !draft && canBuild },
  };
}

/** GET /api/assessments/versions/:versionId */
export async function versionView(ctx: Ctx, versionId: string): Promise<VersionDetail> {
  const { version, instrument } = await loadVersion(ctx, versionId);
  return presentVersion(ctx, version, instrument, canBuildInstruments(ctx.actor, await loadReach(ctx)));
}

async function loadDraftForWrite(ctx: Ctx, versionId: string, expected: number) {
  const loaded = await loadVersion(ctx, versionId);
  if (!canBuildInstruments(ctx.actor, await loadReach(ctx))) throw forbidden();
  if (loaded.version.status !== 'draft') throw invalidState('A published version never changes: start a new draft');
  if (loaded.version.version !== expected) throw conflict(await versionView(ctx, versionId));
  return loaded;
}

/** Bumps the draft's version under its lock; false when someone saved first. */
async function bump(
  tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0],
  ctx: Ctx,
  id: string,
  expected: number,
  set: Partial<VersionRow>,
) {
  const [row] = await tx
    .update(assessmentVersions)
    .set({ ...set, version: sql`${assessmentVersions.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(assessmentVersions.id, id), eq(assessmentVersions.districtId, ctx.actor.districtId), eq(assessmentVersions.version, expected)),
    )
    .returning({ id: assessmentVersions.id });
  return Boolean(row);
}

/** PUT /api/assessments/versions/:versionId: replaces a draft's whole content (the builder saves it at once). */
export async function saveContent(ctx: Ctx, versionId: string, input: VersionContentInput): Promise<VersionDetail> {
  const { version } = await loadDraftForWrite(ctx, versionId, input.version);
  checkScale(input.scale);
  const [current, currentSections] = await Promise.all([
    ctx.db
      .select({ id: assessmentItems.id, key: assessmentItems.key })
      .from(assessmentItems)
      .where(and(eq(assessmentItems.districtId, ctx.actor.districtId), eq(assessmentItems.versionId, versionId))),
    ctx.db
      .select({ id: assessmentSections.id, key: assessmentSections.key })
      .from(assessmentSections)
      .where(and(eq(assessmentSections.districtId, ctx.actor.districtId), eq(assessmentSections.versionId, versionId))),
  ]);
  const itemKeys = new Map(current.map((r) => [r.id, r.key]));
  const sectionKeys = new Map(currentSections.map((r) => [r.id, r.key]));
  const sections = input.sections.map((s, i) => {
    if (s.id && !sectionKeys.has(s.id)) throw invalidField(`sections.${i}.id`, 'not a section of this draft');
    return {
      key: s.id ? sectionKeys.get(s.id) : undefined,
      title: s.title,
      items: s.items.map((item, j) => {
        if (item.id && !itemKeys.has(item.id)) throw invalidField(`sections.${i}.items.${j}.id`, 'not an item of this draft');
        return { key: item.id ? itemKeys.get(item.id) : undefined, text: item.text, guidance: item.guidance };
      }),
    };
  });
  const written = await ctx.db.transaction(async (tx) => {
    if (!(await bump(tx, ctx, versionId, input.version, { scalePoints: input.scale, targetPct: input.targetPct }))) return false;
    // A draft's content is a document being written: it is replaced whole (nothing scores a draft).
    await tx
      .delete(assessmentItems)
      .where(and(eq(assessmentItems.districtId, ctx.actor.districtId), eq(assessmentItems.versionId, versionId)));
    await tx
      .delete(assessmentSections)
      .where(and(eq(assessmentSections.districtId, ctx.actor.districtId), eq(assessmentSections.versionId, versionId)));
    const items = await writeSections(tx, ctx.actor.districtId, versionId, sections);
    await recordAudit(tx, ctx, {
      action: 'assessment_version.update',
      entityType: 'assessment_version',
      entityId: versionId,
      before: { scale: version.scalePoints, targetPct: version.targetPct },
      after: { scale: input.scale, targetPct: input.targetPct, sections: sections.length, items },
    });
    return true;
  });
  if (!written) throw conflict(await versionView(ctx, versionId));
  return versionView(ctx, versionId);
}

/** POST /api/assessments/versions/:versionId/publish: a draft with at least one item and a scale becomes read-only for good. */
export async function publishVersion(ctx: Ctx, versionId: string, expected: number): Promise<VersionDetail> {
  const { version } = await loadDraftForWrite(ctx, versionId, expected);
  const [n] = await ctx.db
    .select({ n: count() })
    .from(assessmentItems)
    .where(and(eq(assessmentItems.districtId, ctx.actor.districtId), eq(assessmentItems.versionId, versionId)));
  if (!n || n.n === 0) throw invalidField('sections', 'a version needs at least one item to be published');
  if (version.scalePoints.length < 2) throw invalidField('scale', 'a version needs a scale of at least two points');
  const written = await ctx.db.transaction(async (tx) => {
    if (!(await bump(tx, ctx, versionId, expected, { status: 'published', publishedAt: new Date(), publishedBy: ctx.actor.userId })))
      return false;
    await recordAudit(tx, ctx, { action: 'assessment_version.publish', entityType: 'assessment_version', entityId: versionId });
    return true;
  });
  if (!written) throw conflict(await versionView(ctx, versionId));
  return versionView(ctx, versionId);
}
