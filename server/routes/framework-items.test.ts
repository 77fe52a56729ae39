/**
 * Permission matrix: signed out -> 401; an item of another district, or of a draft the caller may
 * not read -> 404; readers of a published version editing it -> 403, editors -> 409 invalid_state;
 * editors (HR, district admins) change drafts; a stale `version` -> 409 conflict with the current item.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { evidence, frameworkItems, frameworkVersions } from '../db/schema/index.ts';
import { buildDistrict, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let admin: Client;
let staff: Client;
let otherAdmin: Client;
let districtId: string;

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  admin = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
  staff = await signIn(t.app, (await buildUser(db, districtId, 'staff')).email);
  otherAdmin = await signIn(t.app, (await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin')).email);
});

interface Item {
  id: string;
  fullStatement: string;
  version: number;
  parentId: string | null;
  position: number;
  itemType: string | null;
  sourceItemIds: string[];
  hasEvidence: boolean;
  retired: boolean;
}

const draft = async (title = 'Framework') => (await hr.post('/api/frameworks', { title })).json().version.id as string;
async function add(versionId: string, fullStatement: string, parentId: string | null = null, extra: object = {}) {
  const res = await hr.post(`/api/framework-versions/${versionId}/items`, { parentId, fullStatement, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as Item;
}
const list = async (versionId: string) => (await hr.get(`/api/framework-versions/${versionId}/items`)).json().items as Item[];
const texts = async (versionId: string) => (await list(versionId)).map((i) => i.fullStatement);
const current = async (versionId: string, id: string) => (await list(versionId)).find((i) => i.id === id)!;
const del = (client: Client, id: string) => client.request('DELETE', `/api/framework-items/${id}`);
async function publishAndCopy(versionId: string) {
  const v = (await hr.get(`/api/framework-versions/${versionId}`)).json();
  expect((await hr.post(`/api/framework-versions/${versionId}/publish`, { version: v.version })).statusCode).toBe(200);
  return (await hr.post(`/api/framework-versions/${versionId}/new-version`, {})).json().id as string;
}

describe('framework items', () => {
  it('edits the tree: add, reorder, move under another parent, refuse a descendant, retitle', async () => {
    const v = await draft();
    const planning = await add(v, 'Planning');
    const teaching = await add(v, 'Teaching');
    expect(planning).toMatchObject({ itemType: 'domain', parentId: null, position: 0, version: 1, hasEvidence: false });
    const goals = await add(v, 'Sets goals', planning.id, { humanCode: '1a' });
    expect(goals.itemType).toBe('competency');
    await add(v, 'Designs units', planning.id);
    const first = await add(v, 'Knows content', planning.id, { position: 0 });
    expect(await texts(v)).toEqual(['Planning', 'Knows content', 'Sets goals', 'Designs units', 'Teaching']);

    // Reorder: "Designs units" to the top of its siblings.
    const units = await current(v, (await list(v)).find((i) => i.fullStatement === 'Designs units')!.id);
    const moved = await hr.post(`/api/framework-items/${units.id}/move`, { version: units.version, parentId: planning.id, position: 0 });
    expect(moved.json()).toMatchObject({ position: 0, version: units.version + 1 });
    expect(await texts(v)).toEqual(['Planning', 'Designs units', 'Knows content', 'Sets goals', 'Teaching']);

    // Move under another parent: both sibling lists stay numbered 0..n-1.
    const k = await current(v, first.id);
    await hr.post(`/api/framework-items/${k.id}/move`, { version: k.version, parentId: teaching.id, position: 5 });
    const after = await list(v);
    expect(after.map((i) => i.fullStatement)).toEqual(['Planning', 'Designs units', 'Sets goals', 'Teaching', 'Knows content']);
    expect(after.filter((i) => i.parentId === planning.id).map((i) => i.position)).toEqual([0, 1]);
    expect(after.find((i) => i.id === first.id)).toMatchObject({ parentId: teaching.id, position: 0 });

    // Under itself or one of its descendants: refused.
    const p = await current(v, planning.id);
    const self = await hr.post(`/api/framework-items/${p.id}/move`, { version: p.version, parentId: p.id, position: 0 });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('validation_failed');
    const under = await hr.post(`/api/framework-items/${p.id}/move`, { version: p.version, parentId: goals.id, position: 0 });
    expect(under.json().error.code).toBe('validation_failed');

    // Move to the top level, then retitle.
    const g = await current(v, goals.id);
    expect(
      (await hr.post(`/api/framework-items/${g.id}/move`, { version: g.version, parentId: null, position: 0 })).json().parentId,
    ).toBeNull();
    expect(await texts(v)).toEqual(['Sets goals', 'Planning', 'Designs units', 'Teaching', 'Knows content']);
    const g2 = await current(v, goals.id);
    const retitled = await hr.patch(`/api/framework-items/${g.id}`, {
      version: g2.version,
      fullStatement: 'Sets ambitious goals',
      humanCode: '1b',
    });
    expect(retitled.json()).toMatchObject({ fullStatement: 'Sets ambitious goals', humanCode: '1b' });
    expect((await hr.patch(`/api/framework-items/${g.id}`, { version: g2.version + 1, itemType: 'nonsense' })).statusCode).toBe(400);
    const audit = (await admin.get(`/api/audit?entityId=${g.id}`)).json().items.map((a: { action: string }) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['framework_item.create', 'framework_item.move', 'framework_item.update']));
  });

  it('answers 409 with the current text when two editors change the same item', async () => {
    const v = await draft();
    const item = await add(v, 'Checks for understanding');
    const first = await hr.patch(`/api/framework-items/${item.id}`, { version: item.version, fullStatement: 'Checks understanding often' });
    expect(first.statusCode).toBe(200);
    const second = await admin.patch(`/api/framework-items/${item.id}`, { version: item.version, fullStatement: 'Something else' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'conflict',
      details: { current: { fullStatement: 'Checks understanding often', version: 2 } },
    });
  });

  it('answers 401 signed out, 404 to other districts and to staff on a draft, 403 to staff on a published item', async () => {
    const v = await draft();
    const item = await add(v, 'Collaborates');
    expect((await anonymous(t.app).patch(`/api/framework-items/${item.id}`, { version: 1, fullStatement: 'x' })).statusCode).toBe(401);
    expect((await otherAdmin.patch(`/api/framework-items/${item.id}`, { version: 1, fullStatement: 'x' })).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/framework-versions/${v}/items`)).statusCode).toBe(404);
    expect((await staff.patch(`/api/framework-items/${item.id}`, { version: 1, fullStatement: 'x' })).statusCode).toBe(404);
    expect((await staff.post(`/api/framework-versions/${v}/items`, { parentId: null, fullStatement: 'x' })).statusCode).toBe(404);
    await publishAndCopy(v);
    expect((await staff.get(`/api/framework-versions/${v}/items`)).statusCode).toBe(200);
    expect((await staff.patch(`/api/framework-items/${item.id}`, { version: 1, fullStatement: 'x' })).statusCode).toBe(403);
    expect((await del(staff, item.id)).statusCode).toBe(403);
    const locked = await del(hr, item.id);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('invalid_state');
  });

  it('refuses to delete a competency people were scored on (retire instead) or one with children', async () => {
    const db = t.database.db;
    const v1 = await draft('Evidence framework');
    const domain = await add(v1, 'Culture');
    const scored = await add(v1, 'Builds relationships', domain.id);
    await add(v1, 'Sets routines', domain.id);
    const teacher = await buildPerson(db, districtId);
    await db
      .insert(evidence)
      .values({ districtId, personId: teacher.id, itemId: scored.id, source: 'observation', levelScore: 3, observedAt: new Date() });
    const v2 = await publishAndCopy(v1);
    const items = await list(v2);
    const copy = items.find((i) => i.fullStatement === 'Builds relationships')!;
    expect(copy).toMatchObject({ hasEvidence: true, sourceItemIds: [scored.id] });

    const refused = await del(hr, copy.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'invalid_state', details: { reason: 'has_evidence' } });
    const children = await del(hr, items[0]!.id);
    expect(children.json().error.details.reason).toBe('has_children');

    const retired = await hr.post(`/api/framework-items/${copy.id}/retire`, { version: copy.version });
    expect(retired.json()).toMatchObject({ retired: true, version: copy.version + 1 });
    const back = await hr.post(`/api/framework-items/${copy.id}/reactivate`, { version: copy.version + 1 });
    expect(back.json().retired).toBe(false);

    const plain = items.find((i) => i.fullStatement === 'Sets routines')!;
    expect((await del(hr, plain.id)).statusCode).toBe(204);
    expect(await texts(v2)).toEqual(['Culture', 'Builds relationships']);
    const [row] = await db.select().from(frameworkItems).where(eq(frameworkItems.id, plain.id));
    expect(row).toBeUndefined();
  });

  it('splits an item and merges others; merged items with evidence are retired, not deleted', async () => {
    const db = t.database.db;
    const v1 = await draft('Merge framework');
    const domain = await add(v1, 'Instruction');
    const a = await add(v1, 'Questions', domain.id);
    const b = await add(v1, 'Discussion', domain.id);
    const c = await add(v1, 'Feedback', domain.id);
    await add(v1, 'Oral feedback', c.id);
    const teacher = await buildPerson(db, districtId);
    await db.insert(evidence).values({ districtId, personId: teacher.id, itemId: b.id, source: 'observation', observedAt: new Date() });
    const v2 = await publishAndCopy(v1);
    const items = await list(v2);
    const pick = (text: string) => items.find((i) => i.fullStatement === text)!;

    const split = await hr.post(`/api/framework-items/${pick('Questions').id}/split`, { version: pick('Questions').version });
    expect(split.statusCode).toBe(201);
    expect(split.json()).toMatchObject({
      fullStatement: 'Questions',
      sourceItemIds: [a.id],
      position: 1,
      parentId: pick('Instruction').id,
    });

    const merged = await hr.post(`/api/framework-versions/${v2}/merge`, {
      itemIds: [pick('Discussion').id, pick('Feedback').id],
      fullStatement: 'Discussion and feedback',
      humanCode: '3c',
    });
    expect(merged.statusCode).toBe(201);
    expect(merged.json()).toMatchObject({ humanCode: '3c', parentId: pick('Instruction').id });
    expect(merged.json().sourceItemIds.sort()).toEqual([b.id, c.id].sort());
    const after = await list(v2);
    expect(after.map((i) => [i.fullStatement, i.retired])).toEqual([
      ['Instruction', false],
      ['Questions', false],
      ['Questions', false],
      ['Discussion and feedback', false],
      ['Oral feedback', false],
      ['Discussion', true],
    ]);
    expect(after.find((i) => i.fullStatement === 'Oral feedback')!.parentId).toBe(merged.json().id);
    const crosswalk = (await hr.get(`/api/framework-versions/${v2}/crosswalk`)).json();
    expect(crosswalk.counts).toMatchObject({ split: 2, merged: 1, unchanged: 2, retired: 0 });
    const bad = await hr.post(`/api/framework-versions/${v2}/merge`, {
      itemIds: [pick('Instruction').id, randomUUID()],
      fullStatement: 'x',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('links items with typed associations (not isChildOf) and unlinks them', async () => {
    const v = await draft();
    const a = await add(v, 'Plans');
    const b = await add(v, 'Reflects');
    const res = await hr.post(`/api/framework-versions/${v}/associations`, {
      associationType: 'precedes',
      originItemId: a.id,
      destinationItemId: b.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      associationType: 'precedes',
      originItemId: a.id,
      destinationItemId: b.id,
      destinationNode: { title: 'Reflects' },
    });
    const external = await hr.post(`/api/framework-versions/${v}/associations`, {
      associationType: 'exactMatchOf',
      originItemId: a.id,
      destinationNode: { title: 'State standard 1.1', identifier: 'std-1-1', uri: 'https://example.org/std/1.1' },
    });
    expect(external.json()).toMatchObject({ destinationItemId: null, destinationNode: { identifier: 'std-1-1' } });
    const child = await hr.post(`/api/framework-versions/${v}/associations`, {
      associationType: 'isChildOf',
      originItemId: a.id,
      destinationItemId: b.id,
    });
    expect(child.statusCode).toBe(400);
    expect((await hr.get(`/api/framework-versions/${v}/items`)).json().associations).toHaveLength(2);
    expect((await staff.request('DELETE', `/api/framework-associations/${res.json().id}`)).statusCode).toBe(404);
    expect((await hr.request('DELETE', `/api/framework-associations/${res.json().id}`)).statusCode).toBe(204);
    expect((await hr.get(`/api/framework-versions/${v}/items`)).json().associations).toHaveLength(1);
  });

  it('lists a 2,000-item version whole, parents before children (its speed is in npm run bench)', async () => {
    const db = t.database.db;
    const v = await draft('Large framework');
    const [version] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, v));
    const rows: (typeof frameworkItems.$inferInsert)[] = [];
    for (let d = 0; d < 40; d++) {
      const domainId = randomUUID();
      rows.push({ id: domainId, districtId, versionId: v, caseIdentifier: domainId, position: 39 - d, fullStatement: `Domain ${d}` });
      for (let c = 0; c < 49; c++) {
        const id = randomUUID();
        rows.push({
          id,
          districtId,
          versionId: v,
          caseIdentifier: id,
          parentId: domainId,
          position: c,
          fullStatement: `Competency ${d}.${c}`,
        });
      }
    }
    await db.insert(frameworkItems).values(rows.slice(0, 1000));
    await db.insert(frameworkItems).values(rows.slice(1000));
    expect(version!.status).toBe('draft');
    const res = await hr.get(`/api/framework-versions/${v}/items`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items).toHaveLength(2000);
    expect(items[0]!.fullStatement).toBe('Domain 39');
    expect(items[1]!.fullStatement).toBe('Competency 39.0');
    expect(items[50]!.fullStatement).toBe('Domain 38');
  });
});
