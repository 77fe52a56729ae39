/**
 * Action plans: items follow the problem-solving protocol, with an owner of the district and a source
 * of the plan's own team or initiative; progress is reviewed at the team's meetings; a meeting lists
 * the items due for review; a meeting action item can be promoted into an item; every write is audited.
 */
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, implementationActionItems, implementationDecisions } from '../db/schema/index.ts';
import { buildActionPlansWorld, buildPlan, itemBody, type ActionPlansWorld } from '../test/fixtures/action-plans.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ActionPlansWorld;
let member: Client;
let planId: string;

beforeAll(async () => {
  w = await buildActionPlansWorld(t.database.db);
  member = await signIn(t.app, w.member.email);
  planId = (await buildPlan(t.database.db, w)).id;
}, 60_000);

const items = () => `/api/action-plans/${planId}/items`;

async function addItem(extra: Record<string, unknown> = {}) {
  const res = await member.post(items(), itemBody(w, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function badField(body: Record<string, unknown>) {
  const res = await member.post(items(), body);
  expect(res.statusCode, res.body).toBe(400);
  return res.json().error.details[0].path as string | string[];
}
const joined = (p: string | string[]) => (Array.isArray(p) ? p.join('.') : p);

describe('plans', () => {
  it("a member creates a plan for the team's initiative, audited; the team's list shows its counts", async () => {
    const res = await member.post(`/api/implementation-teams/${w.schoolTeam.id}/action-plans`, { title: 'Capacity plan' });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ title: 'Capacity plan', initiative: { id: w.initiative.id }, active: true, abilities: { edit: true } });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, plan.id));
    expect(audit!.action).toBe('action_plan.create');
    const list = (await member.get(`/api/implementation-teams/${w.schoolTeam.id}/action-plans`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(plan.id);
    expect(list.abilities.create).toBe(true);
  });

  it('an initiative the team does not lead is a 400 naming initiativeId; a stale version 409 with the current plan', async () => {
    const res = await member.post(`/api/implementation-teams/${w.schoolTeam.id}/action-plans`, {
      title: 'X',
      initiativeId: w.otherInitiative.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('initiativeId');
    const ok = await member.patch(`/api/action-plans/${planId}`, { version: 1, title: 'Coaching time, term 2' });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await member.patch(`/api/action-plans/${planId}`, { version: 1, title: 'Lost' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ title: 'Coaching time, term 2', version: 2 });
  });
});

describe('items', () => {
  it('keeps every protocol step, names the source and the owner, and is audited', async () => {
    const item = await addItem();
    expect(item).toMatchObject({
      status: 'open',
      source: { kind: 'pdsa_cycle', id: w.cycle.id, label: 'Blending warm-up' },
      rootCauses: ['No coaching time in the timetable', 'Coaches cover classes'],
      owner: { id: w.member.personId },
      reviewDue: true,
      overdue: false,
      version: 1,
    });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audit!.action).toBe('action_plan_item.create');
  });

  it('an item with no owner, or an owner of another district, is a 400 naming ownerId', async () => {
    const { ownerId: _drop, ...noOwner } = itemBody(w);
    void _drop;
    expect(joined(await badField(noOwner))).toBe('ownerId');
    expect(joined(await badField(itemBody(w, { ownerId: w.outsiderPerson.id })))).toBe('ownerId');
    expect(joined(await badField(itemBody(w, { ownerId: randomUUID() })))).toBe('ownerId');
  });

  it('a source of another initiative, of another team or another district, or unnamed, is a 400 naming source.id', async () => {
    for (const source of [
      { kind: 'pdsa_cycle', id: w.otherCycle.id },
      { kind: 'pdsa_cycle', id: randomUUID() },
      { kind: 'pdsa_cycle', id: null },
      { kind: 'manual', id: w.cycle.id },
      { kind: 'fidelity_component', id: randomUUID() },
    ]) {
      expect(joined(await badField(itemBody(w, { source }))), JSON.stringify(source)).toBe('source.id');
    }
    // A decision of the district team's meeting is not the school team's.
    const [decision] = await t.database.db
      .insert(implementationDecisions)
      .values({ districtId: w.districtId, meetingId: w.districtMeeting.id, text: 'District decision' })
      .returning();
    expect(joined(await badField(itemBody(w, { source: { kind: 'implementation_decision', id: decision!.id } })))).toBe('source.id');
  });

  it('takes a decision of its team, a component of the profile, or the team’s own words as the source', async () => {
    const fromDecision = await addItem({ source: { kind: 'implementation_decision', id: w.decision.id } });
    expect(fromDecision.source.label).toBe('Add a second coaching cycle');
    const component = w.world.competencies[0]!;
    const fromComponent = await addItem({ source: { kind: 'fidelity_component', id: component.id } });
    expect(fromComponent.source).toMatchObject({ kind: 'fidelity_component', id: component.id });
    const manual = await addItem({ source: { kind: 'manual', id: null } });
    expect(manual.source).toEqual({ kind: 'manual', id: null, label: null });
  });

  it('an empty step (no root causes, no strategy) is a 400 naming it', async () => {
    expect(joined(await badField(itemBody(w, { rootCauses: [] })))).toBe('rootCauses');
    expect(joined(await badField(itemBody(w, { strategy: ' ' })))).toBe('strategy');
  });

  it('promotes a meeting action item of the same team; another team’s item is a 400 naming actionItemId', async () => {
    const promoted = await addItem({ actionItemId: w.actionItem.id });
    expect(promoted.actionItemId).toBe(w.actionItem.id);
    const [foreign] = await t.database.db
      .insert(implementationActionItems)
      .values({
        districtId: w.districtId,
        teamId: w.districtTeam.id,
        text: 'District item',
        ownerPersonId: w.districtMember.personId,
        dueOn: '2030-01-01',
      })
      .returning();
    expect(joined(await badField(itemBody(w, { actionItemId: foreign!.id })))).toBe('actionItemId');
  });

  it('moves through its statuses under a version check: a stale version is a 409 with the current item', async () => {
    const item = await addItem();
    const url = `${items()}/${item.id}`;
    const res = await member.patch(url, { version: 1, status: 'in_progress' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', version: 2 });
    const stale = await member.patch(url, { version: 1, status: 'dropped' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ status: 'in_progress', version: 2 });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'action_plan_item.in_progress'));
    expect(audit!.entityId).toBe(item.id);
  });
});

describe('reviews at meetings', () => {
  it("records a review at the team's meeting; another team's meeting is a 400 naming meetingId", async () => {
    const item = await addItem();
    const url = `${items()}/${item.id}/reviews`;
    const bad = await member.post(url, { reviewedOn: '2024-02-01', note: 'x', meetingId: w.districtMeeting.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('meetingId');
    const future = await member.post(url, { reviewedOn: '2999-01-01', note: 'x' });
    expect(future.json().error.details[0].path).toBe('reviewedOn');
    const res = await member.post(url, { reviewedOn: '2024-02-01', note: 'Two periods protected at one school', meetingId: w.meeting.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reviews).toEqual([
      expect.objectContaining({ note: 'Two periods protected at one school', meeting: expect.objectContaining({ id: w.meeting.id }) }),
    ]);

    const review = (await member.get(`/api/implementation-teams/${w.schoolTeam.id}/meetings/${w.meeting.id}/action-plan-review`)).json();
    expect(review.reviewed.map((r: { itemId: string }) => r.itemId)).toContain(item.id);
    expect(review.due.map((d: { id: string }) => d.id)).toContain(item.id);
  });

  it('a meeting lists only active items whose review date has come', async () => {
    const later = await addItem({ reviewOn: '2999-01-01' });
    const done = await addItem();
    await member.patch(`${items()}/${done.id}`, { version: 1, status: 'done' });
    const review = (await member.get(`/api/implementation-teams/${w.schoolTeam.id}/meetings/${w.meeting.id}/action-plan-review`)).json();
    const ids = review.due.map((d: { id: string }) => d.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(done.id);
    expect(review.due[0].planTitle).toBeTruthy();
  });
});
