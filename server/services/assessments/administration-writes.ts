import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AdministrationCreateInput, AdministrationDetail, AttendeesInput } from '../../../common/schemas/assessments.ts';
import type { Executor } from '../../db/client.ts';
import {
  assessmentAdministrations,
  assessmentAttendees,
  implementationTeams,
  initiatives,
  orgUnits,
  people,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidField, invalidState, notFound } from '../../lib/errors.ts';
import { canAdministerForTeam, canAdministerSolo, canManageAdministration, canReadAssessments } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';
import { administrationView, loadAdministration } from './administrations.ts';
import { loadReach, loadVersion } from './load.ts';

/**
 * Starting, staffing and closing an administration. Every id in the body is checked against the
 * caller's district (400 naming the field); an administration keeps the published version it
 * started with, whatever happens to the instrument afterwards.
 */

type Attendee = AttendeesInput['attendees'][number];

async function checkAttendees(db: Executor, districtId: string, attendees: Attendee[]) {
  const ids = attendees.map((a) => a.personId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) throw invalidField(`attendees.${dup}.personId`, 'listed twice');
  if (ids.length === 0) return;
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.districtId, districtId), inArray(people.id, ids)));
  const known = new Set(found.map((p) => p.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0) throw invalidField(`attendees.${missing}.personId`, 'not a person of this district');
}

async function exists(db: Executor, table: typeof orgUnits | typeof initiatives | typeof people, districtId: string, id: string) {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.districtId, districtId), eq(table.id, id)));
  return Boolean(row);
}

/** POST /api/assessments/administrations */
export async function createAdministration(ctx: Ctx, input: AdministrationCreateInput): Promise<AdministrationDetail> {
  if (!canReadAssessments(ctx.actor)) throw notFound('Administration');
  const districtId = ctx.actor.districtId;
  const version = await loadVersion(ctx, input.versionId).catch(() => {
    throw invalidField('versionId', 'not an instrument version of this district');
  });
  if (version.version.status !== 'published') throw invalidField('versionId', 'only a published version can be administered');
  if (!(await exists(ctx.db, orgUnits, districtId, input.orgUnitId)))
    throw invalidField('orgUnitId', 'not a school or office of this district');
  if (input.initiativeId && !(await exists(ctx.db, initiatives, districtId, input.initiativeId)))
    throw invalidField('initiativeId', 'not an initiative of this district');
  const reach = await loadReach(ctx);
  if (input.teamId) {
    const [team] = await ctx.db
      .select()
      .from(implementationTeams)
      .where(
        and(eq(implementationTeams.districtId, districtId), eq(implementationTeams.id, input.teamId), eq(implementationTeams.active, true)),
      );
    if (!team) throw invalidField('teamId', 'not an active implementation team of this district');
    if (team.orgUnitId !== input.orgUnitId) throw invalidField('orgUnitId', "must be the team's own school or office");
    if (!canAdministerForTeam(ctx.actor, team, reach)) throw forbidden();
  } else {
    if (!(await exists(ctx.db, people, districtId, input.soloPersonId!)))
      throw invalidField('soloPersonId', 'not a person of this district');
    if (!canAdministerSolo(ctx.actor, input, input.soloPersonId!, reach)) throw forbidden();
  }
  await checkAttendees(ctx.db, districtId, input.attendees);

  const { attendees, ...fields } = input;
  const id = await ctx.db.transaction((tx) => insertAdministration(tx, ctx, { instrumentId: version.instrument.id, ...fields }, attendees));
  return administrationView(ctx, id);
}

type AdministrationValues = Omit<typeof assessmentAdministrations.$inferInsert, 'districtId' | 'createdBy'>;

/**
 * Writes a new administration, its attendees and its audit row in the caller's transaction (the
 * caller has checked every id and the caller's right to start it). Returns its id.
 */
