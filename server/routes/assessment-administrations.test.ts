/**
 * Administering an instrument: a team records consensus scores item by item, results per section
 * and in total follow each score, closing stops scoring, an administration keeps its version when
 * the instrument moves on, and results over time show the trend, the target line and what moved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdministrationDetail, SchoolComparison, Trend, VersionDetail } from '../../common/schemas/assessments.ts';
import { buildAssessmentWorld, libraryVersion, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: AssessmentWorld;
let hr: Client;
let facilitator: Client;
let noteTaker: Client;
let administrator: Client;
const base = '/api/assessments';

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  [hr, facilitator, noteTaker, administrator] = await Promise.all([
    signIn(t.app, w.hr.email),
    signIn(t.app, w.facilitatorA.email),
    signIn(t.app, w.noteTakerA.email),
    signIn(t.app, w.leaderA.email),
  ]);
}, 90_000);

async function start(heldOn: string, versionId = w.drivers.versionId): Promise<AdministrationDetail> {
  const res = await facilitator.post(`${base}/administrations`, {
    versionId,
    teamId: w.schoolTeam.id,
    orgUnitId: w.schoolA.id,
    heldOn,
    title: `Drivers review ${heldOn}`,
    attendees: w.attendees,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AdministrationDetail;
}

const score = (c: Client, id: string, itemId: string, body: Record<string, unknown>) =>
  c.request('PUT', `${base}/administrations/${id}/scores/${itemId}`, body);

/** Scores every item of the administration with `value(index)`; returns the last detail. */
async function scoreAll(a: AdministrationDetail, value: (i: number) => number) {
  const items = a.content.sections.flatMap((s) => s.items);
  let last = a;
  for (const [i, item] of items.entries()) {
    const res = await score(noteTaker, a.id, item.id, { value: value(i), note: `Item ${i}` });
    expect(res.statusCode, res.body).toBe(200);
    last = res.json() as AdministrationDetail;
  }
  return last;
}

