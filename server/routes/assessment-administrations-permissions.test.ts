/**
 * Permission matrix, table-driven: HR, an admin, a district team member, school A team's
 * facilitator, note taker and voting member, school A's leader (attending as administrator), school
 * B's leader, a teacher, an admin of another district and signed out, each x (read, create, score,
 * attendees, close, trend, compare) on an administration of school A's team. A vendor guest is
 * refused by the route gate (lib/route-auth.ts: no `config.guest`) and by the policy.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentAttendees, assessmentScores } from '../db/schema/index.ts';
import { administrationVersion, buildAdministration, buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: AssessmentWorld;
const as: Record<string, Client> = {};
const ROLES = [
  'hr',
  'admin',
  'districtMember',
  'facilitatorA',
  'noteTakerA',
  'memberA',
  'leaderA',
  'leaderB',
  'teacher',
  'outsider',
  'anon',
] as const;
type Role = (typeof ROLES)[number];
type Action = 'read' | 'create' | 'score' | 'attendees' | 'close' | 'trend' | 'compare';

const base = '/api/assessments';
const adm = () => `${base}/administrations/${w.administration.id}`;

async function scoreVersion(itemId: string) {
  const [row] = await t.database.db
    .select({ version: assessmentScores.version })
    .from(assessmentScores)
    .where(and(eq(assessmentScores.administrationId, w.administration.id), eq(assessmentScores.itemId, itemId)));
  return row?.version;
}

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  read: (c) => c.get(adm()),
  create: (c) =>
    c.post(`${base}/administrations`, {
      versionId: w.drivers.versionId,
      teamId: w.schoolTeam.id,
      orgUnitId: w.schoolA.id,
      heldOn: '2026-10-01',
    }),
  score: async (c) => {
    const itemId = w.drivers.items[0]!.id;
    return c.request('PUT', `${adm()}/scores/${itemId}`, { value: 1, note: 'Partly', version: await scoreVersion(itemId) });
  },
  attendees: async (c) =>
    c.request('PUT', `${adm()}/attendees`, {
      version: await administrationVersion(t.database.db, w.administration.id),
      attendees: w.attendees,
    }),
  close: async (c) => {
    const fresh = await buildAdministration(t.database.db, w.districtId, {
      versionId: w.drivers.versionId,
      instrumentId: w.drivers.instrumentId,
      teamId: w.schoolTeam.id,
      orgUnitId: w.schoolA.id,
      attendees: w.attendees,
    });
    return c.post(`${base}/administrations/${fresh.id}/close`, { version: fresh.version });
  },
  trend: (c) => c.get(`${base}/results/trend?instrumentId=${w.drivers.instrumentId}&teamId=${w.schoolTeam.id}`),
  compare: (c) => c.get(`${base}/results/schools?instrumentId=${w.drivers.instrumentId}`),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',             { read: 200, create: 200, score: 403, attendees: 200, close: 200, trend: 200, compare: 200 }],
  ['admin',          { read: 200, create: 200, score: 403, attendees: 200, close: 200, trend: 200, compare: 200 }],
  ['districtMember', { read: 200, create: 403, score: 403, attendees: 403, close: 403, trend: 200, compare: 200 }],
  ['facilitatorA',   { read: 200, create: 200, score: 200, attendees: 200, close: 200, trend: 200, compare: 403 }],
  ['noteTakerA',     { read: 200, create: 403, score: 200, attendees: 403, close: 403, trend: 200, compare: 403 }],
  ['memberA',        { read: 200, create: 403, score: 403, attendees: 403, close: 403, trend: 200, compare: 403 }],
  ['leaderA',        { read: 200, create: 200, score: 403, attendees: 403, close: 403, trend: 200, compare: 403 }],
  ['leaderB',        { read: 404, create: 403, score: 404, attendees: 404, close: 404, trend: 200, compare: 403 }],
  ['teacher',        { read: 404, create: 403, score: 404, attendees: 404, close: 404, trend: 200, compare: 403 }],
  ['outsider',       { read: 404, create: 400, score: 404, attendees: 404, close: 404, trend: 404, compare: 404 }],
  ['anon',           { read: 401, create: 401, score: 401, attendees: 401, close: 401, trend: 401, compare: 401 }],
];

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
}, 90_000);

describe('assessment administration permissions', () => {
  for (const [role, expected] of MATRIX) {
    it(`${role}: ${Object.entries(expected)
      .map(([a, s]) => `${a} ${s}`)
      .join(', ')}`, async () => {
      for (const [action, status] of Object.entries(expected) as [Action, number][]) {
        const res = await ACTIONS[action](as[role]!);
        expect(res.statusCode, `${role} ${action}: ${res.body}`).toBe(status);
      }
    });
  }

  it('lists and trends show only the administrations the caller may read', async () => {
    const listed = async (c: Client) =>
      ((await c.get(`${base}/administrations`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(await listed(as.facilitatorA!)).toContain(w.administration.id);
    expect(await listed(as.leaderB!)).not.toContain(w.administration.id);
    expect(await listed(as.outsider!)).not.toContain(w.administration.id);
    expect(await listed(as.outsider!)).toContain(w.otherAdministration.id);
    // An attendee from outside the team reads the one administration they attend, and only that one.
    const attended = await buildAdministration(t.database.db, w.districtId, {
      versionId: w.drivers.versionId,
      instrumentId: w.drivers.instrumentId,
      teamId: w.schoolTeam.id,
      orgUnitId: w.schoolA.id,
      attendees: [{ personId: w.teacher.personId, role: 'voting_member' }],
    });
    expect(await listed(as.teacher!)).toEqual([attended.id]);
    expect((await as.teacher!.get(`${base}/administrations/${attended.id}`)).statusCode).toBe(200);
    await t.database.db.delete(assessmentAttendees).where(eq(assessmentAttendees.administrationId, attended.id));
    const points = (await ACTIONS.trend(as.teacher!)).body;
    expect(JSON.parse(points).points).toEqual([]);
  });

  it('school leaders compare schools only once the district allows it', async () => {
    const settings = (await as.admin!.get(`${base}/settings`)).json() as { version: number };
    expect(
      (await as.leaderA!.request('PUT', `${base}/settings`, { schoolLeadersCompareSchools: true, version: settings.version })).statusCode,
    ).toBe(403);
    const saved = await as.admin!.request('PUT', `${base}/settings`, { schoolLeadersCompareSchools: true, version: settings.version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await ACTIONS.compare(as.leaderB!)).statusCode).toBe(200);
    expect((await ACTIONS.compare(as.teacher!)).statusCode).toBe(403);
    const stale = await as.admin!.request('PUT', `${base}/settings`, { schoolLeadersCompareSchools: false, version: settings.version });
    expect(stale.statusCode).toBe(409);
  });
});
