/**
 * Permission matrix tested: signed out 401; another district 404; a teacher trying to document a
 * concern 403, editing the expectations 403; a caseload coach of the person 404 on their concern
 * and improvement plan (and an empty list); a leader of another school 404; the person reads their
 * concern (and their plan once active, not the draft) and responds; the raiser, the school's
 * leader and HR read and resolve. Then bad input: an inactive expectation, another district's
 * expectation, a future date, a concern of person A on a plan for person B, dates reversed, a check
 * date outside the plan, a stale version (409); and that nothing here reads coaching tables.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outboxEmails } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
const ids: Record<string, string> = {};
const email: Record<string, string> = {};
const as: Record<string, Client> = {};
let expectations: { id: string; title: string; version: number; active: boolean }[] = [];
let steps: { id: string; title: string }[] = [];
let otherExpectationId = '';

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  const palm = await buildOrgUnit(db, districtId, { name: 'Palm Grove' });
  const oak = await buildOrgUnit(db, districtId, { name: 'Oak Hill' });
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: palm.id });
  const colleague = await buildUser(db, districtId, 'staff', { orgUnitId: palm.id });
  const users = {
    teacher,
    colleague,
    principal: await buildUser(db, districtId, 'school_leader', { orgUnitId: palm.id }),
    oakPrincipal: await buildUser(db, districtId, 'school_leader', { orgUnitId: oak.id }),
    coach: await buildUser(db, districtId, 'coach', { orgUnitId: palm.id, caseload: [teacher.personId] }),
    hr: await buildUser(db, districtId, 'hr'),
    outsider: await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin'),
  };
  for (const [k, u] of Object.entries(users)) {
    ids[k] = u.personId;
    email[k] = u.email;
    as[k] = await signIn(t.app, u.email);
  }
  const other = await as.outsider!.post('/api/professionalism/suggested');
  otherExpectationId = other.json().expectations[0].id;
});

const concernInput = (over: Record<string, unknown> = {}) => ({
  expectationId: expectations.find((e) => e.title === 'Punctuality')!.id,
  escalationStepId: steps[0]!.id,
  occurredOn: '2026-09-14',
  description: 'Arrived 20 minutes late to first period three times this week.',
  ...over,
});
const planInput = (over: Record<string, unknown> = {}) => ({
  startsOn: '2026-10-01',
  endsOn: '2026-12-15',
  goals: [{ text: 'On time every day', measure: 'Sign-in log' }],
  supports: [{ text: 'Weekly check-in', owner: 'Principal' }],
  checkDates: [{ on: '2026-11-01', note: '', held: false }],
  ...over,
});

describe('expectations and escalation steps', () => {
  it('start empty; HR uses the suggested list once; others read it and may not edit it', async () => {
    expect((await anonymous(t.app).get('/api/professionalism/setup')).statusCode).toBe(401);
    const empty = await as.teacher!.get('/api/professionalism/setup');
    expect(empty.json()).toEqual({ expectations: [], escalationSteps: [], canManage: false });
    expect((await as.teacher!.post('/api/professionalism/suggested')).statusCode).toBe(403);
    expect((await as.principal!.post('/api/professionalism/expectations', { title: 'Dress code' })).statusCode).toBe(403);
    const made = await as.hr!.post('/api/professionalism/suggested');
    expect(made.statusCode).toBe(200);
    expect(made.json().expectations.map((e: { title: string }) => e.title)).toEqual([
      'Attendance',
      'Punctuality',
      'Deadlines',
      'Communication',
      'Confidentiality',
      'Collaboration',
    ]);
    expect(made.json().escalationSteps.map((e: { title: string }) => e.title)).toEqual([
      'Conversation',
      'Written expectations',
      'Improvement plan',
      'HR referral',
    ]);
    expect((await as.hr!.post('/api/professionalism/suggested')).statusCode).toBe(409);
    const seen = (await as.teacher!.get('/api/professionalism/setup')).json();
    expectations = seen.expectations;
    steps = seen.escalationSteps;
    expect(seen.expectations).toHaveLength(6);
  });

  it('HR adds, reorders and deactivates; a stale version answers 409 with the current lists', async () => {
    const added = await as.hr!.post('/api/professionalism/expectations', { title: 'Dress code', description: '' });
    const dress = added.json().expectations.at(-1);
    expect(dress).toMatchObject({ title: 'Dress code', position: 6, active: true, version: 1 });
    const order = added.json().expectations.map((e: { id: string; version: number }) => ({ id: e.id, version: e.version }));
    const reordered = await as.hr!.request('PUT', '/api/professionalism/expectations/order', {
      items: [order.at(-1), ...order.slice(0, -1)],
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().expectations[0].title).toBe('Dress code');
    const moved = reordered.json().expectations[0];
    const off = await as.hr!.request('PUT', `/api/professionalism/expectations/${dress.id}`, {
      title: 'Dress code',
      description: 'Dress for the day',
      active: false,
      version: moved.version,
    });
    expect(off.statusCode).toBe(200);
    const stale = await as.hr!.request('PUT', `/api/professionalism/expectations/${dress.id}`, {
      title: 'Dress',
      description: '',
      active: true,
      version: moved.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.expectations[0]).toMatchObject({ title: 'Dress code', active: false });
    expect(
      (await as.outsider!.request('PUT', `/api/professionalism/expectations/${dress.id}`, { ...moved, active: true })).statusCode,
    ).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, dress.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['professionalism_expectation.create', 'professionalism_expectation.update']);
    expectations = (await as.hr!.get('/api/professionalism/setup')).json().expectations;
  });
});

describe('concerns', () => {
  let concernId = '';
  it('a teacher may not document one (403); a leader of another school gets 404; the principal documents one and the person is e-mailed', async () => {
    expect((await anonymous(t.app).post(`/api/people/${ids.teacher}/concerns`, concernInput())).statusCode).toBe(401);
    expect((await as.colleague!.post(`/api/people/${ids.teacher}/concerns`, concernInput())).statusCode).toBe(403);
    expect((await as.coach!.post(`/api/people/${ids.teacher}/concerns`, concernInput())).statusCode).toBe(403);
    expect((await as.oakPrincipal!.post(`/api/people/${ids.teacher}/concerns`, concernInput())).statusCode).toBe(404);
    expect((await as.outsider!.post(`/api/people/${ids.teacher}/concerns`, concernInput())).statusCode).toBe(404);
    const res = await as.principal!.post(`/api/people/${ids.teacher}/concerns`, concernInput());
    expect(res.statusCode).toBe(200);
    const concern = res.json();
    concernId = concern.id;
    expect(concern).toMatchObject({ status: 'open', expectation: { title: 'Punctuality' }, escalationStep: { title: 'Conversation' } });
    const mail = await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, email.teacher!));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe('A concern was documented: Punctuality');
  });

  it('bad input: inactive or another district’s expectation, a step of another district, a future date', async () => {
    const inactive = expectations.find((e) => !e.active)!;
    const post = (over: Record<string, unknown>) => as.principal!.post(`/api/people/${ids.teacher}/concerns`, concernInput(over));
    expect((await post({ expectationId: inactive.id })).json().error.details[0].path).toBe('expectationId');
    expect((await post({ expectationId: otherExpectationId })).statusCode).toBe(400);
    expect((await post({ escalationStepId: otherExpectationId })).statusCode).toBe(400);
    const future = await post({ occurredOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('occurredOn');
  });

  it('who reads it: the person, the raiser, HR; not a coach of the person, a leader of another school, another district', async () => {
    const read = async (who: string) => (await as[who]!.get(`/api/professionalism/concerns/${concernId}`)).statusCode;
    expect(await read('teacher')).toBe(200);
    expect(await read('principal')).toBe(200);
    expect(await read('hr')).toBe(200);
    expect(await read('coach')).toBe(404);
    expect(await read('oakPrincipal')).toBe(404);
    expect(await read('colleague')).toBe(404);
    expect(await read('outsider')).toBe(404);
    expect((await anonymous(t.app).get(`/api/professionalism/concerns/${concernId}`)).statusCode).toBe(401);
    const listed = async (who: string) => (await as[who]!.get('/api/professionalism/concerns')).json().total;
    expect(await listed('teacher')).toBe(1);
    expect(await listed('hr')).toBe(1);
    expect(await listed('coach')).toBe(0);
    expect(await listed('oakPrincipal')).toBe(0);
    expect((await as.coach!.get(`/api/people/${ids.teacher}/concerns`)).statusCode).toBe(404);
    expect((await as.principal!.get(`/api/people/${ids.teacher}/concerns?status=open`)).json().total).toBe(1);
  });

  it('the person responds (and may rewrite it) until resolved; only they respond; a stale version is 409', async () => {
    const body = { response: 'The bus route changed; I have a new one from Monday.', version: 1 };
    expect((await as.principal!.request('PUT', `/api/professionalism/concerns/${concernId}/response`, body)).statusCode).toBe(403);
    const first = await as.teacher!.request('PUT', `/api/professionalism/concerns/${concernId}/response`, body);
    expect(first.json()).toMatchObject({ personResponse: body.response, version: 2, abilities: { respond: true, resolve: false } });
    expect((await as.teacher!.request('PUT', `/api/professionalism/concerns/${concernId}/response`, body)).statusCode).toBe(409);
    expect((await as.teacher!.post(`/api/professionalism/concerns/${concernId}/resolve`, { version: 2 })).statusCode).toBe(403);
    const resolved = await as.principal!.post(`/api/professionalism/concerns/${concernId}/resolve`, { version: 2 });
    expect(resolved.json().status).toBe('resolved');
    const late = await as.teacher!.request('PUT', `/api/professionalism/concerns/${concernId}/response`, { ...body, version: 3 });
    expect(late.statusCode).toBe(409);
  });
});

describe('improvement plans', () => {
  let planId = '';
  let concernId = '';
  it('opened from a concern of the same person only; dates in order and check dates inside', async () => {
    concernId = (await as.principal!.post(`/api/people/${ids.teacher}/concerns`, concernInput())).json().id;
    const create = (personId: string, over: Record<string, unknown> = {}, who = 'principal') =>
      as[who]!.post(`/api/people/${personId}/improvement-plans`, planInput(over));
    expect((await create(ids.colleague!, { concernId })).json().error.details[0].path).toBe('concernId');
    expect((await create(ids.teacher!, { startsOn: '2026-12-20' })).json().error.details[0].path).toBe('endsOn');
    expect((await create(ids.teacher!, { checkDates: [{ on: '2027-01-10', note: '', held: false }] })).statusCode).toBe(400);
    expect((await create(ids.teacher!, {}, 'colleague')).statusCode).toBe(403);
    expect((await create(ids.teacher!, {}, 'oakPrincipal')).statusCode).toBe(404);
    const made = await create(ids.teacher!, { concernId });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({ status: 'draft', concernId, abilities: { edit: true, activate: true } });
    planId = made.json().id;
  });

  it('the person sees it once active and is told; a coach of the person never does', async () => {
    const read = async (who: string) => (await as[who]!.get(`/api/improvement-plans/${planId}`)).statusCode;
    expect(await read('teacher')).toBe(404);
    expect((await as.teacher!.get('/api/improvement-plans')).json().total).toBe(0);
    expect((await as.teacher!.post(`/api/improvement-plans/${planId}/activate`, { version: 1 })).statusCode).toBe(404);
    const active = await as.principal!.post(`/api/improvement-plans/${planId}/activate`, { version: 1 });
    expect(active.json()).toMatchObject({ status: 'active', version: 2 });
    const mail = await t.database.db
      .select()
      .from(outboxEmails)
      .where(and(eq(outboxEmails.toAddress, email.teacher!), like(outboxEmails.subject, 'Your improvement plan starts %')));
    expect(mail).toHaveLength(1);
    expect(await read('teacher')).toBe(200);
    expect(await read('hr')).toBe(200);
    expect(await read('coach')).toBe(404);
    expect(await read('oakPrincipal')).toBe(404);
    expect(await read('outsider')).toBe(404);
    expect((await as.coach!.get('/api/improvement-plans')).json().total).toBe(0);
    expect((await anonymous(t.app).get(`/api/improvement-plans/${planId}`)).statusCode).toBe(401);
  });

  it('check notes are recorded, the person responds, the plan closes with an outcome; stale versions 409', async () => {
    const update = planInput({ checkDates: [{ on: '2026-11-01', note: 'On time all month', held: true }], version: 2 });
    expect((await as.teacher!.request('PUT', `/api/improvement-plans/${planId}`, update)).statusCode).toBe(403);
    const saved = await as.principal!.request('PUT', `/api/improvement-plans/${planId}`, update);
    expect(saved.json().checkDates[0]).toEqual({ on: '2026-11-01', note: 'On time all month', held: true });
    expect((await as.hr!.request('PUT', `/api/improvement-plans/${planId}`, update)).statusCode).toBe(409);
    const response = await as.teacher!.request('PUT', `/api/improvement-plans/${planId}/response`, { response: 'Thank you', version: 3 });
    expect(response.json().personResponse).toBe('Thank you');
    expect((await as.teacher!.post(`/api/improvement-plans/${planId}/close`, { outcome: 'met', version: 4 })).statusCode).toBe(403);
    const closed = await as.hr!.post(`/api/improvement-plans/${planId}/close`, { outcome: 'met', note: 'Goals met', version: 4 });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'met', outcomeNote: 'Goals met', abilities: { edit: false } });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, planId));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'improvement_plan.activate',
      'improvement_plan.close',
      'improvement_plan.create',
      'improvement_plan.respond',
      'improvement_plan.update',
    ]);
  });
});

describe('coaching stays apart', () => {
  it('nothing behind these routes reads coaching tables or caseloads', () => {
    const dir = join(import.meta.dirname, '../services/performance/professionalism');
    const files = [join(import.meta.dirname, 'professionalism.ts'), ...readdirSync(dir).map((f) => join(dir, f))];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/coaching[A-Z]\w*|caseloadMembers|caseload_members|coaching_\w+|services\/coaching/);
    }
  });
});
