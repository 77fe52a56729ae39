import { and, asc, count, eq, sql } from 'drizzle-orm';
import type {
  CreateTrainingSessionsInput,
  TrainingSession,
  TrainingSessionList,
  UpdateTrainingSessionInput,
} from '../../../../common/schemas/training-sessions.ts';
import type { Executor } from '../../../db/client.ts';
import { trainingAttendance, trainingSessions } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { canManageTraining } from '../../../policies/drivers.ts';
import { recordAudit } from '../../audit.ts';
import { markDashboardStale } from '../../dashboards/freshness.ts';
import { focusItemRefs } from '../../coaching/refs.ts';
import { assertProfileItems, type InitiativeRow } from '../initiative.ts';
import { initiativeRef, loadDriverAccess } from './access.ts';
import { profileComponents } from './coverage.ts';

type SessionRow = typeof trainingSessions.$inferSelect;

/** Sessions of the initiative (all, or one) with their attendance counts, in time order. */
export async function presentSessions(ctx: Ctx, initiativeId: string, sessionId?: string): Promise<TrainingSession[]> {
  const rows = await ctx.db
    .select()
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.districtId, ctx.actor.districtId),
        eq(trainingSessions.initiativeId, initiativeId),
        sessionId ? eq(trainingSessions.id, sessionId) : undefined,
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  if (rows.length === 0) return [];
  const counts = await ctx.db
    .select({
      sessionId: trainingAttendance.sessionId,
      recorded: count(),
      attended: sql<number>`count(*) filter (where ${trainingAttendance.attended})`.mapWith(Number),
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(and(eq(trainingSessions.initiativeId, initiativeId), sessionId ? eq(trainingSessions.id, sessionId) : undefined))
    .groupBy(trainingAttendance.sessionId);
  const bySession = new Map(counts.map((c) => [c.sessionId, c]));
  const items = await focusItemRefs(
    ctx.db,
    ctx.actor.districtId,
    rows.map((r) => r.itemId),
  );
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    item: r.itemId ? (items.get(r.itemId) ?? null) : null,
    trainerName: r.trainerName,
    trainerQualification: r.trainerQualification,
    startsAt: r.startsAt.toISOString(),
    durationMinutes: r.durationMinutes,
    location: r.location,
    outcomes: r.outcomes,
    measures: r.measures,
    attended: bySession.get(r.id)?.attended ?? 0,
    recorded: bySession.get(r.id)?.recorded ?? 0,
    version: r.version,
  }));
}

/** The session of this initiative in the caller's district, else 404. */
export async function loadSession(ctx: Ctx, initiative: InitiativeRow, sessionId: string, db: Executor = ctx.db): Promise<SessionRow> {
  const [row] = await db
    .select()
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.id, sessionId),
        eq(trainingSessions.districtId, ctx.actor.districtId),
        eq(trainingSessions.initiativeId, initiative.id),
      ),
    );
  if (!row) throw notFound('Training session');
  return row;
}

/** GET /api/initiatives/:id/training-sessions */
export async function listTrainingSessions(ctx: Ctx, initiativeId: string): Promise<TrainingSessionList> {
  const access = await loadDriverAccess(ctx, initiativeId);
  return {
    initiative: initiativeRef(access.initiative),
    items: await presentSessions(ctx, access.initiative.id),
    components: await profileComponents(ctx, access.initiative),
    abilities: access.abilities,
  };
}

const fieldsOf = (input: CreateTrainingSessionsInput | UpdateTrainingSessionInput) => ({
  topic: input.topic,
  itemId: input.itemId,
  trainerName: input.trainerName,
  trainerQualification: input.trainerQualification.trim(),
  durationMinutes: input.durationMinutes,
  location: input.location.trim(),
  outcomes: input.outcomes.trim(),
  measures: input.measures.trim(),
});

/**
 * POST /api/initiatives/:id/training-sessions: one session per time in `startsAt` (the same topic
 * offered at several times). The component must be one of the initiative's practice profile.
 */
export async function createTrainingSessions(ctx: Ctx, initiativeId: string, input: CreateTrainingSessionsInput) {
  const access = await loadDriverAccess(ctx, initiativeId);
  if (!canManageTraining(ctx.actor, access.facts))
    throw forbidden('Only the training plan’s owner, the district team, HR and admins schedule training');
  if (input.itemId) await assertProfileItems(ctx, access.initiative, [input.itemId], 'itemId');
  const times = [...new Set(input.startsAt.map((s) => new Date(s).getTime()))].map((ms) => new Date(ms));
  const ids = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(trainingSessions)
      .values(
        times.map((startsAt) => ({ districtId: ctx.actor.districtId, initiativeId: access.initiative.id, startsAt, ...fieldsOf(input) })),
      )
      .returning({ id: trainingSessions.id, startsAt: trainingSessions.startsAt });
    await recordAudit(
      tx,
      ctx,
      rows.map((r) => ({
        entityType: 'training_session',
        entityId: r.id,
        action: 'training_session.create',
        after: { initiativeId: access.initiative.id, ...fieldsOf(input), startsAt: r.startsAt.toISOString() },
      })),
    );
    await markDashboardStale(tx, ctx.actor.districtId, [access.initiative.id]);
    return new Set(rows.map((r) => r.id));
  });
  return { items: (await presentSessions(ctx, access.initiative.id)).filter((s) => ids.has(s.id)) };
}

/** PUT /api/initiatives/:id/training-sessions/:sessionId: a stale version answers 409 with the current session. */
export async function updateTrainingSession(ctx: Ctx, initiativeId: string, sessionId: string, input: UpdateTrainingSessionInput) {
  const access = await loadDriverAccess(ctx, initiativeId);
  const row = await loadSession(ctx, access.initiative, sessionId);
  if (!canManageTraining(ctx.actor, access.facts))
    throw forbidden('Only the training plan’s owner, the district team, HR and admins edit training');
  const current = async () => (await presentSessions(ctx, access.initiative.id, sessionId))[0]!;
  if (row.version !== input.version) throw conflict(await current());
  if (input.itemId) await assertProfileItems(ctx, access.initiative, [input.itemId], 'itemId');
  const after = { ...fieldsOf(input), startsAt: new Date(input.startsAt) };
  const updated = await ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(trainingSessions)
      .set({ ...after, version: sql`${trainingSessions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(trainingSessions.id, row.id), eq(trainingSessions.version, input.version)))
      .returning({ id: trainingSessions.id });
    if (!done) return false;
    await recordAudit(tx, ctx, {
      entityType: 'training_session',
      entityId: row.id,
      action: 'training_session.update',
      before: { ...fieldsOf({ ...row, version: row.version, startsAt: row.startsAt.toISOString() }), startsAt: row.startsAt.toISOString() },
      after: { ...after, startsAt: after.startsAt.toISOString() },
    });
    await markDashboardStale(tx, ctx.actor.districtId, [access.initiative.id]);
    return true;
  });
  if (!updated) throw conflict(await current());
  return current();
}
