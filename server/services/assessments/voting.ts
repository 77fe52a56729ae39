/**
 * The live voting on an administration: opening an item, voting on it, revealing the votes.
 *
 * Each write takes the administration's row lock (an UPDATE or SELECT ... FOR UPDATE) before it
 * checks where the voting stands, so a vote and the reveal never cross: a vote that reaches the row
 * after the reveal finds the item revealed and is refused (409), and the reveal counts every vote
 * committed before it. Every write counts one more live revision; votes leave the administration's
 * `version` alone (a close or an attendee edit is not refused because someone voted).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ItemState, ScalePoint } from '../../../common/assessments.ts';
import type { Executor } from '../../db/client.ts';
import {
  assessmentAdministrations,
  assessmentItems,
  assessmentReveals,
  assessmentScores,
  assessmentVersions,
  assessmentVotes,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidField, invalidState } from '../../lib/errors.ts';
import { canRunVoting, canVote } from '../../policies/assessments.ts';
import { recordAudit } from '../audit.ts';
import { loadAdministration, type AdministrationRow } from './administrations.ts';
import { itemVotes, votingAttendees, type VotingWrite } from './voting-state.ts';

const a = assessmentAdministrations;

/** The scale of the administration's version, once `itemId` is known to be one of its items (else 400). */
async function itemScale(ctx: Ctx, row: AdministrationRow, itemId: string): Promise<ScalePoint[]> {
  const districtId = ctx.actor.districtId;
  const [found] = await ctx.db
    .select({ scalePoints: assessmentVersions.scalePoints })
    .from(assessmentItems)
    .innerJoin(
      assessmentVersions,
      and(eq(assessmentVersions.id, assessmentItems.versionId), eq(assessmentVersions.districtId, assessmentItems.districtId)),
    )
    .where(and(eq(assessmentItems.districtId, districtId), eq(assessmentItems.id, itemId), eq(assessmentItems.versionId, row.versionId)));
  if (!found) throw invalidField('itemId', "not an item of this administration's version");
  return found.scalePoints;
}

/** Why `itemId` takes no vote (or reveal) now: a 409 saying where the voting stands. */
async function notOpen(tx: Executor, ctx: Ctx, id: string, itemId: string) {
  const [now] = await tx
    .select({ status: a.status, currentItemId: a.currentItemId, state: a.currentItemState })
    .from(a)
    .where(and(eq(a.districtId, ctx.actor.districtId), eq(a.id, id)));
  const details = { itemId, currentItemId: now?.currentItemId ?? null, state: now?.state ?? null, status: now?.status ?? null };
  if (now?.status !== 'open') return invalidState('This administration is closed', details);
  if (now.currentItemId !== itemId) return invalidState('This item is not open for voting: the team is on another item', details);
  if (now.state === 'revealed') return invalidState("This item's votes are revealed: votes are locked", details);
  return invalidState("This item's consensus score is recorded: votes are locked", details);
}

/** Where an item stands when it is opened: decided once scored, revealed once its votes were shown, else open. */
async function stateOnOpening(tx: Executor, districtId: string, id: string, itemId: string): Promise<ItemState> {
  const [scored] = await tx
    .select({ id: assessmentScores.id })
    .from(assessmentScores)
    .where(
      and(eq(assessmentScores.districtId, districtId), eq(assessmentScores.administrationId, id), eq(assessmentScores.itemId, itemId)),
    );
  if (scored) return 'decided';
  const [revealed] = await tx
    .select({ id: assessmentReveals.id })
    .from(assessmentReveals)
    .where(
      and(eq(assessmentReveals.districtId, districtId), eq(assessmentReveals.administrationId, id), eq(assessmentReveals.itemId, itemId)),
    );
  return revealed ? 'revealed' : 'open';
}

/**
 * POST /api/assessments/administrations/:id/items/:itemId/open: the team moves to this item.
 * An item never voted on opens for votes; one whose votes were revealed, or whose consensus is
 * recorded, comes back as it was (votes are never reopened or thrown away).
 */
export async function openItem(ctx: Ctx, id: string, itemId: string): Promise<VotingWrite> {
  const { row, access } = await loadAdministration(ctx, id);
  if (!canRunVoting(ctx.actor, access)) throw forbidden('Only the facilitator or the note taker opens an item');
  if (row.status !== 'open') throw invalidState('This administration is closed');
  await itemScale(ctx, row, itemId);
  const districtId = ctx.actor.districtId;
  const after = await ctx.db.transaction(async (tx) => {
    const state = await stateOnOpening(tx, districtId, id, itemId);
    const [updated] = await tx
      .update(a)
      .set({ currentItemId: itemId, currentItemState: state, liveRevision: sql`${a.liveRevision} + 1`, updatedAt: new Date() })
      .where(and(eq(a.id, id), eq(a.districtId, districtId), eq(a.status, 'open')))
      .returning();
    if (!updated) throw invalidState('This administration is closed');
    await recordAudit(tx, ctx, {
      action: 'assessment_voting.open',
      entityType: 'assessment_administration',
      entityId: id,
      before: { itemId: row.currentItemId, state: row.currentItemState },
      after: { itemId, state },
    });
    return updated;
  });
  return { row: after, access };
}

