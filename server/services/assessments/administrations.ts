import { and, asc, count, desc, eq, exists, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AdministrationRole, ItemState } from '../../../common/assessments.ts';
import type {
  AdministrationDetail,
  AdministrationList,
  AdministrationListQuery,
  AdministrationSummary,
} from '../../../common/schemas/assessments.ts';
import type { Executor } from '../../db/client.ts';
import {
  assessmentAdministrations,
  assessmentAttendees,
  assessmentInstruments,
  assessmentScores,
  assessmentVersions,
  fitCandidates,
  fitReviews,
  implementationTeams,
  orgUnits,
  people,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import {
  canManageAdministration,
  canPlanFromAdministration,
  canReadAdministration,
  canReadAssessments,
  canScore,
  onDistrictTeam,
  type AdministrationAccess,
  type AssessmentReach,
} from '../../policies/assessments.ts';
import { loadReach, versionSections } from './load.ts';
import { resultsOf } from './scoring.ts';

/** Reading administrations: one with its version's content, scores and results; lists filtered to what the caller may read. */

export type AdministrationRow = typeof assessmentAdministrations.$inferSelect;
const solo = alias(people, 'solo_person');

export const personName = (p: { givenName: string; familyName: string; preferredName: string | null }) =>
  `${p.preferredName ?? p.givenName} ${p.familyName}`.trim();

const columns = {
  a: assessmentAdministrations,
  instrumentName: assessmentInstruments.name,
  versionNumber: assessmentVersions.versionNumber,
  teamName: implementationTeams.name,
  orgUnitName: orgUnits.name,
  solo: { id: solo.id, givenName: solo.givenName, familyName: solo.familyName, preferredName: solo.preferredName },
};
type Loaded = Awaited<ReturnType<typeof selectAdministrations>>[number];

function selectAdministrations(db: Executor, where: SQL | undefined) {
  const a = assessmentAdministrations;
  return db
    .select(columns)
    .from(a)
    .innerJoin(assessmentInstruments, and(eq(assessmentInstruments.id, a.instrumentId), eq(assessmentInstruments.districtId, a.districtId)))
    .innerJoin(assessmentVersions, and(eq(assessmentVersions.id, a.versionId), eq(assessmentVersions.districtId, a.districtId)))
    .innerJoin(orgUnits, and(eq(orgUnits.id, a.orgUnitId), eq(orgUnits.districtId, a.districtId)))
    .leftJoin(implementationTeams, and(eq(implementationTeams.id, a.teamId), eq(implementationTeams.districtId, a.districtId)))
    .leftJoin(solo, and(eq(solo.id, a.soloPersonId), eq(solo.districtId, a.districtId)))
    .where(where);
}

function summary(l: Loaded): AdministrationSummary {
  const a = l.a;
  return {
    id: a.id,
    title: a.title,
    heldOn: a.heldOn,
    status: a.status as AdministrationSummary['status'],
    instrument: { id: a.instrumentId, name: l.instrumentName },
    versionId: a.versionId,
    versionNumber: l.versionNumber,
    team: a.teamId ? { id: a.teamId, name: l.teamName ?? '' } : null,
    soloPerson: l.solo?.id ? { id: l.solo.id, name: personName(l.solo) } : null,
    orgUnit: { id: a.orgUnitId, name: l.orgUnitName },
    initiativeId: a.initiativeId,
    totalPct: a.totalPct,
    version: a.version,
  };
}

/** The caller's role at an administration, if they attend it. */
export async function myRole(ctx: Ctx, administrationId: string, db: Executor = ctx.db): Promise<AdministrationRole | null> {
  const [row] = await db
    .select({ role: assessmentAttendees.role })
    .from(assessmentAttendees)
    .where(
      and(
        eq(assessmentAttendees.districtId, ctx.actor.districtId),
        eq(assessmentAttendees.administrationId, administrationId),
        eq(assessmentAttendees.personId, ctx.actor.personId),
      ),
    );
  return (row?.role as AdministrationRole | undefined) ?? null;
}

export const accessOf = (row: AdministrationRow, role: AdministrationRole | null): AdministrationAccess => ({
  orgUnitId: row.orgUnitId,
  teamId: row.teamId,
  soloPersonId: row.soloPersonId,
  createdBy: row.createdBy,
  myRole: role,
});

export interface LoadedAdministration {
  loaded: Loaded;
  row: AdministrationRow;
  access: AdministrationAccess;
  reach: AssessmentReach;
}

/** An administration the caller may read, else 404 (another district's, or outside their scope). */
export async function loadAdministration(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<LoadedAdministration> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Administration');
  const [loaded] = await selectAdministrations(
    db,
    and(eq(assessmentAdministrations.districtId, ctx.actor.districtId), eq(assessmentAdministrations.id, id)),
  );
  if (!loaded) throw notFound('Administration');
  const [role, reach] = await Promise.all([myRole(ctx, id, db), loadReach(ctx, db)]);
  const access = accessOf(loaded.a, role);
  if (!canReadAdministration(ctx.actor, access, reach)) throw notFound('Administration');
  return { loaded, row: loaded.a, access, reach };
}

/** GET /api/assessments/administrations/:id */
export async function administrationView(ctx: Ctx, id: string): Promise<AdministrationDetail> {
  const { loaded, row, access, reach } = await loadAdministration(ctx, id);
  const districtId = ctx.actor.districtId;
  const [[version], sections, attendees, scores] = await Promise.all([
    ctx.db
      .select()
      .from(assessmentVersions)
      .where(and(eq(assessmentVersions.districtId, districtId), eq(assessmentVersions.id, row.versionId))),
    versionSections(ctx.db, districtId, row.versionId),
    ctx.db
      .select({
        role: assessmentAttendees.role,
        id: people.id,
        givenName: people.givenName,
        familyName: people.familyName,
        preferredName: people.preferredName,
      })
      .from(assessmentAttendees)
      .innerJoin(people, and(eq(people.id, assessmentAttendees.personId), eq(people.districtId, assessmentAttendees.districtId)))
      .where(and(eq(assessmentAttendees.districtId, districtId), eq(assessmentAttendees.administrationId, id)))
      .orderBy(asc(people.familyName), asc(people.givenName)),
    ctx.db
      .select()
      .from(assessmentScores)
      .where(and(eq(assessmentScores.districtId, districtId), eq(assessmentScores.administrationId, id))),
  ]);
  const v = version!;
  const open = row.status === 'open';
  const [instrument, [fit]] = await Promise.all([
    ctx.db
      .select({ kind: assessmentInstruments.kind, sourceNote: assessmentInstruments.sourceNote })
      .from(assessmentInstruments)
      .where(and(eq(assessmentInstruments.districtId, districtId), eq(assessmentInstruments.id, row.instrumentId))),
    ctx.db
      .select({ reviewId: fitReviews.id, reviewTitle: fitReviews.title, candidateId: fitCandidates.id, name: fitCandidates.name })
      .from(fitCandidates)
      .innerJoin(fitReviews, and(eq(fitReviews.id, fitCandidates.reviewId), eq(fitReviews.districtId, fitCandidates.districtId)))
      .where(and(eq(fitCandidates.districtId, districtId), eq(fitCandidates.administrationId, id))),
  ]);
  return {
    ...summary(loaded),
    content: {
      id: v.id,
      instrument: {
        id: row.instrumentId,
        name: loaded.instrumentName,
        kind: instrument[0]!.kind as AdministrationDetail['content']['instrument']['kind'],
        sourceNote: instrument[0]!.sourceNote,
      },
      versionNumber: v.versionNumber,
      status: v.status as 'draft' | 'published',
      scale: v.scalePoints,
      targetPct: v.targetPct,
      sections,
      version: v.version,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    },
    attendees: attendees.map((a) => ({ person: { id: a.id, name: personName(a) }, role: a.role as AdministrationRole })),
    scores: scores.map((s) => ({
      itemId: s.itemId,
      value: s.value,
      note: s.note,
      version: s.version,
      updatedAt: s.updatedAt.toISOString(),
    })),
    results: { ...resultsOf(row.results, sections), targetPct: v.targetPct },
    currentItemId: row.currentItemId,
    currentItemState: row.currentItemState as ItemState | null,
    fitCandidate: fit ?? null,
    abilities: {
      score: open && canScore(ctx.actor, access),
      manage: open && canManageAdministration(ctx.actor, access, reach),
      planActions: canPlanFromAdministration(ctx.actor, access, reach),
    },
  };
}

/** The administrations the caller may read, as a SQL condition (HR, admins and the district team: all). */
export function readableWhere(ctx: Ctx, reach: AssessmentReach): SQL | undefined {
  const a = assessmentAdministrations;
  if (isHrOrAdmin(ctx.actor) || onDistrictTeam(reach)) return undefined;
  const teamIds = reach.memberships.map((m) => m.teamId);
  return or(
    eq(a.soloPersonId, ctx.actor.personId),
    eq(a.createdBy, ctx.actor.userId),
    ctx.actor.leaderOrgUnitIds.length ? inArray(a.orgUnitId, ctx.actor.leaderOrgUnitIds) : undefined,
    teamIds.length ? inArray(a.teamId, teamIds) : undefined,
    exists(
      ctx.db
        .select({ one: assessmentAttendees.id })
        .from(assessmentAttendees)
        .where(
          and(
            eq(assessmentAttendees.districtId, a.districtId),
            eq(assessmentAttendees.administrationId, a.id),
            eq(assessmentAttendees.personId, ctx.actor.personId),
          ),
        ),
    ),
  );
}

/** GET /api/assessments/administrations: newest first, by instrument, team or org unit. */
export async function listAdministrations(ctx: Ctx, q: AdministrationListQuery): Promise<AdministrationList> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Administrations');
  const a = assessmentAdministrations;
  const reach = await loadReach(ctx);
  const where = and(
    eq(a.districtId, ctx.actor.districtId),
    q.instrumentId ? eq(a.instrumentId, q.instrumentId) : undefined,
    q.teamId ? eq(a.teamId, q.teamId) : undefined,
    q.orgUnitId ? eq(a.orgUnitId, q.orgUnitId) : undefined,
    readableWhere(ctx, reach),
  );
  const [rows, [total]] = await Promise.all([
    selectAdministrations(ctx.db, where).orderBy(desc(a.heldOn), desc(a.createdAt)).limit(q.limit).offset(q.offset),
    ctx.db.select({ n: count() }).from(a).where(where),
  ]);
  return { items: rows.map(summary), total: total?.n ?? 0 };
}