export async function insertAdministration(tx: Executor, ctx: Ctx, values: AdministrationValues, attendees: Attendee[]): Promise<string> {
  const districtId = ctx.actor.districtId;
  const [row] = await tx
    .insert(assessmentAdministrations)
    .values({ ...values, districtId, createdBy: ctx.actor.userId })
    .returning({ id: assessmentAdministrations.id });
  if (attendees.length)
    await tx.insert(assessmentAttendees).values(attendees.map((a) => ({ districtId, administrationId: row!.id, ...a })));
  await recordAudit(tx, ctx, {
    action: 'assessment_administration.create',
    entityType: 'assessment_administration',
    entityId: row!.id,
    after: { ...values, attendees },
  });
  return row!.id;
}

async function loadForManage(ctx: Ctx, id: string, expected: number) {
  const loaded = await loadAdministration(ctx, id);
  if (!canManageAdministration(ctx.actor, loaded.access, loaded.reach)) throw forbidden();
  if (loaded.row.status !== 'open') throw invalidState('This administration is closed');
  if (loaded.row.version !== expected) throw conflict(await administrationView(ctx, id));
  return loaded;
}

/** Bumps the administration's version under its lock; false when someone wrote first. */
async function bump(tx: Executor, ctx: Ctx, id: string, expected: number, set: Partial<typeof assessmentAdministrations.$inferInsert>) {
  const [row] = await tx
    .update(assessmentAdministrations)
    .set({
      ...set,
      version: sql`${assessmentAdministrations.version} + 1`,
      liveRevision: sql`${assessmentAdministrations.liveRevision} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(assessmentAdministrations.id, id),
        eq(assessmentAdministrations.districtId, ctx.actor.districtId),
        eq(assessmentAdministrations.version, expected),
        eq(assessmentAdministrations.status, 'open'),
      ),
    )
    .returning({ id: assessmentAdministrations.id });
  return Boolean(row);
}

/** PUT /api/assessments/administrations/:id/attendees: who attends, in which role (the whole list). */
export async function setAttendees(ctx: Ctx, id: string, input: AttendeesInput): Promise<AdministrationDetail> {
  await loadForManage(ctx, id, input.version);
  const districtId = ctx.actor.districtId;
  await checkAttendees(ctx.db, districtId, input.attendees);
  const written = await ctx.db.transaction(async (tx) => {
    if (!(await bump(tx, ctx, id, input.version, {}))) return false;
    const where = and(eq(assessmentAttendees.districtId, districtId), eq(assessmentAttendees.administrationId, id));
    const before = await tx
      .select({ personId: assessmentAttendees.personId, role: assessmentAttendees.role })
      .from(assessmentAttendees)
      .where(where);
    // The attendance list of an open meeting is being written: it is replaced whole, the audit keeps the old one.
    await tx.delete(assessmentAttendees).where(where);
    if (input.attendees.length)
      await tx.insert(assessmentAttendees).values(input.attendees.map((a) => ({ districtId, administrationId: id, ...a })));
    await recordAudit(tx, ctx, {
      action: 'assessment_administration.attendees',
      entityType: 'assessment_administration',
      entityId: id,
      before: { attendees: before },
      after: { attendees: input.attendees },
    });
    return true;
  });
  if (!written) throw conflict(await administrationView(ctx, id));
  return administrationView(ctx, id);
}

/** POST /api/assessments/administrations/:id/close: no more scores; its results stand as they are. */
export async function closeAdministration(ctx: Ctx, id: string, expected: number): Promise<AdministrationDetail> {
  await loadForManage(ctx, id, expected);
  const written = await ctx.db.transaction(async (tx) => {
    if (!(await bump(tx, ctx, id, expected, { status: 'closed', closedAt: new Date(), currentItemId: null, currentItemState: null })))
      return false;
    await recordAudit(tx, ctx, { action: 'assessment_administration.close', entityType: 'assessment_administration', entityId: id });
    return true;
  });
  if (!written) throw conflict(await administrationView(ctx, id));
  return administrationView(ctx, id);
}
