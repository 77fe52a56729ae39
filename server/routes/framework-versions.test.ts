/**
 * Permission matrix (framework rows also in policies/permissions.test.ts): signed out -> 401; other
 * district -> 404; a draft read by someone neither editor nor on the design team -> 404; published
 * and retired versions -> everyone in the district; edits -> HR and district admins (others 403);
 * editing a published version -> 409 invalid_state; comments -> editors and the design team on
 * drafts (published -> 409), resolved by editors (design team 403).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricCriteria, rubricDescriptors, rubrics, scaleLevels } from '../db/schema/index.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let admin: Client;
let staff: Client;
let teamMember: Client;
let teamMemberPersonId: string;
let otherAdmin: Client;
let districtName: string;

beforeAll(async () => {
  const db = t.database.db;
  const district = await buildDistrict(db, 'Coral District');
  districtName = district.name;
  hr = await signIn(t.app, (await buildUser(db, district.id, 'hr')).email);
  admin = await signIn(t.app, (await buildUser(db, district.id, 'district_admin')).email);
  staff = await signIn(t.app, (await buildUser(db, district.id, 'staff')).email);
  const member = await buildUser(db, district.id, 'staff');
  teamMemberPersonId = member.personId;
  teamMember = await signIn(t.app, member.email);
  otherAdmin = await signIn(t.app, (await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin')).email);
});

interface Item {
  id: string;
  fullStatement: string;
  version: number;
  parentId: string | null;
  sourceItemIds: string[];
}

async function createFramework(title: string) {
  const res = await hr.post('/api/frameworks', { title });
  expect(res.statusCode).toBe(201);
  return res.json() as { framework: { id: string }; version: { id: string; version: number } };
}

async function addItem(versionId: string, fullStatement: string, parentId: string | null = null, extra: object = {}) {
  const res = await hr.post(`/api/framework-versions/${versionId}/items`, { parentId, fullStatement, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json() as Item;
}

const items = async (versionId: string, client = hr) =>
  (await client.get(`/api/framework-versions/${versionId}/items`)).json().items as Item[];
const byText = (list: Item[], text: string) => list.find((i) => i.fullStatement === text)!;
const versionOf = async (id: string) => (await hr.get(`/api/framework-versions/${id}`)).json();

async function publish(versionId: string) {
  const res = await hr.post(`/api/framework-versions/${versionId}/publish`, { version: (await versionOf(versionId)).version });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function nextVersion(versionId: string) {
  const res = await hr.post(`/api/framework-versions/${versionId}/new-version`, {});
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; versionNumber: number; status: string; basedOnVersionId: string };
}

describe('frameworks and versions', () => {
  it('creates a framework as draft version 1 with the default item types and scale, audited', async () => {
    const { framework, version } = await createFramework('Teaching framework');
    const v = await versionOf(version.id);
    expect(v).toMatchObject({
      frameworkId: framework.id,
      frameworkTitle: 'Teaching framework',
      versionNumber: 1,
      status: 'draft',
      creator: districtName,
      caseIdentifier: version.id,
      itemCount: 0,
      itemTypes: [
        { code: 'domain', title: 'Domain' },
        { code: 'competency', title: 'Competency' },
        { code: 'indicator', title: 'Indicator' },
      ],
      abilities: { edit: true, publish: true, newVersion: false, comment: true, manageDesignTeam: true },
    });
    const scales = (await hr.get('/api/scales')).json().items;
    expect(v.scaleId).toBe(scales.find((s: { isDefault: boolean }) => s.isDefault).id);
    const summary = (await hr.get(`/api/frameworks/${framework.id}`)).json();
    expect(summary).toMatchObject({ draftId: version.id, latestPublishedId: null, versions: [{ versionNumber: 1, status: 'draft' }] });
    const audit = (await admin.get(`/api/audit?entityId=${version.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'framework_version.create' });
    expect((await staff.post('/api/frameworks', { title: 'Mine' })).statusCode).toBe(403);
    expect((await anonymous(t.app).get('/api/frameworks')).statusCode).toBe(401);
    expect((await otherAdmin.get(`/api/frameworks/${framework.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/framework-versions/${version.id}`)).statusCode).toBe(404);
  });

  it('edits the version fields with the current version; stale -> 409 with the current version', async () => {
    const { version } = await createFramework('Leadership framework');
    const res = await hr.patch(`/api/framework-versions/${version.id}`, {
      version: 1,
      title: 'School leadership',
      versionLabel: '2026-27',
    });
    expect(res.json()).toMatchObject({ title: 'School leadership', versionLabel: '2026-27', version: 2 });
    const stale = await admin.patch(`/api/framework-versions/${version.id}`, { version: 1, title: 'Other' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.title).toBe('School leadership');
    expect((await hr.patch(`/api/framework-versions/${version.id}`, { version: 2, itemTypes: [] })).statusCode).toBe(400);
  });

  it('publishes: records every kind of crosswalk row, supersedes the previous version, refuses edits to published versions', async () => {
    const { framework, version: v1 } = await createFramework('Crosswalk framework');
    const domain = await addItem(v1.id, 'Instruction');
    for (const text of ['A plans', 'B checks', 'C engages', 'D groups', 'E paces', 'F reflects']) await addItem(v1.id, text, domain.id);
    const published = await publish(v1.id);
    expect(published).toMatchObject({ status: 'published', abilities: { edit: false, newVersion: true } });
    expect(published.publishedAt).not.toBeNull();

    // Published versions are immutable: editors get 409 invalid_state, readers 403.
    const locked = await hr.patch(`/api/framework-versions/${v1.id}`, { version: published.version, title: 'x' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('invalid_state');
    expect((await hr.post(`/api/framework-versions/${v1.id}/items`, { parentId: null, fullStatement: 'x' })).json().error.code).toBe(
      'invalid_state',
    );
    const v1Items = await items(v1.id);
    const aItem = byText(v1Items, 'A plans');
    expect((await hr.patch(`/api/framework-items/${aItem.id}`, { version: aItem.version, fullStatement: 'y' })).statusCode).toBe(409);
    expect((await staff.patch(`/api/framework-items/${aItem.id}`, { version: aItem.version, fullStatement: 'y' })).statusCode).toBe(403);

    const v2 = await nextVersion(v1.id);
    expect(v2).toMatchObject({ versionNumber: 2, status: 'draft', basedOnVersionId: v1.id });
    const again = await hr.post(`/api/framework-versions/${v1.id}/new-version`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'draft_exists', draftId: v2.id });

    let list = await items(v2.id);
    const b = byText(list, 'B checks');
    await hr.patch(`/api/framework-items/${b.id}`, { version: b.version, fullStatement: 'B checks for understanding' });
    const c = byText(list, 'C engages');
    expect((await hr.post(`/api/framework-items/${c.id}/split`, { version: c.version })).statusCode).toBe(201);
    const merged = await hr.post(`/api/framework-versions/${v2.id}/merge`, {
      itemIds: [byText(list, 'D groups').id, byText(list, 'E paces').id],
      fullStatement: 'D groups and paces',
    });
    expect(merged.statusCode).toBe(201);
    const f = byText(list, 'F reflects');
    await hr.post(`/api/framework-items/${f.id}/retire`, { version: f.version });
    await addItem(v2.id, 'G uses data', byText(list, 'Instruction').id);

    const preview = (await hr.get(`/api/framework-versions/${v2.id}/crosswalk`)).json();
    expect(preview.recorded).toBe(false);
    const expected = { unchanged: 2, changed: 1, split: 2, merged: 1, new: 1, retired: 1 };
    expect(preview.counts).toEqual(expected);

    await publish(v2.id);
    expect((await versionOf(v1.id)).status).toBe('retired');
    const recorded = (await staff.get(`/api/framework-versions/${v2.id}/crosswalk`)).json();
    expect(recorded).toMatchObject({ recorded: true, previousVersion: { id: v1.id, versionNumber: 1 }, counts: expected });
    expect(recorded.mappings).toContainEqual({
      kind: 'changed',
      item: expect.objectContaining({ fullStatement: 'B checks for understanding' }),
      previousItem: expect.objectContaining({ fullStatement: 'B checks' }),
    });
    expect(
      recorded.mappings
        .filter((m: { kind: string }) => m.kind === 'merged')
        .map((m: { previousItem: Item }) => m.previousItem.fullStatement)
        .sort(),
    ).toEqual(['D groups', 'E paces']);
    expect(recorded.mappings.find((m: { kind: string }) => m.kind === 'retired').previousItem.fullStatement).toBe('F reflects');

    // Staff read both versions (the superseded one stays readable) and never see drafts.
    expect((await staff.get(`/api/framework-versions/${v1.id}`)).statusCode).toBe(200);
    const summary = (await staff.get(`/api/frameworks/${framework.id}`)).json();
    expect(summary).toMatchObject({ latestPublishedId: v2.id, draftId: null, abilities: { newVersion: false } });
    expect(summary.versions.map((v: { versionNumber: number; status: string }) => [v.versionNumber, v.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ]);

    // v3: A moves under a new domain; compare v1 -> v3 follows sourceItemIds through v2.
    const v3 = await nextVersion(v2.id);
    list = await items(v3.id);
    const leadership = await addItem(v3.id, 'Leadership');
    const a3 = byText(list, 'A plans');
    expect(
      (await hr.post(`/api/framework-items/${a3.id}/move`, { version: a3.version, parentId: leadership.id, position: 0 })).statusCode,
    ).toBe(200);
    const cmp = await staff.get(`/api/frameworks/${framework.id}/compare?from=${v1.id}&to=${v3.id}`);
    expect(cmp.statusCode).toBe(404); // the draft v3 is not the staff member's to read
    const res = (await hr.get(`/api/frameworks/${framework.id}/compare?from=${v1.id}&to=${v3.id}`)).json();
    expect(res.counts).toEqual({ added: 2, removed: 1, changed: 1, moved: 1, unchanged: 1, split: 2, merged: 1 });
    expect(res.changes).toContainEqual({
      kind: 'moved',
      item: expect.objectContaining({ id: a3.id }),
      previousItem: expect.objectContaining({ id: aItem.id }),
      fields: ['parentId'],
    });
    expect(res.changes).toContainEqual(expect.objectContaining({ kind: 'changed', fields: ['fullStatement'] }));
    const backwards = (await hr.get(`/api/frameworks/${framework.id}/compare?from=${v3.id}&to=${v1.id}`)).json();
    expect(backwards.counts).toMatchObject({ added: 1, removed: 2, split: 2, merged: 1 });
    const other = (await createFramework('Another')).version.id;
    expect((await hr.get(`/api/frameworks/${framework.id}/compare?from=${v1.id}&to=${other}`)).statusCode).toBe(404);
  });

  it('new version copies items, associations and rubrics with criteria and descriptors, remapping item ids', async () => {
    const { version: v1 } = await createFramework('Copy framework');
    const domain = await addItem(v1.id, 'Planning');
    const comp = await addItem(v1.id, 'Designs coherent units', domain.id, { humanCode: '1a' });
    const other = await addItem(v1.id, 'Sets goals', domain.id, { humanCode: '1b' });
    const assoc = await hr.post(`/api/framework-versions/${v1.id}/associations`, {
      associationType: 'isRelatedTo',
      originItemId: comp.id,
      destinationItemId: other.id,
    });
    expect(assoc.statusCode).toBe(201);
    const db = t.database.db;
    const { districtId } = (await db.query.frameworkVersions.findFirst({ where: (v, o) => o.eq(v.id, v1.id) }))!;
    const levels = await db
      .select()
      .from(scaleLevels)
      .where(eq(scaleLevels.scaleId, (await versionOf(v1.id)).scaleId));
    const [rubric] = await db
      .insert(rubrics)
      .values({ districtId, versionId: v1.id, caseIdentifier: randomUUID(), title: 'Teacher rubric' })
      .returning();
    const [criterion] = await db
      .insert(rubricCriteria)
      .values({ districtId, rubricId: rubric!.id, itemId: comp.id, caseIdentifier: randomUUID() })
      .returning();
    await db.insert(rubricDescriptors).values(
      levels.map((l) => ({
        districtId,
        criterionId: criterion!.id,
        scaleLevelId: l.id,
        caseIdentifier: randomUUID(),
        position: l.position,
        description: `At ${l.label}`,
      })),
    );
    await publish(v1.id);
    const v2 = await nextVersion(v1.id);

    const copied = (await hr.get(`/api/framework-versions/${v2.id}/items`)).json();
    expect(copied.items.map((i: Item & { humanCode: string }) => [i.fullStatement, i.sourceItemIds])).toEqual([
      ['Planning', [domain.id]],
      ['Designs coherent units', [comp.id]],
      ['Sets goals', [other.id]],
    ]);
    const newComp = copied.items[1];
    expect(newComp.id).not.toBe(comp.id);
    expect(newComp.caseIdentifier).not.toBe(comp.id);
    expect(newComp.parentId).toBe(copied.items[0].id);
    expect(copied.associations).toEqual([
      expect.objectContaining({
        associationType: 'isRelatedTo',
        originItemId: newComp.id,
        destinationItemId: copied.items[2].id,
        originNode: expect.objectContaining({ identifier: newComp.caseIdentifier }),
      }),
    ]);
    const [newRubric] = await db.select().from(rubrics).where(eq(rubrics.versionId, v2.id));
    expect(newRubric).toMatchObject({ title: 'Teacher rubric' });
    const [newCriterion] = await db.select().from(rubricCriteria).where(eq(rubricCriteria.rubricId, newRubric!.id));
    expect(newCriterion!.itemId).toBe(newComp.id);
    const descriptors = await db.select().from(rubricDescriptors).where(eq(rubricDescriptors.criterionId, newCriterion!.id));
    expect(descriptors.map((d) => d.description).sort()).toEqual(levels.map((l) => `At ${l.label}`).sort());
  });

  it('retires a published version; drafts cannot be retired', async () => {
    const { version } = await createFramework('Retiring framework');
    expect((await hr.post(`/api/framework-versions/${version.id}/retire`, { version: 1 })).json().error.code).toBe('invalid_state');
    const published = await publish(version.id);
    expect((await staff.post(`/api/framework-versions/${version.id}/retire`, { version: published.version })).statusCode).toBe(403);
    const res = await hr.post(`/api/framework-versions/${version.id}/retire`, { version: published.version });
    expect(res.json()).toMatchObject({ status: 'retired', abilities: { newVersion: false, retire: false } });
  });
});

describe('design team and comments', () => {
  it('a team member reads the draft and comments but cannot edit; others get 404; editors resolve', async () => {
    const { framework, version } = await createFramework('Team framework');
    const item = await addItem(version.id, 'Builds relationships');
    expect((await staff.get(`/api/framework-versions/${version.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/framework-versions/${version.id}/items`)).statusCode).toBe(404);
    expect((await staff.get(`/api/frameworks/${framework.id}`)).statusCode).toBe(404);
    expect((await staff.post(`/api/frameworks/${framework.id}/design-team`, { personId: teamMemberPersonId })).statusCode).toBe(403);

    const added = await hr.post(`/api/frameworks/${framework.id}/design-team`, { personId: teamMemberPersonId });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ personId: teamMemberPersonId });
    expect((await hr.get(`/api/frameworks/${framework.id}/design-team`)).json().items).toHaveLength(1);
    expect((await otherAdmin.get(`/api/frameworks/${framework.id}/design-team`)).statusCode).toBe(404);

    const v = (await teamMember.get(`/api/framework-versions/${version.id}`)).json();
    expect(v.abilities).toMatchObject({ edit: false, comment: true, resolveComments: false });
    expect((await teamMember.get(`/api/frameworks/${framework.id}`)).json().draftId).toBe(version.id);
    expect(await items(version.id, teamMember)).toHaveLength(1);
    expect((await teamMember.patch(`/api/framework-versions/${version.id}`, { version: v.version, title: 'Mine' })).statusCode).toBe(403);
    expect((await teamMember.post(`/api/framework-versions/${version.id}/items`, { parentId: null, fullStatement: 'x' })).statusCode).toBe(
      403,
    );
    expect((await teamMember.patch(`/api/framework-items/${item.id}`, { version: item.version, fullStatement: 'x' })).statusCode).toBe(403);

    const comment = await teamMember.post(`/api/framework-versions/${version.id}/comments`, {
      itemId: item.id,
      body: 'Say what this looks like in class',
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({
      itemId: item.id,
      body: 'Say what this looks like in class',
      resolvedAt: null,
      abilities: { resolve: false },
    });
    expect((await staff.post(`/api/framework-versions/${version.id}/comments`, { body: 'x' })).statusCode).toBe(404);
    expect((await teamMember.post(`/api/framework-versions/${version.id}/comments`, { body: '' })).statusCode).toBe(400);
    expect(
      (await teamMember.post(`/api/framework-versions/${version.id}/comments`, { descriptorId: randomUUID(), body: 'x' })).statusCode,
    ).toBe(400);
    expect((await items(version.id))[0]).toMatchObject({ openCommentCount: 1 });

    const id = comment.json().id;
    expect((await teamMember.post(`/api/framework-comments/${id}/resolve`)).statusCode).toBe(403);
    const resolved = await hr.post(`/api/framework-comments/${id}/resolve`);
    expect(resolved.json()).toMatchObject({ resolvedByName: expect.any(String), abilities: { resolve: true } });
    expect(resolved.json().resolvedAt).not.toBeNull();
    expect((await hr.get(`/api/framework-versions/${version.id}/comments?status=open`)).json().items).toHaveLength(0);
    expect((await teamMember.get(`/api/framework-versions/${version.id}/comments?status=resolved`)).json().items).toHaveLength(1);
    expect((await hr.post(`/api/framework-comments/${id}/reopen`)).json().resolvedAt).toBeNull();

    // Once published, comments are closed; staff still cannot read the design conversation.
    await publish(version.id);
    const closed = await teamMember.post(`/api/framework-versions/${version.id}/comments`, { itemId: item.id, body: 'Late' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('invalid_state');
    expect((await staff.get(`/api/framework-versions/${version.id}/comments`)).statusCode).toBe(403);
    expect((await staff.get(`/api/framework-versions/${version.id}`)).statusCode).toBe(200);

    expect((await hr.request('DELETE', `/api/frameworks/${framework.id}/design-team/${teamMemberPersonId}`)).statusCode).toBe(204);
    expect((await hr.get(`/api/frameworks/${framework.id}/design-team`)).json().items).toHaveLength(0);
  });

  it('comments on a rubric descriptor of the version, not of another version', async () => {
    const db = t.database.db;
    const { version } = await createFramework('Descriptor comments');
    const item = await addItem(version.id, 'Questions deeply');
    const v = await db.query.frameworkVersions.findFirst({ where: (x, o) => o.eq(x.id, version.id) });
    const [rubric] = await db
      .insert(rubrics)
      .values({ districtId: v!.districtId, versionId: version.id, caseIdentifier: randomUUID(), title: 'R' })
      .returning();
    const [criterion] = await db
      .insert(rubricCriteria)
      .values({ districtId: v!.districtId, rubricId: rubric!.id, itemId: item.id, caseIdentifier: randomUUID() })
      .returning();
    const [descriptor] = await db
      .insert(rubricDescriptors)
      .values({ districtId: v!.districtId, criterionId: criterion!.id, caseIdentifier: randomUUID(), description: 'Asks why' })
      .returning();
    const res = await hr.post(`/api/framework-versions/${version.id}/comments`, { descriptorId: descriptor!.id, body: 'Too vague' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ descriptorId: descriptor!.id, itemId: null });
    expect((await hr.get(`/api/framework-versions/${version.id}/comments?descriptorId=${descriptor!.id}`)).json().items).toHaveLength(1);
    const elsewhere = (await createFramework('Elsewhere')).version.id;
    expect((await hr.post(`/api/framework-versions/${elsewhere}/comments`, { descriptorId: descriptor!.id, body: 'x' })).statusCode).toBe(
      400,
    );
  });
});
