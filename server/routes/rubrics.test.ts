/**
 * Permission matrix: signed out -> 401; a rubric, descriptor or version of another district, or of
 * a draft the caller may not read (a teacher outside the design team) -> 404; readers of a
 * published version read its rubrics and documents but change nothing (403); editors (HR,
 * district admins) change drafts only (a published version answers 409 invalid_state).
 */
import { eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameworkCollaborators, frameworkVersions } from '../db/schema/index.ts';
import { buildFrameworkVersion, pdfText, type FixtureVersion } from '../test/fixtures/rubrics.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let districtId: string;
let hr: Client;
let admin: Client;
let teacher: Client;
let designer: Client;
let designerPersonId: string;
let outsider: Client;
let steps: { id: string; title: string }[];

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  admin = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
  teacher = await signIn(t.app, (await buildUser(db, districtId, 'staff')).email);
  const designerUser = await buildUser(db, districtId, 'staff');
  designerPersonId = designerUser.personId;
  designer = await signIn(t.app, designerUser.email);
  outsider = await signIn(t.app, (await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin')).email);
  const pathway = (await hr.post('/api/pathways', { name: 'Instructional', category: 'instructional' })).json();
  steps = [];
  for (const title of ['Apprentice teacher', 'Teacher', 'Teacher manager']) {
    steps.push((await hr.post(`/api/pathways/${pathway.id}/steps`, { title, payBandMinUsd: 50000, payBandMaxUsd: 60000 })).json());
  }
});

const draft = (opts: Parameters<typeof buildFrameworkVersion>[2] = {}) => buildFrameworkVersion(t.database.db, districtId, opts);
const publish = (v: FixtureVersion) =>
  t.database.db
    .update(frameworkVersions)
    .set({ status: 'published', publishedAt: new Date() })
    .where(eq(frameworkVersions.id, v.versionId));

async function rubricFor(v: FixtureVersion, stepId: string, itemIds = v.competencies.slice(0, 3).map((c) => c.id)) {
  const res = await hr.post(`/api/framework-versions/${v.versionId}/rubrics`, { stepId, itemIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function unzipEntry(zip: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('no zip'));
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return file.readEntry();
        file.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
      });
      file.on('end', () => reject(new Error(`${name} not in the archive`)));
      file.readEntry();
    });
  });
}

