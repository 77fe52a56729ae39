/**
 * Permission matrix, table-driven: HR, a district admin, a principal, a teacher, the initiative's
 * vendor guest, HR of another district and signed out, each x (list, read, create, update, cover
 * schools, add a wave, add funding, list guests, invite a guest). Expected: managers 200/201;
 * principal and teacher read (200) and are refused changes (403); the guest reads its own
 * initiative and is refused everything else as if it did not exist (404); another district 404 on
 * this initiative; signed out 401.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { buildGuest, buildInitiativeWorld, type InitiativeWorld } from '../test/fixtures/initiatives.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: InitiativeWorld;
let initiativeId: string;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'leader', 'teacher', 'guest', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'list' | 'read' | 'create' | 'update' | 'cover' | 'wave' | 'funding' | 'guests' | 'invite';

const version = async () => (await as.hr!.get(`/api/initiatives/${initiativeId}`)).json().version as number;
const url = (path = '') => `/api/initiatives/${initiativeId}${path}`;

const ACTIONS: Record<Action, (c: Client, i: number) => ReturnType<Client['get']>> = {
  list: (c) => c.get('/api/initiatives'),
  read: (c) => c.get(url()),
  create: (c) => c.post('/api/initiatives', { name: 'Restorative practices' }),
  update: async (c) => c.patch(url(), { name: 'Structured literacy', version: await version() }),
  cover: (c) => c.post(url('/schools'), { orgUnitIds: [w.schoolB.id] }),
  wave: (c, i) => c.post(url('/waves'), { name: `Wave ${i}`, startsOn: `${2030 + i}-01-01`, endsOn: `${2030 + i}-06-30` }),
  funding: (c) => c.post(url('/funding'), { source: 'Title I', amountUsd: 1000, spendBy: '2031-06-30' }),
  guests: (c) => c.get(url('/guests')),
  invite: (c, i) =>
    c.post(url('/guests'), {
      givenName: 'Ann',
      familyName: 'Partner',
      email: `partner-${i}@vendor.test`,
      expiresOn: addDays(todayIn(w.district.timeZone), 30),
    }),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',       { list: 200, read: 200, create: 201, update: 200, cover: 200, wave: 201, funding: 201, guests: 200, invite: 201 }],
  ['admin',    { list: 200, read: 200, create: 201, update: 200, cover: 200, wave: 201, funding: 201, guests: 200, invite: 201 }],
  ['leader',   { list: 200, read: 200, create: 403, update: 403, cover: 403, wave: 403, funding: 403, guests: 403, invite: 403 }],
  ['teacher',  { list: 200, read: 200, create: 403, update: 403, cover: 403, wave: 403, funding: 403, guests: 403, invite: 403 }],
  ['guest',    { list: 200, read: 200, create: 404, update: 404, cover: 404, wave: 404, funding: 404, guests: 404, invite: 404 }],
  // HR elsewhere: this initiative is not found; their own district's list and a create there work.
  ['outsider', { list: 200, read: 404, create: 201, update: 404, cover: 404, wave: 404, funding: 404, guests: 404, invite: 404 }],
  ['anon',     { list: 401, read: 401, create: 401, update: 401, cover: 401, wave: 401, funding: 401, guests: 401, invite: 401 }],
];

beforeAll(async () => {
  w = await buildInitiativeWorld(t.database.db);
  for (const role of ['hr', 'admin', 'leader', 'teacher', 'outsider'] as const) as[role] = await signIn(t.app, w[role].email);
  as.anon = anonymous(t.app);
  const created = await as.hr!.post('/api/initiatives', { name: 'Structured literacy', profileVersionId: w.profile.versionId });
  initiativeId = created.json().id;
  const guest = await buildGuest(t.database.db, as.hr!, initiativeId, addDays(todayIn(w.district.timeZone), 30));
  as.guest = await signIn(t.app, guest.email);
}, 60_000);

describe('initiative permissions', () => {
  ROLES.forEach((role, r) => {
    const expected = MATRIX.find(([name]) => name === role)![1];
    it(`${role}: ${Object.entries(expected)
      .map(([a, s]) => `${a} ${s}`)
      .join(', ')}`, async () => {
      for (const [action, status] of Object.entries(expected) as [Action, number][]) {
        const res = await ACTIONS[action](as[role]!, r);
        expect(res.statusCode, `${role} ${action}: ${res.body}`).toBe(status);
      }
    });
  });

  it('the list and the initiative carry what the reader may do; a guest lists only its initiative, without funding', async () => {
    expect((await as.hr!.get('/api/initiatives')).json().abilities).toEqual({ create: true });
    expect((await as.teacher!.get('/api/initiatives')).json().abilities).toEqual({ create: false });
    expect((await as.teacher!.get(url())).json().abilities).toEqual({ manage: false });
    await as.hr!.post('/api/initiatives', { name: 'Another initiative' });
    const listed = (await as.guest!.get('/api/initiatives')).json().items.map((i: { id: string }) => i.id);
    expect(listed).toEqual([initiativeId]);
    expect((await as.hr!.get(url())).json().funding.length).toBeGreaterThan(0);
    expect((await as.guest!.get(url())).json().funding).toEqual([]);
    expect((await as.outsider!.get('/api/initiatives')).json().items.map((i: { name: string }) => i.name)).toEqual([
      'Restorative practices',
    ]);
  });
});
