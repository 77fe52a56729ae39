/**
 * Practice-policy feedback: a barrier is routed to the school's team for the initiative (else its
 * district team), acknowledged, escalated to the district team, and resolved or declined with an
 * answer that goes back to the person who raised it (a notification and their own list), never
 * with the teams' internal notes. Every move is audited and versioned.
 */
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, implementationTeamMembers, implementationTeams, initiativeSchools, notifications } from '../db/schema/index.ts';
import { buildActionPlansWorld, type ActionPlansWorld } from '../test/fixtures/action-plans.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ActionPlansWorld;
let teacher: Client;
let member: Client;
let districtMember: Client;

beforeAll(async () => {
  w = await buildActionPlansWorld(t.database.db);
  teacher = await signIn(t.app, w.staff.email);
  member = await signIn(t.app, w.member.email);
  districtMember = await signIn(t.app, w.districtMember.email);
}, 60_000);

const body = (extra: Record<string, unknown> = {}) => ({
  kind: 'policy',
  initiativeId: w.initiative.id,
  orgUnitId: w.schoolA.id,
  description: 'The grading policy contradicts the program',
  ...extra,
});

async function raise(extra: Record<string, unknown> = {}) {
  const res = await teacher.post('/api/barriers', body(extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function move(client: Client, b: { id: string; version: number }, to: string, answer?: string) {
  return client.post(`/api/barriers/${b.id}/move`, { version: b.version, to, ...(answer ? { answer } : {}) });
}

describe('raising', () => {
  it("routes to the school's team for the initiative, tells its members, and audits it", async () => {
    const b = await raise({ itemId: w.world.competencies[0]!.id });
    expect(b).toMatchObject({
      status: 'raised',
      routedTeam: { id: w.schoolTeam.id },
      firstTeam: { id: w.schoolTeam.id },
      component: { id: w.world.competencies[0]!.id },
      raisedBy: { id: w.staff.personId },
      internalNotes: null,
    });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, b.id), eq(notifications.kind, 'barrier_raised')));
    expect(told.map((n) => n.personId).sort()).toEqual([w.facilitator.personId, w.member.personId, w.dataLead.personId].sort());
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, b.id));
    expect(audit!.action).toBe('barrier.raise');
  });

  it('with no school team it goes to the district team; with no team at all it is a 400 naming initiativeId', async () => {
    const b = await raise({ orgUnitId: w.districtUnit.id });
    expect(b.routedTeam.id).toBe(w.districtTeam.id);
    await t.database.db
      .insert(initiativeSchools)
      .values({ districtId: w.districtId, initiativeId: w.otherInitiative.id, orgUnitId: w.schoolA.id });
    const res = await teacher.post('/api/barriers', body({ initiativeId: w.otherInitiative.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('initiativeId');
  });

  it('bad ids are 400s naming the field', async () => {
    for (const [field, extra] of [
      ['orgUnitId', { orgUnitId: w.schoolB.id }],
      ['itemId', { itemId: randomUUID() }],
      ['initiativeId', { initiativeId: randomUUID() }],
      ['kind', { kind: 'weather' }],
      ['description', { description: '' }],
    ] as const) {
      const res = await teacher.post('/api/barriers', body(extra));
      expect(res.statusCode, field).toBe(400);
      expect([res.json().error.details[0].path].flat().join('.')).toBe(field);
    }
  });
});

describe('handling', () => {
  it('acknowledged, escalated, resolved by the district team: the answer goes back; the notes do not', async () => {
    let b = await raise();
    let res = await member.patch(`/api/barriers/${b.id}`, { version: b.version, internalNotes: 'The principal owns this policy' });
    expect(res.statusCode, res.body).toBe(200);
    b = res.json();
    res = await move(member, b, 'acknowledged');
    expect(res.json()).toMatchObject({ status: 'acknowledged', abilities: { moves: ['escalated', 'resolved', 'wont_fix'] } });
    res = await move(member, res.json(), 'escalated');
    expect(res.statusCode, res.body).toBe(200);
    b = res.json();
    expect(b).toMatchObject({ status: 'escalated', routedTeam: { id: w.districtTeam.id }, firstTeam: { id: w.schoolTeam.id } });

    // The school team still reads it, and may no longer answer it: it is not routed to them.
    expect((await member.get(`/api/barriers/${b.id}`)).statusCode).toBe(200);
    expect((await move(member, b, 'resolved', 'Done')).statusCode).toBe(403);
    // The district team closes it, with an answer.
    const noAnswer = await move(districtMember, b, 'resolved');
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.json().error.details[0].path).toBe('answer');
    res = await move(districtMember, b, 'resolved', 'The grading policy now exempts the literacy block');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'resolved', abilities: { moves: [] } });

    const mine = (await teacher.get('/api/barriers/mine')).json();
    const seen = mine.items.find((x: { id: string }) => x.id === b.id);
    expect(seen).toMatchObject({ status: 'resolved', answer: 'The grading policy now exempts the literacy block', internalNotes: null });
    const [told] = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, b.id), eq(notifications.kind, 'barrier_answered')));
    expect(told!.personId).toBe(w.staff.personId);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, b.id))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['barrier.raise', 'barrier.notes', 'barrier.acknowledge', 'barrier.escalate', 'barrier.resolved']),
    );
    expect((await move(districtMember, res.json(), 'acknowledged')).statusCode).toBe(409);
  });

  it('a district team cannot escalate further; a stale version is a 409 with the current barrier', async () => {
    let b = await raise();
    b = (await move(member, b, 'escalated')).json();
    expect(b.abilities.moves).not.toContain('escalated');
    const up = await move(districtMember, b, 'escalated');
    expect(up.statusCode).toBe(409);
    const ok = await move(districtMember, b, 'acknowledged');
    expect(ok.statusCode).toBe(200);
    const stale = await move(districtMember, b, 'wont_fix', 'Out of our hands');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ status: 'acknowledged', version: b.version + 1 });
  });

  it('escalating with no district team is a clear 409 (no_district_team)', async () => {
    const [team] = await t.database.db
      .insert(implementationTeams)
      .values({
        districtId: w.districtId,
        kind: 'school',
        name: 'Behaviour team A',
        orgUnitId: w.schoolA.id,
        initiativeId: w.otherInitiative.id,
      })
      .returning();
    await t.database.db
      .insert(implementationTeamMembers)
      .values({ districtId: w.districtId, teamId: team!.id, personId: w.member.personId, role: 'member', startsOn: '2020-01-01' });
    const [covered] = await t.database.db
      .select()
      .from(initiativeSchools)
      .where(and(eq(initiativeSchools.initiativeId, w.otherInitiative.id), eq(initiativeSchools.orgUnitId, w.schoolA.id)));
    if (!covered)
      await t.database.db
        .insert(initiativeSchools)
        .values({ districtId: w.districtId, initiativeId: w.otherInitiative.id, orgUnitId: w.schoolA.id });
    const b = await raise({ initiativeId: w.otherInitiative.id });
    expect(b.routedTeam.id).toBe(team!.id);
    const res = await move(member, b, 'escalated');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'invalid_state', details: { code: 'no_district_team' } });
  });

  it("the team's queue holds what it holds or first held; HR sees every barrier", async () => {
    const hr = await signIn(t.app, w.hr.email);
    const queue = (await member.get(`/api/implementation-teams/${w.schoolTeam.id}/barriers?status=open`)).json();
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((b: { status: string }) => !['resolved', 'wont_fix'].includes(b.status))).toBe(true);
    const all = (await hr.get('/api/barriers')).json();
    expect(all.total).toBeGreaterThanOrEqual(queue.total);
    expect(all.items[0].internalNotes).not.toBeNull();
  });
});
