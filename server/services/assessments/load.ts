import { and, asc, eq } from 'drizzle-orm';
import type { AssessmentSection } from '../../../common/schemas/assessments.ts';
import type { Executor } from '../../db/client.ts';
import { assessmentInstruments, assessmentItems, assessmentSections, assessmentVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canReadAssessments, type AssessmentReach } from '../../policies/assessments.ts';
import { currentTeamMemberships } from '../implementation/teams/memberships.ts';

export type InstrumentRow = typeof assessmentInstruments.$inferSelect;
export type VersionRow = typeof assessmentVersions.$inferSelect;

/** The caller's current memberships of active implementation teams. */
export async function loadReach(ctx: Ctx, db: Executor = ctx.db): Promise<AssessmentReach> {
  return { memberships: await currentTeamMemberships(ctx, db) };
}

/** The instrument of the caller's district, else 404 (a vendor guest: 404 always). */
export async function loadInstrument(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<InstrumentRow> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Instrument');
  const [row] = await db
    .select()
    .from(assessmentInstruments)
    .where(and(eq(assessmentInstruments.id, id), eq(assessmentInstruments.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Instrument');
  return row;
}

/** A version of the caller's district with its instrument, else 404. */
export async function loadVersion(
  ctx: Ctx,
  id: string,
  db: Executor = ctx.db,
): Promise<{ version: VersionRow; instrument: InstrumentRow }> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Instrument version');
  const [row] = await db
    .select({ version: assessmentVersions, instrument: assessmentInstruments })
    .from(assessmentVersions)
    .innerJoin(
      assessmentInstruments,
      and(
        eq(assessmentInstruments.id, assessmentVersions.instrumentId),
        eq(assessmentInstruments.districtId, assessmentVersions.districtId),
      ),
    )
    .where(and(eq(assessmentVersions.id, id), eq(assessmentVersions.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Instrument version');
  return row;
}

/** The ordered sections of a version with their ordered items. */
export async function versionSections(db: Executor, districtId: string, versionId: string): Promise<AssessmentSection[]> {
  const [sections, items] = await Promise.all([
    db
      .select()
      .from(assessmentSections)
      .where(and(eq(assessmentSections.districtId, districtId), eq(assessmentSections.versionId, versionId)))
      .orderBy(asc(assessmentSections.position)),
    db
      .select()
      .from(assessmentItems)
      .where(and(eq(assessmentItems.districtId, districtId), eq(assessmentItems.versionId, versionId)))
      .orderBy(asc(assessmentItems.position)),
  ]);
  return sections.map((s) => ({
    id: s.id,
    key: s.key,
    position: s.position,
    title: s.title,
    items: items
      .filter((i) => i.sectionId === s.id)
      .map((i) => ({ id: i.id, key: i.key, position: i.position, text: i.text, guidance: i.guidance })),
  }));
}
