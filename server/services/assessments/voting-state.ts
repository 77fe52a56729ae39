/**
 * Where an administration's live voting stands, as the caller may see it, and its live events.
 *
 * While an item is open the state names who has voted and gives the caller their own vote, never
 * anyone else's (the facilitator's included); once revealed, the counted votes per scale point, as
 * they stood at the reveal. Every live event says only what kind of change happened and the new
 * revision: clients read the state again through these same checks.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { VOTING_ROLES, type ItemState } from '../../../common/assessments.ts';
import { ADMINISTRATION_EVENT, type VotingEventKind, type VotingState } from '../../../common/schemas/assessment-voting.ts';
import type { LiveEvent } from '../../../common/schemas/live.ts';
import type { Executor } from '../../db/client.ts';
import {
  assessmentAdministrations,
  assessmentAttendees,
  assessmentReveals,
  assessmentVotes,
  people,
  users,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import type { LiveHub } from '../../lib/live/hub.ts';
import { canRunVoting, canVote, type AdministrationAccess } from '../../policies/assessments.ts';
import { loadAdministration, personName, type AdministrationRow } from './administrations.ts';

/** The live topic of one administration (district-scoped by the hub). */
export const administrationTopic = (administrationId: string) => `assessment-administration:${administrationId}`;

/** The voting members of an administration, by name. */
export async function votingAttendees(db: Executor, districtId: string, administrationId: string) {
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
    .from(assessmentAttendees)
    .innerJoin(people, and(eq(people.id, assessmentAttendees.personId), eq(people.districtId, assessmentAttendees.districtId)))
    .where(
      and(
        eq(assessmentAttendees.districtId, districtId),
        eq(assessmentAttendees.administrationId, administrationId),
        inArray(assessmentAttendees.role, [...VOTING_ROLES]),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName));
  return rows.map((p) => ({ id: p.id, name: personName(p) }));
}

/** Who voted on an item, with each vote's value: for counting and the caller's own vote only. */
export async function itemVotes(db: Executor, districtId: string, administrationId: string, itemId: string) {
  return db
    .select({ personId: assessmentVotes.personId, value: assessmentVotes.value })
    .from(assessmentVotes)
    .where(
      and(
        eq(assessmentVotes.districtId, districtId),
        eq(assessmentVotes.administrationId, administrationId),
        eq(assessmentVotes.itemId, itemId),
      ),
    );
}

async function loadReveal(db: Executor, districtId: string, administrationId: string, itemId: string) {
  const [row] = await db
    .select({
      reveal: assessmentReveals,
      by: { id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName },
    })
    .from(assessmentReveals)
    .leftJoin(users, eq(users.id, assessmentReveals.revealedBy))
    .leftJoin(people, and(eq(people.id, users.personId), eq(people.districtId, assessmentReveals.districtId)))
    .where(
      and(
        eq(assessmentReveals.districtId, districtId),
        eq(assessmentReveals.administrationId, administrationId),
        eq(assessmentReveals.itemId, itemId),
      ),
    );
  if (!row) return null;
  const r = row.reveal;
  return {
    forced: r.forced,
    revealedBy: row.by?.id ? { id: row.by.id, name: personName(row.by) } : null,
    revealedAt: r.createdAt.toISOString(),
    voted: r.voted,
    expected: r.expected,
    distribution: r.distribution,
  };
}

/** GET /api/assessments/administrations/:id/voting: 404 unless the caller may read the administration. */
export async function votingState(ctx: Ctx, id: string): Promise<VotingState> {
  const { row, access } = await loadAdministration(ctx, id);
  return votingStateOf(ctx, row, access);
}

/** A write of the voting: the administration's row as the write left it, and the caller's access (checked). */
export interface VotingWrite {
  row: AdministrationRow;
  access: AdministrationAccess;
}

/**
 * After a voting write committed: tells everyone following the administration first (the reveal
 * reaches their screens without waiting for anything else), then reads the state for the writer.
 */
export async function announceVotingWrite(ctx: Ctx, live: Pick<LiveHub, 'publish'>, written: VotingWrite, kind: VotingEventKind) {
  await live.publish(ctx.actor.districtId, administrationTopic(written.row.id), administrationEvent(written.row, kind));
  return votingStateOf(ctx, written.row, written.access);
}

/** The voting state of an administration the caller may read (`row` loaded through those checks). */
async function votingStateOf(ctx: Ctx, row: AdministrationRow, access: AdministrationAccess): Promise<VotingState> {
  const id = row.id;
  const districtId = ctx.actor.districtId;
  const itemId = row.currentItemId;
  const [voters, votes, reveal] = await Promise.all([
    votingAttendees(ctx.db, districtId, id),
    itemId ? itemVotes(ctx.db, districtId, id, itemId) : Promise.resolve([]),
    itemId ? loadReveal(ctx.db, districtId, id, itemId) : Promise.resolve(null),
  ]);
  const votedIds = new Set(votes.map((v) => v.personId));
  const open = row.status === 'open';
  const list = voters.map((person) => ({ person, voted: votedIds.has(person.id) }));
  return {
    administrationId: id,
    status: row.status as VotingState['status'],
    revision: row.liveRevision,
    itemId,
    state: row.currentItemState as ItemState | null,
    voters: list,
    voted: list.filter((v) => v.voted).length,
    expected: list.length,
    myVote: votes.find((v) => v.personId === ctx.actor.personId)?.value ?? null,
    myRole: access.myRole,
    reveal,
    abilities: { vote: open && canVote(ctx.actor, access), run: open && canRunVoting(ctx.actor, access) },
  };
}

type EventFields = Pick<AdministrationRow, 'id' | 'liveRevision' | 'currentItemId' | 'currentItemState' | 'status'>;

/** The live event of an administration at its current revision. */
export function administrationEvent(row: EventFields, kind: VotingEventKind): LiveEvent {
  return {
    type: ADMINISTRATION_EVENT,
    id: String(row.liveRevision),
    data: { kind, administrationId: row.id, itemId: row.currentItemId, state: row.currentItemState, status: row.status },
  };
}

/** The administration's current state as a live event (`sync`); 404 unless the caller may read it. */
export async function currentAdministrationEvent(ctx: Ctx, id: string): Promise<LiveEvent> {
  const { row } = await loadAdministration(ctx, id);
  return administrationEvent(row, 'sync');
}

/**
 * Tells everyone following the administration that it changed (`kind`); call once the write
 * committed. The caller's write passed its checks already, so the row is read by id alone.
 */
export async function announceAdministration(ctx: Ctx, live: Pick<LiveHub, 'publish'>, id: string, kind: VotingEventKind) {
  const [row] = await ctx.db
    .select({
      id: assessmentAdministrations.id,
      liveRevision: assessmentAdministrations.liveRevision,
      currentItemId: assessmentAdministrations.currentItemId,
      currentItemState: assessmentAdministrations.currentItemState,
      status: assessmentAdministrations.status,
    })
    .from(assessmentAdministrations)
    .where(and(eq(assessmentAdministrations.districtId, ctx.actor.districtId), eq(assessmentAdministrations.id, id)));
  if (row) await live.publish(ctx.actor.districtId, administrationTopic(id), administrationEvent(row, kind));
}
