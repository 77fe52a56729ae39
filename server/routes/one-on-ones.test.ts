/**
 * Permission matrix tested: signed out -> 401. Team reflection (Grade 3 at Palm Grove): read by its
 * lead, its member, Palm's principal, the network superintendent, HR, admins (others 404); written by
 * the lead and the school's leaders (member, HR 403). 1:1s: created by a leader with an ILT member
 * or team lead of a school they lead (a plain teacher or Pine's lead 404, a teacher caller 403);
 * seen by the two people and HR only (another leader, a coach, an admin, another district 404);
 * agenda edited by the two (HR 403) with 409 on a stale version; deleted by the leader only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTeamGoalsWorld, type TeamGoalsWorld } from '../test/fixtures/team-goals.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
const YEAR = '2026-27';
let w: TeamGoalsWorld;
const as = {} as Record<keyof TeamGoalsWorld['emails'], Client>;

beforeAll(async () => {
  w = await buildTeamGoalsWorld(t.database.db);
  for (const [who, email] of Object.entries(w.emails)) as[who as keyof typeof as] = await signIn(t.app, email);
}, 180_000);

describe('team reflection and self-assessment', () => {
  const url = () => `/api/teams/${w.teams.grade}/reflection`;

  it('reads and writes by the permission matrix', async () => {
    expect((await anonymous(t.app).get(`${url()}?schoolYear=${YEAR}`)).statusCode).toBe(401);
    const reads: [keyof typeof as, number][] = [
      ['lead', 200],
      ['teacher', 200],
      ['principal', 200],
      ['superintendent', 200],
      ['hr', 200],
      ['admin', 200],
      ['iltMember', 404],
      ['coach', 404],
      ['pinePrincipal', 404],
      ['outsider', 404],
    ];
    for (const [who, status] of reads) expect([who, (await as[who].get(`${url()}?schoolYear=${YEAR}`)).statusCode]).toEqual([who, status]);
    const empty = (await as.lead.get(`${url()}?schoolYear=${YEAR}`)).json();
    expect(empty).toMatchObject({ version: 0, composition: '', ratings: [], can: { edit: true } });
    expect(empty.competencies).toHaveLength(3);
    expect(empty.scale.map((l: { label: string }) => l.label)).toEqual(['Distinguished', 'Proficient', 'Developing', 'Beginning']);
    for (const who of ['teacher', 'hr'] as const)
      expect((await as[who].request('PUT', url(), { schoolYear: YEAR, version: 0, composition: 'x', ratings: [] })).statusCode).toBe(403);
  });

  it('saves ratings on the framework scale, refuses items outside it, and 409s a stale version', async () => {
    const { competencies, scale } = (await as.lead.get(`${url()}?schoolYear=${YEAR}`)).json();
    const body = {
      schoolYear: YEAR,
      version: 0,
      composition: 'Two veterans, two new teachers; we lean on the veterans for planning.',
      ratings: [{ itemId: competencies[0].id, scaleLevelId: scale[1].id, comment: 'Strong planning' }],
    };
    const saved = await as.lead.request('PUT', url(), body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, ratings: [{ itemId: competencies[0].id, scaleLevelId: scale[1].id }] });
    expect((await as.principal.request('PUT', url(), body)).statusCode).toBe(409);
    const outside = { ...body, version: 1, ratings: [{ itemId: w.teams.ilt, scaleLevelId: null, comment: '' }] };
    expect((await as.principal.request('PUT', url(), outside)).statusCode).toBe(400);
    const badLevel = { ...body, version: 1, ratings: [{ itemId: competencies[0].id, scaleLevelId: competencies[1].id, comment: '' }] };
    expect((await as.principal.request('PUT', url(), badLevel)).statusCode).toBe(400);
    const byPrincipal = await as.principal.request('PUT', url(), { ...body, version: 1, ratings: [] });
    expect(byPrincipal.json()).toMatchObject({ version: 2, ratings: [] });
    expect((await as.teacher.get(`${url()}?schoolYear=${YEAR}`)).json().composition).toBe(body.composition);
  });
});

describe('1:1s', () => {
  let id: string;
  const meetsAt = '2026-10-01T15:00:00.000Z';

  it('a leader meets with the people they lead, no one else', async () => {
    const members = (await as.principal.get('/api/one-on-ones/members')).json().items.map((m: { id: string }) => m.id);
    expect(members.sort()).toEqual([w.personIds.iltMember, w.personIds.lead].sort());
    expect((await as.superintendent.get('/api/one-on-ones/members')).json().items).toHaveLength(2);
    const create = (c: Client, memberPersonId: string) =>
      c.post('/api/one-on-ones', { memberPersonId, meetsAt, agenda: [{ topic: 'Data review' }] });
    expect((await create(as.teacher, w.personIds.lead)).statusCode).toBe(403);
    expect((await create(as.principal, w.personIds.teacher)).statusCode).toBe(404);
    expect((await create(as.principal, w.personIds.pineLead)).statusCode).toBe(404);
    expect((await create(as.outsider, w.personIds.lead)).statusCode).toBe(403);
    const res = await create(as.principal, w.personIds.iltMember);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ agenda: [{ topic: 'Data review', done: false }], can: { edit: true, delete: true } });
    id = res.json().id;
  });

  it('only the two people and HR see it', async () => {
    const reads: [keyof typeof as, number][] = [
      ['principal', 200],
      ['iltMember', 200],
      ['hr', 200],
      ['superintendent', 404],
      ['lead', 404],
      ['coach', 404],
      ['admin', 404],
      ['outsider', 404],
    ];
    for (const [who, status] of reads) expect([who, (await as[who].get(`/api/one-on-ones/${id}`)).statusCode]).toEqual([who, status]);
    expect((await as.iltMember.get('/api/one-on-ones')).json().items.map((o: { id: string }) => o.id)).toEqual([id]);
    expect((await as.superintendent.get('/api/one-on-ones')).json().items).toEqual([]);
  });

  it('the two update the agenda and decisions with a version; the leader deletes', async () => {
    const agenda = [
      { topic: 'Data review', done: true },
      { topic: 'Coverage plan', done: false },
    ];
    expect((await as.hr.patch(`/api/one-on-ones/${id}`, { version: 1, decisions: 'x' })).statusCode).toBe(403);
    const ok = await as.iltMember.patch(`/api/one-on-ones/${id}`, { version: 1, agenda, decisions: 'Move data day to Tuesdays' });
    expect(ok.json()).toMatchObject({ version: 2, agenda, decisions: 'Move data day to Tuesdays', can: { delete: false } });
    const stale = await as.principal.patch(`/api/one-on-ones/${id}`, { version: 1, notes: 'late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(2);
    expect((await as.iltMember.request('DELETE', `/api/one-on-ones/${id}`)).statusCode).toBe(403);
    expect((await as.principal.request('DELETE', `/api/one-on-ones/${id}`)).statusCode).toBe(204);
    expect((await as.principal.get(`/api/one-on-ones/${id}`)).statusCode).toBe(404);
  });
});