describe('rubrics permission matrix', () => {
  it('401 signed out, 404 other district and unreadable drafts, 403 readers, 409 published', async () => {
    const v = await draft();
    const grid = await rubricFor(v, steps[0]!.id);
    const descriptor = grid.criteria[0].descriptors[0];
    const anon = anonymous(t.app);
    expect((await anon.get(`/api/rubrics/${grid.rubric.id}`)).statusCode).toBe(401);
    expect((await anon.get(`/api/framework-versions/${v.versionId}/rubrics`)).statusCode).toBe(401);
    expect((await anon.patch(`/api/rubric-descriptors/${descriptor.id}`, { version: 1, description: 'x' })).statusCode).toBe(401);
    // Another district: nothing exists.
    expect((await outsider.get(`/api/rubrics/${grid.rubric.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/rubrics/${grid.rubric.id}/export.pdf`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/rubric-descriptors/${descriptor.id}`, { version: 1, description: 'x' })).statusCode).toBe(404);
    expect((await outsider.post(`/api/framework-versions/${v.versionId}/rubrics`, { stepId: steps[1]!.id })).statusCode).toBe(404);
    // A draft is invisible to a teacher outside the design team...
    expect((await teacher.get(`/api/rubrics/${grid.rubric.id}`)).statusCode).toBe(404);
    expect((await teacher.get(`/api/framework-versions/${v.versionId}/rubrics`)).statusCode).toBe(404);
    expect((await teacher.patch(`/api/rubric-descriptors/${descriptor.id}`, { version: 1, description: 'x' })).statusCode).toBe(404);
    // ...readable by the design team, who comment but do not edit.
    await t.database.db.insert(frameworkCollaborators).values({ districtId, frameworkId: v.frameworkId, personId: designerPersonId });
    const seen = await designer.get(`/api/rubrics/${grid.rubric.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toEqual({ edit: false, comment: true });
    expect((await designer.patch(`/api/rubric-descriptors/${descriptor.id}`, { version: 1, description: 'x' })).statusCode).toBe(403);
    expect((await designer.post(`/api/framework-versions/${v.versionId}/rubrics`, { stepId: steps[1]!.id })).statusCode).toBe(403);
    expect((await designer.request('DELETE', `/api/rubric-criteria/${grid.criteria[0].id}`)).statusCode).toBe(403);
    // Published: everyone reads, nobody edits.
    await publish(v);
    const read = await teacher.get(`/api/rubrics/${grid.rubric.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.edit).toBe(false);
    expect((await teacher.get(`/api/rubrics/${grid.rubric.id}/export.docx`)).statusCode).toBe(200);
    expect((await teacher.patch(`/api/rubric-descriptors/${descriptor.id}`, { version: 1, description: 'x' })).statusCode).toBe(403);
    const published = await hr.patch(`/api/rubric-descriptors/${descriptor.id}`, { version: 1, description: 'x' });
    expect(published.statusCode).toBe(409);
    expect(published.json().error.code).toBe('invalid_state');
  });
});

describe('role rubrics', () => {
  it('creates a rubric for a step on the default four-level scale with one descriptor per level', async () => {
    const v = await draft();
    const items = v.competencies.slice(0, 4);
    const grid = await rubricFor(
      v,
      steps[1]!.id,
      items.map((c) => c.id),
    );
    expect(grid.rubric.title).toBe('Teacher (Instructional)');
    expect(grid.step).toMatchObject({ id: steps[1]!.id, title: 'Teacher', pathwayName: 'Instructional' });
    expect(grid.frameworkVersion).toMatchObject({ id: v.versionId, status: 'draft', versionNumber: 1 });
    expect(
      grid.levels.map((l: { label: string; levelScore: number; proficient: boolean }) => [l.label, l.levelScore, l.proficient]),
    ).toEqual([
      ['Exemplifying', 4, true],
      ['Demonstrating', 3, true],
      ['Developing', 2, false],
      ['Needs improvement', 1, false],
    ]);
    expect(grid.criteria).toHaveLength(4);
    expect(grid.criteria[0]).toMatchObject({
      position: 0,
      item: { id: items[0]!.id, humanCode: '1a', fullStatement: 'Competency 1.1' },
      domain: { humanCode: '1', fullStatement: 'Domain 1' },
    });
    for (const c of grid.criteria) {
      expect(
        c.descriptors.map((d: { quality: string; description: string; version: number }) => [d.quality, d.description, d.version]),
      ).toEqual([
        ['Exemplifying', '', 1],
        ['Demonstrating', '', 1],
        ['Developing', '', 1],
        ['Needs improvement', '', 1],
      ]);
    }
    expect(grid.abilities).toEqual({ edit: true, comment: true });
    const list = (await hr.get(`/api/framework-versions/${v.versionId}/rubrics`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: grid.rubric.id, criterionCount: 4, step: expect.objectContaining({ title: 'Teacher' }) }),
    ]);
    // The step's ladder links to it (for editors while it is a draft).
    const step = (await hr.get(`/api/pathway-steps/${steps[1]!.id}`)).json();
    expect(step.rubrics).toEqual([expect.objectContaining({ rubricId: grid.rubric.id, versionId: v.versionId, status: 'draft' })]);
    expect((await teacher.get(`/api/pathway-steps/${steps[1]!.id}`)).json().rubrics).toEqual([]);
    const audit = (await admin.get(`/api/audit?entityId=${grid.rubric.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'rubric.create' });
  });

  it('refuses a second rubric for the same step, items of another version, and another district step', async () => {
    const v = await draft();
    const other = await draft();
    await rubricFor(v, steps[0]!.id);
    const twice = await hr.post(`/api/framework-versions/${v.versionId}/rubrics`, { stepId: steps[0]!.id, itemIds: [] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.reason).toBe('step_has_rubric');
    const foreignItems = await hr.post(`/api/framework-versions/${v.versionId}/rubrics`, {
      stepId: steps[1]!.id,
      itemIds: [other.competencies[0]!.id],
    });
    expect(foreignItems.statusCode).toBe(400);
    const outsiderPathway = (await outsider.post('/api/pathways', { name: 'Theirs', category: 'instructional' })).json();
    const theirStep = (await outsider.post(`/api/pathways/${outsiderPathway.id}/steps`, { title: 'Their step' })).json();
    expect((await hr.post(`/api/framework-versions/${v.versionId}/rubrics`, { stepId: theirStep.id })).statusCode).toBe(404);
  });

  it('saves descriptors with autosave versions and answers 409 with the current text to a stale save', async () => {
    const v = await draft();
    const grid = await rubricFor(v, steps[2]!.id);
    const d = grid.criteria[0].descriptors[2];
    const first = await hr.patch(`/api/rubric-descriptors/${d.id}`, { version: 1, description: 'Plans units with a co-teacher' });
    expect(first.json()).toMatchObject({ description: 'Plans units with a co-teacher', version: 2 });
    // A second editor still holding version 1.
    const stale = await admin.patch(`/api/rubric-descriptors/${d.id}`, { version: 1, description: 'Plans lessons alone' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'conflict',
      details: { current: { id: d.id, description: 'Plans units with a co-teacher', version: 2 } },
    });
    const resolved = await admin.patch(`/api/rubric-descriptors/${d.id}`, { version: 2, description: 'Plans lessons alone' });
    expect(resolved.json().version).toBe(3);
    const again = (await hr.get(`/api/rubrics/${grid.rubric.id}`)).json();
    expect(again.criteria[0].descriptors[2]).toMatchObject({ description: 'Plans lessons alone', version: 3 });
    const audit = (await admin.get(`/api/audit?entityId=${d.id}`)).json();
    expect(audit.items).toHaveLength(2);
  });

  it('adds, removes and reorders criteria in a draft only', async () => {
    const v = await draft();
    const grid = await rubricFor(v, steps[0]!.id, [v.competencies[0]!.id]);
    const added = await hr.post(`/api/rubrics/${grid.rubric.id}/criteria`, { itemIds: [v.competencies[3]!.id, v.competencies[1]!.id] });
    expect(added.statusCode).toBe(200);
    expect(added.json().criteria.map((c: { item: { humanCode: string } }) => c.item.humanCode)).toEqual(['1a', '2a', '1b']);
    expect(added.json().criteria[2].descriptors).toHaveLength(4);
    const duplicate = await hr.post(`/api/rubrics/${grid.rubric.id}/criteria`, { itemIds: [v.competencies[0]!.id] });
    expect(duplicate.statusCode).toBe(400);
    const ids = added.json().criteria.map((c: { id: string }) => c.id);
    const stale = await hr.post(`/api/rubrics/${grid.rubric.id}/criteria/reorder`, { version: grid.rubric.version, criterionIds: ids });
    expect(stale.statusCode).toBe(409);
    const reordered = await hr.post(`/api/rubrics/${grid.rubric.id}/criteria/reorder`, {
      version: added.json().rubric.version,
      criterionIds: [ids[2], ids[0], ids[1]],
    });
    expect(reordered.json().criteria.map((c: { item: { humanCode: string } }) => c.item.humanCode)).toEqual(['1b', '1a', '2a']);
    const removed = await hr.request('DELETE', `/api/rubric-criteria/${ids[0]}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().criteria.map((c: { item: { humanCode: string }; position: number }) => [c.item.humanCode, c.position])).toEqual([
      ['1b', 0],
      ['2a', 1],
    ]);
    await publish(v);
    const late = await hr.post(`/api/rubrics/${grid.rubric.id}/criteria`, { itemIds: [v.competencies[4]!.id] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('invalid_state');
    expect((await hr.request('DELETE', `/api/rubric-criteria/${ids[1]}`)).json().error.code).toBe('invalid_state');
    expect((await hr.post(`/api/framework-versions/${v.versionId}/rubrics`, { stepId: steps[1]!.id })).json().error.code).toBe(
      'invalid_state',
    );
  });

  it('prints the rubric as a PDF with a Unicode font and as a DOCX holding every descriptor', async () => {
    const v = await draft();
    const grid = await rubricFor(v, steps[1]!.id);
    const texts = [
      'Co-plans with Nguyễn and Peña',
      'Plans every unit backward from the standard',
      'Plans lessons day by day',
      'Does not plan',
    ];
    for (const [i, d] of grid.criteria[0].descriptors.entries()) {
      expect((await hr.patch(`/api/rubric-descriptors/${d.id}`, { version: d.version, description: texts[i] })).statusCode).toBe(200);
    }
    const pdf = await hr.get(`/api/rubrics/${grid.rubric.id}/export.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('teacher-instructional.pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
    const text = pdfText(bytes);
    expect(text).toContain('Teacher (Instructional)');
    expect(text).toContain('Co-plans with Nguyễn and Peña');
    expect(text).toContain('Exemplifying (4)');
    expect(text).toContain('1a Competency 1.1');
    const spanish = pdfText((await hr.get(`/api/rubrics/${grid.rubric.id}/export.pdf?lang=es`)).rawPayload);
    expect(spanish).toContain('Competencia');
    const docx = await hr.get(`/api/rubrics/${grid.rubric.id}/export.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xml = await unzipEntry(docx.rawPayload, 'word/document.xml');
    for (const text of texts) expect(xml).toContain(text);
    expect(xml).toContain('w:orient="landscape"');
  });

  it('compares two steps: pay, prerequisites and rubrics aligned by competency', async () => {
    const v = await draft();
    const [c1, c2, c3, c4] = v.competencies;
    const a = await rubricFor(v, steps[0]!.id, [c1!.id, c2!.id, c3!.id]);
    const b = await rubricFor(v, steps[2]!.id, [c2!.id, c1!.id, c4!.id]);
    const save = (
      grid: { criteria: { item: { id: string }; descriptors: { id: string; version: number }[] }[] },
      itemId: string,
      level: number,
      text: string,
    ) => {
      const d = grid.criteria.find((c) => c.item.id === itemId)!.descriptors[level]!;
      return hr.patch(`/api/rubric-descriptors/${d.id}`, { version: d.version, description: text });
    };
    await save(a, c1!.id, 1, 'Follows the shared lesson plans');
    await save(b, c1!.id, 1, 'Follows the shared lesson plans');
    await save(a, c2!.id, 1, 'Checks for understanding with support');
    await save(b, c2!.id, 1, 'Coaches others to check for understanding');
    await hr.patch(`/api/pathway-steps/${steps[2]!.id}`, {
      version: (await hr.get(`/api/pathway-steps/${steps[2]!.id}`)).json().version,
      payBandMinUsd: 70000,
      payBandMaxUsd: 85000,
      responsibilities: ['Manages two teachers'],
      prerequisites: { minYearsExperience: 5, credentials: ['Clear credential'], evidence: ['Two years demonstrating'] },
    });
    const res = await hr.get(`/api/pathway-steps/compare?a=${steps[0]!.id}&b=${steps[2]!.id}&versionId=${v.versionId}`);
    expect(res.statusCode, res.body).toBe(200);
    const cmp = res.json();
    expect(cmp.rubricA).toBe(a.rubric.id);
    expect(cmp.rubricB).toBe(b.rubric.id);
    expect(cmp.levels.map((l: { label: string }) => l.label)).toEqual(['Exemplifying', 'Demonstrating', 'Developing', 'Needs improvement']);
    const byCode = Object.fromEntries(cmp.rows.map((r: { item: { humanCode: string } }) => [r.item.humanCode, r]));
    expect(byCode['1a']).toMatchObject({ status: 'same', changedLevels: [] });
    expect(byCode['1b']).toMatchObject({ status: 'changed', changedLevels: [1] });
    expect(byCode['1b'].a[1]).toBe('Checks for understanding with support');
    expect(byCode['1b'].b[1]).toBe('Coaches others to check for understanding');
    expect(byCode['1c']).toMatchObject({ status: 'only_a', b: null });
    expect(byCode['2a']).toMatchObject({ status: 'only_b', a: null });
    expect(cmp.differences).toMatchObject({
      payBand: true,
      minYearsExperience: true,
      responsibilities: { onlyA: [], onlyB: ['Manages two teachers'] },
      credentials: { onlyA: [], onlyB: ['Clear credential'] },
    });
    // Without a version named, the one holding both rubrics is chosen; a teacher never gets a draft
    // (earlier tests published versions with a rubric for the first step).
    expect((await hr.get(`/api/pathway-steps/compare?a=${steps[0]!.id}&b=${steps[2]!.id}`)).json().frameworkVersion.id).toBe(v.versionId);
    const forTeacher = await teacher.get(`/api/pathway-steps/compare?a=${steps[0]!.id}&b=${steps[2]!.id}`);
    expect(forTeacher.statusCode).toBe(200);
    expect(forTeacher.json().frameworkVersion.status).toBe('published');
    expect(forTeacher.json().rubricB).toBeNull();
    expect((await teacher.get(`/api/pathway-steps/compare?a=${steps[0]!.id}&b=${steps[2]!.id}&versionId=${v.versionId}`)).statusCode).toBe(
      404,
    );
    expect((await outsider.get(`/api/pathway-steps/compare?a=${steps[0]!.id}&b=${steps[2]!.id}`)).statusCode).toBe(404);
  });
});
