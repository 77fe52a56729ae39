import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { SCALE_PRESETS } from '../../../common/assessments.ts';
import type {
  Instrument,
  InstrumentInput,
  InstrumentList,
  InstrumentUpdateInput,
  VersionDetail,
} from '../../../common/schemas/assessments.ts';
import { assessmentInstruments, assessmentItems, assessmentVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canBuildInstruments, canInstallLibrary, canReadAssessments, type AssessmentReach } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';
import { writeSections } from './content.ts';
import { loadInstrument, loadReach, versionSections, type InstrumentRow } from './load.ts';
import { versionView } from './versions.ts';

/** Instruments: the family of versions, listed with each version's status and size. */

async function present(ctx: Ctx, rows: InstrumentRow[], reach: AssessmentReach): Promise<Instrument[]> {
  const ids = rows.map((r) => r.id);
  const versions = ids.length
    ? await ctx.db
        .select({ v: assessmentVersions, items: count(assessmentItems.id) })
        .from(assessmentVersions)
        .leftJoin(
          assessmentItems,
          and(eq(assessmentItems.versionId, assessmentVersions.id), eq(assessmentItems.districtId, assessmentVersions.districtId)),
        )
        .where(and(eq(assessmentVersions.districtId, ctx.actor.districtId), inArray(assessmentVersions.instrumentId, ids)))
        .groupBy(assessmentVersions.id)
        .orderBy(desc(assessmentVersions.versionNumber))
    : [];
  const build = canBuildInstruments(ctx.actor, reach);
  return rows.map((r) => {
    const mine = versions.filter((v) => v.v.instrumentId === r.id);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as Instrument['kind'],
      description: r.description,
      sourceNote: r.sourceNote,
      builtIn: r.libraryKey !== null,
      version: r.version,
      versions: mine.map(({ v, items }) => ({
        id: v.id,
        versionNumber: v.versionNumber,
        status: v.status as 'draft' | 'published',
        publishedAt: v.publishedAt?.toISOString() ?? null,
        items,
      })),
      abilities: { edit: build, administer: mine.some(({ v }) => v.status === 'published') },
    };
  });
}

/** GET /api/assessments/instruments */
export async function listInstruments(ctx: Ctx): Promise<InstrumentList> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Instruments');
  const [rows, reach] = await Promise.all([
    ctx.db
      .select()
      .from(assessmentInstruments)
      .where(and(eq(assessmentInstruments.districtId, ctx.actor.districtId), eq(assessmentInstruments.active, true)))
      .orderBy(asc(assessmentInstruments.name))
      .limit(500),
    loadReach(ctx),
  ]);
  return {
    items: await present(ctx, rows, reach),
    abilities: { create: canBuildInstruments(ctx.actor, reach), installLibrary: canInstallLibrary(ctx.actor) },
  };
}

/** GET /api/assessments/instruments/:id */
export async function instrumentView(ctx: Ctx, id: string): Promise<Instrument> {
  const row = await loadInstrument(ctx, id);
  const [view] = await present(ctx, [row], await loadReach(ctx));
  return view!;
}

async function requireBuilder(ctx: Ctx) {
  if (!canReadAssessments(ctx.actor)) throw notFound('Instrument');
  if (!canBuildInstruments(ctx.actor, await loadReach(ctx))) throw forbidden();
}

/** POST /api/assessments/instruments: the instrument with an empty draft (version 1) on the 1-5 scale. */
export async function createInstrument(ctx: Ctx, input: InstrumentInput): Promise<Instrument> {
  await requireBuilder(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(assessmentInstruments)
      .values({ districtId: ctx.actor.districtId, ...input, createdBy: ctx.actor.userId })
      .returning();
    await tx
      .insert(assessmentVersions)
      .values({ districtId: ctx.actor.districtId, instrumentId: row!.id, versionNumber: 1, scalePoints: SCALE_PRESETS.one_to_five });
    await recordAudit(tx, ctx, {
      action: 'assessment_instrument.create',
      entityType: 'assessment_instrument',
      entityId: row!.id,
      after: input,
    });
    return row!.id;
  });
  return instrumentView(ctx, id);
}

/** PATCH /api/assessments/instruments/:id: name, kind, description and source note. */
export async function updateInstrument(ctx: Ctx, id: string, input: InstrumentUpdateInput): Promise<Instrument> {
  const row = await loadInstrument(ctx, id);
  await requireBuilder(ctx);
  const { version, ...fields } = input;
  if (row.version !== version) throw conflict(await instrumentView(ctx, id));
  const written = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(assessmentInstruments)
      .set({ ...fields, version: sql`${assessmentInstruments.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(assessmentInstruments.id, id),
          eq(assessmentInstruments.districtId, ctx.actor.districtId),
          eq(assessmentInstruments.version, version),
        ),
      )
      .returning({ id: assessmentInstruments.id });
    if (!updated) return false;
    const before = Object.fromEntries(Object.keys(fields).map((k) => [k, row[k as keyof InstrumentRow]]));
    await recordAudit(tx, ctx, {
      action: 'assessment_instrument.update',
      entityType: 'assessment_instrument',
      entityId: id,
      before,
      after: fields,
    });
    return true;
  });
  if (!written) throw conflict(await instrumentView(ctx, id));
  return instrumentView(ctx, id);
}

/**
 * POST /api/assessments/instruments/:id/draft: a new draft copied from the latest published
 * version (same keys, so results follow each item over time). One draft at a time: 409 otherwise.
 */
export async function startDraft(ctx: Ctx, id: string): Promise<VersionDetail> {
  await loadInstrument(ctx, id);
  await requireBuilder(ctx);
  const versions = await ctx.db
    .select()
    .from(assessmentVersions)
    .where(and(eq(assessmentVersions.districtId, ctx.actor.districtId), eq(assessmentVersions.instrumentId, id)))
    .orderBy(desc(assessmentVersions.versionNumber));
  if (versions.some((v) => v.status === 'draft')) throw invalidState('This instrument already has a draft');
  const latest = versions[0];
  if (!latest) throw invalidState('This instrument has no version to copy');
  const sections = await versionSections(ctx.db, ctx.actor.districtId, latest.id);
  const draftId = await ctx.db.transaction(async (tx) => {
    const [draft] = await tx
      .insert(assessmentVersions)
      .values({
        districtId: ctx.actor.districtId,
        instrumentId: id,
        versionNumber: latest.versionNumber + 1,
        scalePoints: latest.scalePoints,
        targetPct: latest.targetPct,
      })
      .returning({ id: assessmentVersions.id });
    await writeSections(
      tx,
      ctx.actor.districtId,
      draft!.id,
      sections.map((s) => ({
        key: s.key,
        title: s.title,
        items: s.items.map((i) => ({ key: i.key, text: i.text, guidance: i.guidance })),
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'assessment_version.create',
      entityType: 'assessment_version',
      entityId: draft!.id,
      after: { instrumentId: id, basedOn: latest.id, versionNumber: latest.versionNumber + 1 },
    });
    return draft!.id;
  });
  return versionView(ctx, draftId);
}