describe('assessment administrations', () => {
  it('records consensus scores and keeps section and total percentages of the maximum', async () => {
    const a = await start('2026-09-01');
    expect(a.abilities).toEqual({ score: true, manage: true, planActions: true });
    expect(a.results.total).toMatchObject({ scored: 0, items: 16, pct: null });
    const selection = a.content.sections[0]!;
    let res = await score(facilitator, a.id, selection.items[0]!.id, { value: 2, note: 'Criteria written' });
    res = await score(noteTaker, a.id, selection.items[1]!.id, { value: 1, note: 'Some interviews' });
    const detail = res.json() as AdministrationDetail;
    expect(detail.results.sections[0]).toMatchObject({ title: 'Selection', sum: 3, max: 4, pct: 75, scored: 2, items: 2 });
    expect(detail.results.total).toMatchObject({ sum: 3, max: 4, pct: 75, scored: 2 });
    expect(detail.results.targetPct).toBe(80);
    expect(detail.scores.find((s) => s.itemId === selection.items[1]!.id)).toMatchObject({ value: 1, note: 'Some interviews' });

    // Changing a score needs its version; a stale one is a 409 with the current score.
    const change = await score(facilitator, a.id, selection.items[1]!.id, { value: 2, note: 'All interviews now' });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.details.current).toMatchObject({ value: 1 });
    const changed = await score(facilitator, a.id, selection.items[1]!.id, { value: 2, note: 'All interviews now', version: 1 });
    expect((changed.json() as AdministrationDetail).results.total.pct).toBe(100);
  });

  it('refuses a score outside the scale, an item of another version, the administrator and writing after close', async () => {
    const a = await start('2026-09-02');
    const item = a.content.sections[0]!.items[0]!;
    const outside = await score(noteTaker, a.id, item.id, { value: 3 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe('value');

    const fit = await libraryVersion(t.database.db, w.districtId, 'trellis-program-fit');
    const foreign = await score(noteTaker, a.id, fit.items[0]!.id, { value: 1 });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('itemId');

    const byAdministrator = await score(administrator, a.id, item.id, { value: 1 });
    expect(byAdministrator.statusCode).toBe(403);
    expect(((await administrator.get(`${base}/administrations/${a.id}`)).json() as AdministrationDetail).abilities.score).toBe(false);

    const closed = await facilitator.post(`${base}/administrations/${a.id}/close`, { version: a.version });
    expect(closed.statusCode, closed.body).toBe(200);
    // A closed administration is what a team plans its actions from.
    expect((closed.json() as AdministrationDetail).abilities).toEqual({ score: false, manage: false, planActions: true });
    const late = await score(noteTaker, a.id, item.id, { value: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('invalid_state');
    expect((await facilitator.post(`${base}/administrations/${a.id}/close`, { version: a.version + 1 })).json().error.code).toBe(
      'invalid_state',
    );
  });

  it('refuses a draft version and ids of another district, naming the field; reads of another district are 404', async () => {
    const body = { versionId: w.drivers.versionId, teamId: w.schoolTeam.id, orgUnitId: w.schoolA.id, heldOn: '2026-09-03' };
    const cases: [Record<string, unknown>, string][] = [
      [{ versionId: w.otherDrivers.versionId }, 'versionId'],
      [{ teamId: w.otherTeam.id }, 'teamId'],
      [{ orgUnitId: w.otherUnit.id }, 'orgUnitId'],
      [{ orgUnitId: w.schoolB.id }, 'orgUnitId'],
      [{ initiativeId: crypto.randomUUID() }, 'initiativeId'],
      [{ attendees: [{ personId: w.outsider.personId, role: 'voting_member' }] }, 'attendees.0.personId'],
      [{ teamId: null }, 'teamId'],
    ];
    for (const [change, path] of cases) {
      const res = await hr.post(`${base}/administrations`, { ...body, ...change });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(JSON.stringify(res.json().error.details), path).toContain(path);
    }
    const created = (await hr.post(`${base}/instruments`, { name: 'Unpublished', kind: 'custom' })).json() as {
      versions: { id: string }[];
    };
    const draft = await hr.post(`${base}/administrations`, { ...body, versionId: created.versions[0]!.id });
    expect(draft.json().error.details[0]).toMatchObject({ path: 'versionId', message: 'only a published version can be administered' });

    expect((await hr.get(`${base}/administrations/${w.otherAdministration.id}`)).statusCode).toBe(404);
    const otherItem = w.otherDrivers.items[0]!.id;
    expect((await score(hr, w.otherAdministration.id, otherItem, { value: 1 })).statusCode).toBe(404);
  });

  it('keeps its version while the instrument gets a new one', async () => {
    const a = await start('2026-09-04');
    const draft = (await hr.post(`${base}/instruments/${w.drivers.instrumentId}/draft`)).json() as VersionDetail;
    const sections = draft.sections.map((s, i) => ({
      id: s.id,
      title: s.title,
      items:
        i === 0 ? [{ text: 'A brand new selection item' }] : s.items.map((it) => ({ id: it.id, text: it.text, guidance: it.guidance })),
    }));
    const saved = (
      await hr.request('PUT', `${base}/versions/${draft.id}`, { version: draft.version, scale: draft.scale, targetPct: 90, sections })
    ).json() as VersionDetail;
    const published = await hr.post(`${base}/versions/${draft.id}/publish`, { version: saved.version });
    expect(published.statusCode, published.body).toBe(200);

    const still = (await facilitator.get(`${base}/administrations/${a.id}`)).json() as AdministrationDetail;
    expect(still).toMatchObject({ versionId: w.drivers.versionId, versionNumber: 1, results: { targetPct: 80 } });
    expect(still.content.sections[0]!.items.map((i) => i.text)).toEqual(a.content.sections[0]!.items.map((i) => i.text));
    const ok = await score(noteTaker, a.id, a.content.sections[0]!.items[0]!.id, { value: 2 });
    expect(ok.statusCode, ok.body).toBe(200);
    const newItem = saved.sections[0]!.items[0]!.id;
    const refused = await score(noteTaker, a.id, newItem, { value: 2 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('itemId');
  });

  it('shows the trend across administrations, the target line, the items that moved, and a comparison of schools', async () => {
    const instrumentId = w.drivers.instrumentId;
    const trendOf = async () =>
      (await facilitator.get(`${base}/results/trend?instrumentId=${instrumentId}&teamId=${w.schoolTeam.id}`)).json() as Trend;
    const before = (await trendOf()).points.length;

    const fall = await scoreAll(await start('2026-10-01'), () => 1);
    await facilitator.post(`${base}/administrations/${fall.id}/close`, { version: fall.version });
    const spring = await scoreAll(await start('2027-03-01'), (i) => (i < 2 ? 2 : 1));
    await facilitator.post(`${base}/administrations/${spring.id}/close`, { version: spring.version });

    const trend = await trendOf();
    expect(trend.points).toHaveLength(before + 2);
    const [p1, p2] = trend.points.slice(-2);
    expect(p1).toMatchObject({ administrationId: fall.id, status: 'closed', totalPct: 50 });
    expect(p2).toMatchObject({ administrationId: spring.id, totalPct: 56.3 });
    expect(p2!.sections[0]).toMatchObject({ title: 'Selection', pct: 100 });
    expect(trend.targetPct).toBe(80);
    expect(trend.moved.map((m) => [m.section, m.before, m.after])).toEqual([
      ['Selection', 1, 2],
      ['Selection', 1, 2],
    ]);

    const compared = (await hr.get(`${base}/results/schools?instrumentId=${instrumentId}`)).json() as SchoolComparison;
    expect(compared.schools).toEqual([
      expect.objectContaining({ orgUnit: { id: w.schoolA.id, name: 'Alder Elementary' }, administrationId: spring.id }),
    ]);
  });
});
