/**
 * Live consensus voting, as a team uses it: the facilitator opens an item, members vote without
 * seeing each other's votes (nobody, the facilitator included, is told a value before the reveal),
 * the votes are revealed together, the consensus is recorded and the next item opens. And the bad
 * input: a vote after the item closed, a member voting twice, a reveal before everyone voted (the
 * facilitator may force it, recorded), votes racing the reveal, one person scoring alone.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VotingState } from '../../common/schemas/assessment-voting.ts';
import type { AdministrationDetail } from '../../common/schemas/assessments.ts';
import { assessmentReveals, assessmentVotes, auditLog } from '../db/schema/index.ts';
import { buildAssessmentWorld, buildVotingAdministration, libraryVersion, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: AssessmentWorld;
let facilitator: Client;
let noteTaker: Client;
let member: Client;
let teacher: Client;
let coach: Client;
let leader: Client;
const base = '/api/assessments/administrations';

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  [facilitator, noteTaker, member, teacher, coach, leader] = await Promise.all([
    signIn(t.app, w.facilitatorA.email),
    signIn(t.app, w.noteTakerA.email),
    signIn(t.app, w.memberA.email),
    signIn(t.app, w.teacher.email),
    signIn(t.app, w.districtMember.email),
    signIn(t.app, w.leaderA.email),
  ]);
}, 90_000);

const item = (i: number) => w.drivers.items[i]!.id;
const open = (id: string, itemId: string, c = facilitator) => c.post(`${base}/${id}/items/${itemId}/open`, {});
const vote = (c: Client, id: string, itemId: string, value: number) => c.request('PUT', `${base}/${id}/items/${itemId}/vote`, { value });
const reveal = (id: string, itemId: string, force = false, c = facilitator) => c.post(`${base}/${id}/items/${itemId}/reveal`, { force });
const stateOf = async (c: Client, id: string) => {
  const res = await c.get(`${base}/${id}/voting`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as VotingState;
};
const ok = <T>(res: { statusCode: number; body: string; json: () => unknown }) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

describe('live consensus voting', () => {
  it('opens an item, keeps votes unseen until they are revealed together, records the consensus and moves on', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    const before = await stateOf(facilitator, a.id);
    expect(before).toMatchObject({ itemId: null, state: null, expected: 3, voted: 0, abilities: { run: true, vote: false } });

    const opened = ok<VotingState>(await open(a.id, item(0)));
    expect(opened).toMatchObject({ itemId: item(0), state: 'open', voted: 0, expected: 3, reveal: null });
    expect(opened.revision).toBeGreaterThan(before.revision);
    expect(opened.voters.map((v) => v.person.id).sort()).toEqual(
      [w.memberA.personId, w.teacher.personId, w.districtMember.personId].sort(),
    );

    const mine = ok<VotingState>(await vote(member, a.id, item(0), 1));
    expect(mine).toMatchObject({ myVote: 1, voted: 1, expected: 3, abilities: { vote: true, run: false } });
    ok(await vote(teacher, a.id, item(0), 2));

    // While open, nobody is told a value: not the facilitator, not another voter, not the administrator.
    for (const c of [facilitator, coach, leader]) {
      const res = await c.get(`${base}/${a.id}/voting`);
      const seen = res.json() as VotingState;
      expect(seen.reveal).toBeNull();
      expect(seen.voted).toBe(2);
      expect(res.body).not.toMatch(/"value"/);
    }
    expect((await stateOf(coach, a.id)).myVote).toBeNull();
    const names = (await stateOf(facilitator, a.id)).voters.filter((v) => v.voted).map((v) => v.person.id);
    expect(names.sort()).toEqual([w.memberA.personId, w.teacher.personId].sort());

    ok(await vote(coach, a.id, item(0), 1));
    const shown = ok<VotingState>(await reveal(a.id, item(0)));
    expect(shown.state).toBe('revealed');
    expect(shown.reveal).toMatchObject({
      forced: false,
      voted: 3,
      expected: 3,
      revealedBy: { id: w.facilitatorA.personId },
      distribution: [
        { value: 0, count: 0 },
        { value: 1, count: 2 },
        { value: 2, count: 1 },
      ],
    });
    expect((await stateOf(leader, a.id)).reveal?.distribution).toEqual(shown.reveal!.distribution);

    // The note taker records the consensus: the item is decided.
    const scored = await noteTaker.request('PUT', `${base}/${a.id}/scores/${item(0)}`, { value: 1, note: 'Two of us saw it partly' });
    expect((scored.json() as AdministrationDetail).currentItemState).toBe('decided');
    expect((await stateOf(member, a.id)).state).toBe('decided');

    // The next item opens fresh; going back to the first shows it as it was.
    const next = ok<VotingState>(await open(a.id, item(1), noteTaker));
    expect(next).toMatchObject({ itemId: item(1), state: 'open', voted: 0, reveal: null });
    expect((await stateOf(member, a.id)).myVote).toBeNull();
    const back = ok<VotingState>(await open(a.id, item(0)));
    expect(back).toMatchObject({ state: 'decided', voted: 3, reveal: { voted: 3 } });
    expect((await stateOf(member, a.id)).myVote).toBe(1);
  });

  it('counts one vote per member: voting again before the reveal replaces the vote, even sent twice at once', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    ok(await open(a.id, item(2)));
    ok(await vote(member, a.id, item(2), 0));
    const again = ok<VotingState>(await vote(member, a.id, item(2), 2));
    expect(again).toMatchObject({ myVote: 2, voted: 1 });
    // A phone that sends the same tap twice.
    const both = await Promise.all([vote(member, a.id, item(2), 1), vote(member, a.id, item(2), 1)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const rows = await t.database.db
      .select()
      .from(assessmentVotes)
      .where(and(eq(assessmentVotes.administrationId, a.id), eq(assessmentVotes.itemId, item(2))));
    expect(rows.map((r) => [r.personId, r.value])).toEqual([[w.memberA.personId, 1]]);
    const shown = ok<VotingState>(await reveal(a.id, item(2), true));
    expect(shown.reveal).toMatchObject({ voted: 1, expected: 3 });
    expect(shown.reveal!.distribution.reduce((n, d) => n + d.count, 0)).toBe(1);
  });

  it('refuses a vote once the item closed: revealed, decided, another item open, the administration closed', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    // Before any item is open.
    const early = await vote(member, a.id, item(0), 1);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('invalid_state');

    ok(await open(a.id, item(0)));
    const outside = await vote(member, a.id, item(0), 3);
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe('value');
    const fit = await libraryVersion(t.database.db, w.districtId, 'trellis-program-fit');
    const foreign = await vote(member, a.id, fit.items[0]!.id, 1);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('itemId');
    const notThisOne = await vote(member, a.id, item(1), 1);
    expect(notThisOne.statusCode).toBe(409);
    expect(notThisOne.json().error.details).toMatchObject({ itemId: item(1), currentItemId: item(0), state: 'open' });

    ok(await vote(member, a.id, item(0), 1));
    ok(await reveal(a.id, item(0), true));
    const afterReveal = await vote(teacher, a.id, item(0), 2);
    expect(afterReveal.statusCode).toBe(409);
    expect(afterReveal.json().error).toMatchObject({ code: 'invalid_state', details: { state: 'revealed' } });
    expect((await vote(member, a.id, item(0), 2)).statusCode).toBe(409);
    expect((await reveal(a.id, item(0), true)).statusCode).toBe(409);

    ok(await open(a.id, item(1)));
    ok(await vote(member, a.id, item(1), 2));
    ok(await facilitator.request('PUT', `${base}/${a.id}/scores/${item(1)}`, { value: 2, note: '' }));
    const afterDecided = await vote(teacher, a.id, item(1), 2);
    expect(afterDecided.json().error).toMatchObject({ code: 'invalid_state', details: { state: 'decided' } });
    // Moved on: a late vote for the earlier item is refused.
    ok(await open(a.id, item(2)));
    expect((await vote(teacher, a.id, item(0), 2)).statusCode).toBe(409);

    const detail = ok<AdministrationDetail>(await facilitator.get(`${base}/${a.id}`));
    ok(await facilitator.post(`${base}/${a.id}/close`, { version: detail.version }));
    const afterClose = await vote(member, a.id, item(2), 1);
    expect(afterClose.json().error).toMatchObject({ code: 'invalid_state', details: { status: 'closed' } });
    expect((await open(a.id, item(3))).json().error.code).toBe('invalid_state');
    const votes = await t.database.db
      .select()
      .from(assessmentVotes)
      .where(and(eq(assessmentVotes.administrationId, a.id), eq(assessmentVotes.personId, w.teacher.personId)));
    expect(votes).toEqual([]);
  });

  it('refuses a reveal before everyone voted, naming who has not; a forced reveal is recorded and audited', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    ok(await open(a.id, item(3)));
    ok(await vote(member, a.id, item(3), 2));
    const early = await reveal(a.id, item(3));
    expect(early.statusCode).toBe(409);
    const { error } = early.json() as { error: { code: string; details: { notVoted: { id: string }[]; voted: number; expected: number } } };
    expect(error.code).toBe('invalid_state');
    expect(error.details).toMatchObject({ voted: 1, expected: 3 });
    expect(error.details.notVoted.map((p) => p.id).sort()).toEqual([w.teacher.personId, w.districtMember.personId].sort());
    expect((await stateOf(member, a.id)).state).toBe('open');

    const forced = ok<VotingState>(await reveal(a.id, item(3), true));
    expect(forced.reveal).toMatchObject({ forced: true, voted: 1, expected: 3, revealedBy: { id: w.facilitatorA.personId } });
    expect(Date.parse(forced.reveal!.revealedAt)).not.toBeNaN();
    const [stored] = await t.database.db.select().from(assessmentReveals).where(eq(assessmentReveals.administrationId, a.id));
    expect(stored).toMatchObject({ itemId: item(3), forced: true, voted: 1, expected: 3, revealedBy: w.facilitatorA.id });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'assessment_voting.reveal_forced')));
    expect(audit).toMatchObject({ actorUserId: w.facilitatorA.id, after: { itemId: item(3), forced: true, voted: 1, expected: 3 } });
    expect((audit!.after as { notVoted: string[] }).notVoted.sort()).toEqual([w.teacher.personId, w.districtMember.personId].sort());
    // The votes' audit says who voted, never how.
    const cast = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, 'assessment_vote.cast')));
    expect(cast.map((c) => c.after)).toEqual([{ itemId: item(3), replaced: false }]);

    // `force` when everyone voted is a plain reveal.
    ok(await open(a.id, item(4)));
    for (const c of [member, teacher, coach]) ok(await vote(c, a.id, item(4), 0));
    expect(ok<VotingState>(await reveal(a.id, item(4), true)).reveal).toMatchObject({ forced: false, voted: 3 });
  });

  it('never lets a vote and the reveal cross: every vote answered 200 is counted, every other is refused', async () => {
    const a = await buildVotingAdministration(t.database.db, w);
    ok(await open(a.id, item(5)));
    const [m, tch, c, shown] = await Promise.all([
      vote(member, a.id, item(5), 1),
      vote(teacher, a.id, item(5), 2),
      vote(coach, a.id, item(5), 2),
      reveal(a.id, item(5), true),
    ]);
    expect(shown.statusCode).toBe(200);
    const accepted = [m, tch, c].filter((r) => r.statusCode === 200).length;
    expect([m, tch, c].every((r) => r.statusCode === 200 || r.statusCode === 409)).toBe(true);
    const state = await stateOf(facilitator, a.id);
    expect(state.reveal!.voted).toBe(accepted);
    const stored = await t.database.db.select().from(assessmentVotes).where(eq(assessmentVotes.administrationId, a.id));
    expect(stored).toHaveLength(accepted);
  });

  it('lets one person scoring alone record directly; the live flow is there but never in the way', async () => {
    const created = await leader.post(base, {
      versionId: w.drivers.versionId,
      soloPersonId: w.leaderA.personId,
      orgUnitId: w.schoolA.id,
      heldOn: '2026-10-02',
    });
    const a = ok<AdministrationDetail>(created);
    const scored = await leader.request('PUT', `${base}/${a.id}/scores/${item(0)}`, { value: 2, note: 'On my own' });
    expect(scored.statusCode, scored.body).toBe(200);
    const state = await stateOf(leader, a.id);
    expect(state).toMatchObject({ itemId: null, expected: 0, abilities: { run: true, vote: false } });
    // Following along item by item works too: an item already scored opens as decided.
    expect(ok<VotingState>(await open(a.id, item(0), leader)).state).toBe('decided');
    expect(ok<VotingState>(await open(a.id, item(1), leader)).state).toBe('open');
    expect((await vote(leader, a.id, item(1), 1)).statusCode).toBe(403);
    ok(await leader.request('PUT', `${base}/${a.id}/scores/${item(1)}`, { value: 1, note: '' }));
    expect((await stateOf(leader, a.id)).state).toBe('decided');
  });
});
