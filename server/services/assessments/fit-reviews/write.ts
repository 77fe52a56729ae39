import { and, eq, sql } from 'drizzle-orm';
import type {
  FitReviewCreateInput,
  FitReviewDetail,
  FitReviewStatusInput,
  FitReviewUpdateInput,
} from '../../../../common/schemas/fit-reviews.ts';
import type { Executor } from '../../../db/client.ts';
import { fitCandidates, fitReviews, implementationTeams, orgUnits } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidField, invalidState, notFound } from '../../../lib/errors.ts';
import { canReadAssessments } from '../../../policies/assessments.ts';
import { canEditFitReview, canStartFitReview } from '../../../policies/fit-reviews.ts';
import { recordAudit } from '../../audit.ts';
import { loadReach, loadVersion } from '../load.ts';
import { fitAccess, loadFitReview, type FitReviewContext, type FitReviewRow } from './load.ts';
import { fitReviewView } from './read.ts';

/**
 * Starting a fit review, changing its title and need, deciding and reopening it. Every id in the
 * body is checked against the caller's district (400 naming the field); a stale `version` answers
 * 409 with the review as it is.
 */

/** POST /api/assessments/fit-reviews */
export async function createFitReview(ctx: Ctx, input: FitReviewCreateInput): Promise<FitReviewDetail> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Fit review');
  const districtId = ctx.actor.districtId;
  const version = await loadVersion(ctx, input.versionId).catch(() => {
    throw invalidField('versionId', 'not an instrument version of this district');
  });
  if (version.instrument.kind !== 'fit') throw invalidField('versionId', 'not a version of a fit instrument');
  if (version.version.status !== 'published') throw invalidField('versionId', 'only a published version can be used');
  const [unit] = await ctx.db
    .select({ id: orgUnits.id, type: orgUnits.type })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.id, input.orgUnitId)));
  if (!unit || (unit.type !== 'district' && unit.type !== 'school'))
    throw invalidField('orgUnitId', "not a school or the district's own unit");
  if (input.teamId) {
    const [team] = await ctx.db
      .select({ orgUnitId: implementationTeams.orgUnitId })
      .from(implementationTeams)
      .where(
        and(eq(implementationTeams.districtId, districtId), eq(implementationTeams.id, input.teamId), eq(implementationTeams.active, true)),
      );
    if (!team) throw invalidField('teamId', 'not an active implementation team of this district');
    if (team.orgUnitId !== input.orgUnitId) throw invalidField('orgUnitId', "must be the team's own school or office");
  }
  if (!canStartFitReview(ctx.actor, input.teamId, await loadReach(ctx))) throw forbidden();

  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fitReviews)
      .values({ districtId, ...input, instrumentId: version.instrument.id, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'fit_review.create', entityType: 'fit_review', entityId: row!.id, after: row });
    return row!.id;
  });
  return fitReviewView(ctx, id);
}

/** A review the caller may edit (else 403; unreadable: 404) at the version the client read (else 409). */
export async function loadForEdit(ctx: Ctx, id: string, expected?: number): Promise<FitReviewContext> {
  const loaded = await loadFitReview(ctx, id);
  if (!canEditFitReview(ctx.actor, fitAccess(loaded.row), loaded.reach)) throw forbidden();
  if (expected !== undefined && loaded.row.version !== expected) throw conflict(await fitReviewView(ctx, id));
  return loaded;
}

export const requireOpen = (row: FitReviewRow) => {
  if (row.status !== 'open') throw invalidState('This fit review is decided: reopen it first');
};

/** Writes `set` over the review at `expected`; false when someone wrote first. */
async function bump(tx: Executor, ctx: Ctx, id: string, expected: number, set: Partial<typeof fitReviews.$inferInsert>) {
  const [row] = await tx
    .update(fitReviews)
    .set({ ...set, version: sql`${fitReviews.version} + 1`, updatedAt: new Date() })
    .where(and(eq(fitReviews.id, id), eq(fitReviews.districtId, ctx.actor.districtId), eq(fitReviews.version, expected)))
    .returning();
  return row ?? null;
}

async function write(ctx: Ctx, before: FitReviewRow, expected: number, action: string, set: Partial<typeof fitReviews.$inferInsert>) {
  const written = await ctx.db.transaction(async (tx) => {
    const after = await bump(tx, ctx, before.id, expected, set);
    if (!after) return false;
    await recordAudit(tx, ctx, { action, entityType: 'fit_review', entityId: before.id, before, after });
    return true;
  });
  if (!written) throw conflict(await fitReviewView(ctx, before.id));
  return fitReviewView(ctx, before.id);
}

/** PATCH /api/assessments/fit-reviews/:id: the title and the need (the team, unit and version stay). */
export async function updateFitReview(ctx: Ctx, id: string, input: FitReviewUpdateInput): Promise<FitReviewDetail> {
  const { row } = await loadForEdit(ctx, id, input.version);
  requireOpen(row);
  const { version, ...fields } = input;
  return write(ctx, row, version, 'fit_review.update', fields);
}

/**
 * POST /api/assessments/fit-reviews/:id/status: `decided` once every candidate has the team's
 * recommendation (409 invalid_state otherwise); `open` again to change them.
 */
export async function setFitReviewStatus(ctx: Ctx, id: string, input: FitReviewStatusInput): Promise<FitReviewDetail> {
  const { row } = await loadForEdit(ctx, id, input.version);
  if (row.status === input.status) throw invalidState(`This fit review is already ${input.status}`);
  if (input.status === 'open')
    return write(ctx, row, input.version, 'fit_review.reopen', { status: 'open', decidedAt: null, decidedBy: null });
  const candidates = await ctx.db
    .select({ recommendation: fitCandidates.recommendation })
    .from(fitCandidates)
    .where(and(eq(fitCandidates.districtId, ctx.actor.districtId), eq(fitCandidates.reviewId, id)));
  if (candidates.length === 0) throw invalidState('Add the candidates first');
  if (candidates.some((c) => c.recommendation === null)) throw invalidState('Record a recommendation for every candidate first');
  return write(ctx, row, input.version, 'fit_review.decide', { status: 'decided', decidedAt: new Date(), decidedBy: ctx.actor.userId });
}
