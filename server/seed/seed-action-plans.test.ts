/**
 * The demo's action plan and barrier, installed as the seed would, read back through the API: the
 * plan's first item is due for review at the team's meeting, and the coach sees the district team's
 * answer to their barrier without the teams' notes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../common/clock.ts';
import { buildActionPlansWorld, type ActionPlansWorld } from '../test/fixtures/action-plans.ts';
import { signIn, useTestApp } from '../test/harness.ts';
import { installActionPlansDemo } from './seed-action-plans.ts';

const t = useTestApp();
let w: ActionPlansWorld;
let ids: Awaited<ReturnType<typeof installActionPlansDemo>>;

beforeAll(async () => {
  w = await buildActionPlansWorld(t.database.db);
  ids = await installActionPlansDemo(t.database.db, {
    districtId: w.districtId,
    initiativeId: w.initiative.id,
    schoolId: w.schoolA.id,
    schoolTeamId: w.schoolTeam.id,
    districtTeamId: w.districtTeam.id,
    ownerPersonId: w.member.personId,
    coachPersonId: w.coach.personId,
    meetingId: w.meeting.id,
    pdsaCycleId: w.cycle.id,
    today: todayIn('America/New_York'),
  });
}, 60_000);

describe('installActionPlansDemo', () => {
  it('gives the school team a plan whose first item is up for review at its meeting', async () => {
    const member = await signIn(t.app, w.member.email);
    const plan = (await member.get(`/api/action-plans/${ids.planId}`)).json();
    expect(plan.items).toHaveLength(2);
    expect(plan.items.find((i: { source: { kind: string } }) => i.source.kind === 'pdsa_cycle').source.label).toBe('Blending warm-up');
    const review = (await member.get(`/api/implementation-teams/${w.schoolTeam.id}/meetings/${w.meeting.id}/action-plan-review`)).json();
    expect(review.due.map((d: { id: string }) => d.id)).toContain(ids.itemIds[0]);
  });

  it("shows the coach the district team's answer, not the teams' notes", async () => {
    const coach = await signIn(t.app, w.coach.email);
    const mine = (await coach.get('/api/barriers/mine')).json();
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: ids.barrierId,
        status: 'resolved',
        internalNotes: null,
        firstTeam: expect.objectContaining({ id: w.schoolTeam.id }),
      }),
    ]);
    expect(mine.items[0].answer).toMatch(/common planning block/);
  });
});
