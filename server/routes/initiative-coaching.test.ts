/**
 * Initiative coaching: one coach, many covered staff; people outside the covered schools, a coach
 * coaching themselves, components outside the profile and coaching plans of another coach or
 * without the person refused with the field named; re-sending changes nothing; CSV dry run and
 * apply; 409 on a stale edit; reviews and the `due` hint.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDriverWorld, type DriverWorld } from '../test/fixtures/drivers.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: DriverWorld;
let hr: Client;

const base = () => `/api/initiatives/${w.initiative.id}/coaching`;
const assign = (extra: Record<string, unknown>) =>
  hr.post(base(), { coachPersonId: w.coach.personId, personIds: [w.teachersA[0]!.id], startsOn: '2026-09-01', ...extra });
const fieldOf = (res: { json: () => { error: { details: { path: string }[] } } }) => res.json().error.details[0]!.path;

beforeAll(async () => {
  w = await buildDriverWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email!);
}, 60_000);

describe('assigning', () => {
  it('refuses people outside the covered schools or the district, self-coaching, other components and plans', async () => {
    let res = await assign({ personIds: [w.teachersA[0]!.id, w.teacherB.id] });
    expect(res.statusCode).toBe(400);
    expect(fieldOf(res)).toBe('personIds.1');
    res = await assign({ personIds: [w.outsiderPerson.id] });
    expect(fieldOf(res)).toBe('personIds.0');
    res = await assign({ coachPersonId: w.outsiderPerson.id });
    expect(fieldOf(res)).toBe('coachPersonId');
    res = await assign({ personIds: [w.coach.personId] });
    expect(fieldOf(res)).toBe('personIds.0');
    res = await assign({ itemId: w.otherFramework.competencies[0]!.id });
    expect(fieldOf(res)).toBe('itemId');
    res = await assign({ coachPersonId: w.coachingOwner.personId, coachingPlanId: w.coachingPlan.id });
    expect(fieldOf(res)).toBe('coachingPlanId');
    res = await assign({ personIds: [w.teachersA[1]!.id], coachingPlanId: w.coachingPlan.id });
    expect(fieldOf(res)).toBe('coachingPlanId');
    res = await assign({ endsOn: '2026-08-01' });
    expect(fieldOf(res)).toBe('endsOn');
    expect((await hr.get(base())).json().items).toEqual([]);
  });

  it('assigns one coach to many, linked to their plan; re-sending changes nothing', async () => {
    const body = { itemId: w.profile.competencies[0]!.id, personIds: w.teachersA.map((p) => p.id) };
    expect((await assign(body)).json()).toEqual({ created: 2, unchanged: 0 });
    expect((await assign(body)).json()).toEqual({ created: 0, unchanged: 2 });
    const linked = await assign({ ...body, personIds: [w.teachersA[0]!.id], coachingPlanId: w.coachingPlan.id, startsOn: '2026-10-01' });
    expect(linked.json()).toEqual({ created: 1, unchanged: 0 });
    const items = (await hr.get(base())).json().items;
    expect(items).toHaveLength(3);
    expect(items.find((i: { coachingPlan: unknown }) => i.coachingPlan)).toMatchObject({
      coachingPlan: { title: 'Literacy coaching' },
      item: { code: '1a' },
    });
  });

  it('moves an assignment to the next component; a stale version answers 409 with the current one', async () => {
    const [first] = (await hr.get(base())).json().items;
    const edit = {
      version: first.version,
      itemId: w.profile.competencies[1]!.id,
      coachingPlanId: null,
      startsOn: first.startsOn,
      endsOn: null,
    };
    const res = await hr.request('PUT', `${base()}/${first.id}`, edit);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().item.code).toBe('1b');
    const stale = await hr.request('PUT', `${base()}/${first.id}`, { ...edit, itemId: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.item.code).toBe('1b');
  });
});

describe('CSV', () => {
  it('checks each row, writes nothing on a dry run or an error, and applies once', async () => {
    const coachEmail = w.coach.email!;
    const bad = `coach,person,component,starts_on\n${coachEmail},b-teacher@example.test,1a,2026-11-01\n${coachEmail},nobody@example.test,9z,soon\n`;
    const refused = (await hr.post(`${base()}/import`, { csv: bad, dryRun: false })).json();
    expect(refused.applied).toBe(false);
    expect(refused.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [2, 'not_covered'],
      [3, 'unknown_person'],
      [3, 'unknown_component'],
      [3, 'bad_date'],
    ]);
    const teacherEmail = w.staff.email!;
    const good = `coach,person,component,starts_on,ends_on\n${coachEmail},${teacherEmail},1C,2026-11-01,\n`;
    expect((await hr.post(`${base()}/import`, { csv: good, dryRun: true })).json()).toMatchObject({
      applied: false,
      counts: { create: 1 },
    });
    expect((await hr.post(`${base()}/import`, { csv: good, dryRun: false })).json()).toMatchObject({
      applied: true,
      counts: { create: 1 },
    });
    expect((await hr.post(`${base()}/import`, { csv: good, dryRun: false })).json()).toMatchObject({ counts: { create: 0, unchanged: 1 } });
    const items = (await hr.get(base())).json().items;
    expect(items.filter((i: { person: { id: string } }) => i.person.id === w.staff.personId)).toHaveLength(1);
  });
});

describe('coaching-system reviews', () => {
  it('is due until a review within four months is recorded; refuses a future date', async () => {
    expect((await hr.get(base())).json().due).toEqual({ lastReviewedOn: null });
    const old = await hr.post(`${base()}/reviews`, { reviewedOn: '2025-01-10', decisions: 'More modeling', satisfaction: 3.5 });
    expect(old.statusCode, old.body).toBe(201);
    expect((await hr.get(base())).json().due).toEqual({ lastReviewedOn: '2025-01-10' });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await hr.post(`${base()}/reviews`, { reviewedOn: yesterday, fidelityFindings: 'Up on 1a', satisfaction: 4 });
    const list = (await hr.get(base())).json();
    expect(list.due).toBeNull();
    expect(list.reviews.map((r: { reviewedOn: string }) => r.reviewedOn)).toEqual([yesterday, '2025-01-10']);
    expect(list.reviews[1].satisfaction).toBe(3.5);
    const future = await hr.post(`${base()}/reviews`, { reviewedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(fieldOf(future)).toBe('reviewedOn');
    const bad = await hr.post(`${base()}/reviews`, { reviewedOn: yesterday, satisfaction: 6 });
    expect(bad.statusCode).toBe(400);
  });
});
