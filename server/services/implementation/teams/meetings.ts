import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Driver, ImplementationTeamKind } from '../../../../common/implementation.ts';
import type {
  ActionItem,
  CreateMeetingInput,
  Meeting,
  TakeDataReviewInput,
  UpdateMeetingInput,
} from '../../../../common/schemas/implementation-teams.ts';
import type { Executor } from '../../../db/client.ts';
import { implementationActionItems, implementationDecisions, implementationMeetings, people } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidState, notFound } from '../../../lib/errors.ts';
import { canEditImplementationRecords } from '../../../policies/implementation-teams.ts';
import { recordAudit } from '../../audit.ts';
import { districtToday } from '../../coaching/refs.ts';
import { takeTeamDataReview } from './data-review.ts';
import { actorRoles, loadTeamRow, type ImplementationTeamRow } from './load.ts';

type MeetingRow = typeof implementationMeetings.$inferSelect;
type ActionItemRow = typeof implementationActionItems.$inferSelect;
const personRef = { id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName };

/** The team and one of its meetings, in the caller's district; 404 otherwise (a meeting of another team too). */
export async function loadMeeting(ctx: Ctx, teamId: string, meetingId: string, db: Executor = ctx.db) {
  const team = await loadTeamRow(ctx, teamId, db);
  const [meeting] = await db
    .select()
    .from(implementationMeetings)
    .where(
      and(
        eq(implementationMeetings.id, meetingId),
        eq(implementationMeetings.teamId, teamId),
        eq(implementationMeetings.districtId, ctx.actor.districtId),
      ),
    );
  if (!meeting) throw notFound('Meeting');
  return { team, meeting };
}

/** May the caller write the team's records? Current members of an active team; everyone else 403. */
export async function requireRecordEditor(ctx: Ctx, team: ImplementationTeamRow, db: Executor = ctx.db) {
  const { today } = await districtToday(db, ctx.actor.districtId);
  const roles = await actorRoles(ctx, team.id, today, db);
  if (!canEditImplementationRecords(ctx.actor, team, roles.length > 0)) {
    if (!team.active) throw invalidState('This team has been retired', { code: 'team_retired' });
    throw forbidden("Only the team's current members write its meetings, decisions and action items");
  }
  return today;
}

/** Action items as the API shows them (owner named). */
export async function presentActionItems(db: Executor, districtId: string, rows: ActionItemRow[]): Promise<ActionItem[]> {
  if (rows.length === 0) return [];
  const owners = await db
    .select(personRef)
    .from(people)
    .where(and(eq(people.districtId, districtId), inArray(people.id, [...new Set(rows.map((r) => r.ownerPersonId))])));
  const byId = new Map(owners.map((o) => [o.id, o]));
  return rows.map((r) => ({
    id: r.id,
    teamId: r.teamId,
    meetingId: r.meetingId,
    decisionId: r.decisionId,
    text: r.text,
    owner: byId.get(r.ownerPersonId) ?? { id: r.ownerPersonId, givenName: '?', familyName: '', preferredName: null },
    dueOn: r.dueOn,
    doneAt: r.doneAt ? r.doneAt.toISOString() : null,
    version: r.version,
  }));
}

/** A meeting with its decisions and action items, and whether the caller may edit it. */
export async function meetingView(ctx: Ctx, teamId: string, meetingId: string, db: Executor = ctx.db): Promise<Meeting> {
  const { team, meeting } = await loadMeeting(ctx, teamId, meetingId, db);
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(db, districtId);
  const [roles, decisions, items] = await Promise.all([
    actorRoles(ctx, teamId, today, db),
    db
      .select()
      .from(implementationDecisions)
      .where(and(eq(implementationDecisions.districtId, districtId), eq(implementationDecisions.meetingId, meetingId)))
      .orderBy(asc(implementationDecisions.createdAt)),
    db
      .select()
      .from(implementationActionItems)
      .where(and(eq(implementationActionItems.districtId, districtId), eq(implementationActionItems.meetingId, meetingId)))
      .orderBy(asc(implementationActionItems.dueOn), asc(implementationActionItems.createdAt)),
  ]);
  return presentMeeting(team, meeting, {
    decisions: decisions.map((d) => ({ id: d.id, text: d.text, driver: d.driver as Driver | null, createdAt: d.createdAt.toISOString() })),
    actionItems: await presentActionItems(db, districtId, items),
    edit: canEditImplementationRecords(ctx.actor, team, roles.length > 0),
  });
}

