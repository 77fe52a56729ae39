/**
 * Permission matrix, table-driven: HR, an admin, an implementation team's facilitator, a school
 * leader, a team member, a teacher, an admin of another district and signed out, each x (list,
 * read, version, create, update, draft, save, publish, import, library, settings, saveSettings).
 * Writes act on a fresh instrument each time, so one role's write never changes another's answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assessmentInstruments, assessmentVersions } from '../db/schema/index.ts';
import { writeSections } from '../services/assessments/content.ts';
import { buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: AssessmentWorld;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'facilitatorA', 'leaderA', 'memberA', 'teacher', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action =
  'list' | 'read' | 'version' | 'create' | 'update' | 'draft' | 'save' | 'publish' | 'import' | 'library' | 'settings' | 'saveSettings';

const base = '/api/assessments';
const scale = [
  { value: 0, label: 'No', anchor: '' },
  { value: 1, label: 'Yes', anchor: '' },
];

/** A fresh instrument with one version of one item, `status` as asked. */
async function instrument(status: 'draft' | 'published') {
  const db = t.database.db;
  const [row] = await db
    .insert(assessmentInstruments)
    .values({ districtId: w.districtId, name: 'Local check', kind: 'custom' })
    .returning();
  const [version] = await db
    .insert(assessmentVersions)
    .values({ districtId: w.districtId, instrumentId: row!.id, versionNumber: 1, status, scalePoints: scale })
    .returning();
  await writeSections(db, w.districtId, version!.id, [{ title: 'Only', items: [{ text: 'One item', guidance: '' }] }]);
  return { instrument: row!, version: version! };
}

let settingsVersion = 1;

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  list: (c) => c.get(`${base}/instruments`),
  read: (c) => c.get(`${base}/instruments/${w.drivers.instrumentId}`),
  version: (c) => c.get(`${base}/versions/${w.drivers.versionId}`),
  create: (c) => c.post(`${base}/instruments`, { name: 'Our review', kind: 'custom' }),
  update: async (c) => {
    const { instrument: i } = await instrument('draft');
    return c.patch(`${base}/instruments/${i.id}`, { name: 'Renamed', version: i.version });
  },
  draft: async (c) => c.post(`${base}/instruments/${(await instrument('published')).instrument.id}/draft`),
  save: async (c) => {
    const { version: v } = await instrument('draft');
    return c.request('PUT', `${base}/versions/${v.id}`, {
      version: v.version,
      scale,
      targetPct: 80,
      sections: [{ title: 'S', items: [{ text: 'I' }] }],
    });
  },
  publish: async (c) => {
    const { version: v } = await instrument('draft');
    return c.post(`${base}/versions/${v.id}/publish`, { version: v.version });
  },
  import: (c) =>
    c.post(`${base}/instruments/import`, { name: 'Imported', kind: 'custom', scale, csv: 'section,item\nA,One\n', dryRun: true }),
  library: (c) => c.post(`${base}/library`),
  settings: (c) => c.get(`${base}/settings`),
  saveSettings: async (c) => {
    const res = await c.request('PUT', `${base}/settings`, { schoolLeadersCompareSchools: false, version: settingsVersion });
    if (res.statusCode === 200) settingsVersion = (res.json() as { version: number }).version;
    return res;
  },
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',           { list: 200, read: 200, version: 200, create: 200, update: 200, draft: 200, save: 200, publish: 200, import: 200, library: 200, settings: 200, saveSettings: 200 }],
  ['admin',        { list: 200, read: 200, version: 200, create: 200, update: 200, draft: 200, save: 200, publish: 200, import: 200, library: 200, settings: 200, saveSettings: 200 }],
  ['facilitatorA', { list: 200, read: 200, version: 200, create: 200, update: 200, draft: 200, save: 200, publish: 200, import: 200, library: 403, settings: 200, saveSettings: 403 }],
  ['leaderA',      { list: 200, read: 200, version: 200, create: 403, update: 403, draft: 403, save: 403, publish: 403, import: 403, library: 403, settings: 200, saveSettings: 403 }],
  ['memberA',      { list: 200, read: 200, version: 200, create: 403, update: 403, draft: 403, save: 403, publish: 403, import: 403, library: 403, settings: 200, saveSettings: 403 }],
  ['teacher',      { list: 200, read: 200, version: 200, create: 403, update: 403, draft: 403, save: 403, publish: 403, import: 403, library: 403, settings: 200, saveSettings: 403 }],
  ['outsider',     { list: 200, read: 404, version: 404, create: 200, update: 404, draft: 404, save: 404, publish: 404, import: 200, library: 200, settings: 200, saveSettings: 200 }],
  ['anon',         { list: 401, read: 401, version: 401, create: 401, update: 401, draft: 401, save: 401, publish: 401, import: 401, library: 401, settings: 401, saveSettings: 401 }],
];

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
}, 90_000);

describe('assessment instrument permissions', () => {
  for (const [role, expected] of MATRIX) {
    it(`${role}: ${Object.entries(expected)
      .map(([a, s]) => `${a} ${s}`)
      .join(', ')}`, async () => {
      for (const [action, status] of Object.entries(expected) as [Action, number][]) {
        // The outsider writes in its own district: its settings start at their own version.
        if (role === 'outsider' && action === 'saveSettings') settingsVersion = 1;
        const res = await ACTIONS[action](as[role]!);
        expect(res.statusCode, `${role} ${action}: ${res.body}`).toBe(status);
      }
    });
  }

  it("another district's instruments never appear in the list", async () => {
    const ids = ((await as.outsider!.get(`${base}/instruments`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).not.toContain(w.drivers.instrumentId);
    expect(ids).toContain(w.otherDrivers.instrumentId);
  });
});