/**
 * PUT /api/assessments/administrations/:id/items/:itemId/vote: the caller's vote on the open item.
 * Voting again before the reveal replaces one's own vote (one vote per person and item, whatever
 * the network did); after the reveal, once scored, on another item or a closed administration: 409.
 * The audit says who voted when, not how: values stay unseen until the reveal.
 */
export async function castVote(ctx: Ctx, id: string, itemId: string, value: number): Promise<VotingWrite> {
  const { row, access } = await loadAdministration(ctx, id);
  if (!canVote(ctx.actor, access)) throw forbidden('Only voting members vote');
  const scale = await itemScale(ctx, row, itemId);
  if (!scale.some((p) => p.value === value)) throw invalidField('value', 'not a point of the scale');
  const districtId = ctx.actor.districtId;
  const personId = ctx.actor.personId;
  const after = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .update(a)
      .set({ liveRevision: sql`${a.liveRevision} + 1`, updatedAt: new Date() })
      .where(
        and(eq(a.id, id), eq(a.districtId, districtId), eq(a.status, 'open'), eq(a.currentItemId, itemId), eq(a.currentItemState, 'open')),
      )
      .returning();
    if (!locked) throw await notOpen(tx, ctx, id, itemId);
    const mine = and(
      eq(assessmentVotes.districtId, districtId),
      eq(assessmentVotes.administrationId, id),
      eq(assessmentVotes.itemId, itemId),
      eq(assessmentVotes.personId, personId),
    );
    const [before] = await tx.select({ id: assessmentVotes.id }).from(assessmentVotes).where(mine);
    if (before) await tx.update(assessmentVotes).set({ value, updatedAt: new Date() }).where(mine);
    else await tx.insert(assessmentVotes).values({ districtId, administrationId: id, itemId, personId, value });
    await recordAudit(tx, ctx, {
      action: 'assessment_vote.cast',
      entityType: 'assessment_administration',
      entityId: id,
      after: { itemId, replaced: Boolean(before) },
    });
    return locked;
  });
  return { row: after, access };
}

/**
 * POST /api/assessments/administrations/:id/items/:itemId/reveal: shows the votes together and
 * locks them. Before every voting member has voted it is refused (409, naming who has not) unless
 * `force`; a forced reveal is recorded with who forced it, when, and how many had voted.
 */
export async function revealVotes(ctx: Ctx, id: string, itemId: string, force: boolean): Promise<VotingWrite> {
  const { row, access } = await loadAdministration(ctx, id);
  if (!canRunVoting(ctx.actor, access)) throw forbidden('Only the facilitator or the note taker reveals the votes');
  const scale = await itemScale(ctx, row, itemId);
  const districtId = ctx.actor.districtId;
  const after = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: a.status, currentItemId: a.currentItemId, state: a.currentItemState })
      .from(a)
      .where(and(eq(a.id, id), eq(a.districtId, districtId)))
      .for('update');
    if (locked?.status !== 'open' || locked.currentItemId !== itemId || locked.state !== 'open') throw await notOpen(tx, ctx, id, itemId);
    const [voters, votes] = await Promise.all([votingAttendees(tx, districtId, id), itemVotes(tx, districtId, id, itemId)]);
    const byPerson = new Map(votes.map((v) => [v.personId, v.value]));
    const counted = voters.filter((p) => byPerson.has(p.id)).map((p) => byPerson.get(p.id)!);
    const notVoted = voters.filter((p) => !byPerson.has(p.id));
    if (notVoted.length > 0 && !force)
      throw invalidState('Not every voting member has voted; the facilitator may reveal the votes anyway', {
        notVoted,
        voted: counted.length,
        expected: voters.length,
      });
    const forced = notVoted.length > 0;
    const distribution = scale.map((p) => ({ value: p.value, count: counted.filter((v) => v === p.value).length }));
    await tx.insert(assessmentReveals).values({
      districtId,
      administrationId: id,
      itemId,
      revealedBy: ctx.actor.userId,
      forced,
      voted: counted.length,
      expected: voters.length,
      distribution,
    });
    const [revealed] = await tx
      .update(a)
      .set({ currentItemState: 'revealed', liveRevision: sql`${a.liveRevision} + 1`, updatedAt: new Date() })
      .where(and(eq(a.id, id), eq(a.districtId, districtId)))
      .returning();
    await recordAudit(tx, ctx, {
      action: forced ? 'assessment_voting.reveal_forced' : 'assessment_voting.reveal',
      entityType: 'assessment_administration',
      entityId: id,
      after: { itemId, forced, voted: counted.length, expected: voters.length, notVoted: notVoted.map((p) => p.id), distribution },
    });
    return revealed!;
  });
  return { row: after, access };
}