function presentMeeting(
  team: ImplementationTeamRow,
  m: MeetingRow,
  extra: { decisions: Meeting['decisions']; actionItems: ActionItem[]; edit: boolean },
): Meeting {
  return {
    id: m.id,
    team: { id: team.id, name: team.name, kind: team.kind as ImplementationTeamKind },
    meetsAt: m.meetsAt.toISOString(),
    agenda: m.agenda,
    notes: m.notes,
    dataReview: m.dataReview ?? null,
    version: m.version,
    // As meeting-live.ts counts it: a decision adds one, an action item its version.
    revision: m.version + extra.decisions.length + extra.actionItems.reduce((n, i) => n + i.version, 0),
    updatedAt: m.updatedAt.toISOString(),
    decisions: extra.decisions,
    actionItems: extra.actionItems,
    abilities: { edit: extra.edit },
  };
}

/** Schedules (or records) a meeting of the team with its agenda (current members). */
export async function createMeeting(ctx: Ctx, teamId: string, input: z.infer<typeof CreateMeetingInput>): Promise<Meeting> {
  const team = await loadTeamRow(ctx, teamId);
  await requireRecordEditor(ctx, team);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(implementationMeetings)
      .values({
        districtId: ctx.actor.districtId,
        teamId,
        meetsAt: new Date(input.meetsAt),
        agenda: input.agenda,
        updatedBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'implementation_meeting.create',
      entityType: 'implementation_meeting',
      entityId: row!.id,
      after: row,
    });
    return row!.id;
  });
  return meetingView(ctx, teamId, id);
}

/** Writes the meeting under its version: a second member saving over a version they did not read gets 409 and the current meeting. */
async function writeMeeting(ctx: Ctx, teamId: string, meeting: MeetingRow, version: number, set: Partial<MeetingRow>, action: string) {
  if (meeting.version !== version) throw conflict(await meetingView(ctx, teamId, meeting.id));
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(implementationMeetings)
      .set({ ...set, version: version + 1, updatedBy: ctx.actor.userId, updatedAt: new Date() })
      .where(
        and(
          eq(implementationMeetings.id, meeting.id),
          eq(implementationMeetings.districtId, ctx.actor.districtId),
          eq(implementationMeetings.version, version),
        ),
      )
      .returning();
    if (!updated) throw conflict(await meetingView(ctx, teamId, meeting.id, tx));
    await recordAudit(tx, ctx, { action, entityType: 'implementation_meeting', entityId: meeting.id, before: meeting, after: updated });
  });
  return meetingView(ctx, teamId, meeting.id);
}

/** Edits the meeting's time, agenda or notes. */
export async function updateMeeting(ctx: Ctx, teamId: string, meetingId: string, input: z.infer<typeof UpdateMeetingInput>) {
  const { team, meeting } = await loadMeeting(ctx, teamId, meetingId);
  await requireRecordEditor(ctx, team);
  const { version, meetsAt, ...rest } = input;
  return writeMeeting(
    ctx,
    teamId,
    meeting,
    version,
    { ...rest, ...(meetsAt ? { meetsAt: new Date(meetsAt) } : {}) },
    'implementation_meeting.update',
  );
}

/**
 * "Take the data review": snapshots the team's data (fidelity, observations, coaching, training of
 * its initiative and schools over the last 90 days) with the work samples discussed into the meeting,
 * so the record shows what was seen. Taking it again replaces the snapshot.
 */
export async function takeDataReview(ctx: Ctx, teamId: string, meetingId: string, input: z.infer<typeof TakeDataReviewInput>) {
  const { team, meeting } = await loadMeeting(ctx, teamId, meetingId);
  const today = await requireRecordEditor(ctx, team);
  if (meeting.version !== input.version) throw conflict(await meetingView(ctx, teamId, meetingId));
  const review = await takeTeamDataReview(ctx, team, today, input.workSamples);
  return writeMeeting(ctx, teamId, meeting, input.version, { dataReview: review }, 'implementation_meeting.data_review');
}
