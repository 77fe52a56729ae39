/**
 * Permission matrix: signed out -> 401; listing and saving translations -> HR and district admins
 * (a teacher 403); a record of another district -> 404; a stale version -> 409 with the current
 * translation. Readers see translations in the language of their request, the original elsewhere.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, frameworkVersions, rubricDescriptors, users } from '../db/schema/index.ts';
import { buildFrameworkVersion } from '../test/fixtures/rubrics.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let teacher: Client;
let teacherUserId: string;
let otherHr: Client;
let rubricId: string;
let draftRubricId: string;
let levelId: string;

const es = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.8' };
const en = { 'accept-language': 'en-US,en;q=0.9' };

beforeAll(async () => {
  const db = t.database.db;
  const district = await buildDistrict(db);
  hr = await signIn(t.app, (await buildUser(db, district.id, 'hr')).email);
  const teacherUser = await buildUser(db, district.id, 'staff');
  teacherUserId = teacherUser.id;
  teacher = await signIn(t.app, teacherUser.email);
  otherHr = await signIn(t.app, (await buildUser(db, (await buildDistrict(db, 'Other')).id, 'hr')).email);
  const pathway = (await hr.post('/api/pathways', { name: 'Instructional', category: 'instructional' })).json();
  const step = (await hr.post(`/api/pathways/${pathway.id}/steps`, { title: 'Teacher' })).json();
  const step2 = (await hr.post(`/api/pathways/${pathway.id}/steps`, { title: 'Lead teacher' })).json();
  const published = await buildFrameworkVersion(db, district.id);
  const res = await hr.post(`/api/framework-versions/${published.versionId}/rubrics`, {
    stepId: step.id,
    itemIds: published.competencies.slice(0, 2).map((c) => c.id),
  });
  expect(res.statusCode, res.body).toBe(201);
  rubricId = res.json().rubric.id;
  levelId = res.json().levels[0].id;
  await db
    .update(frameworkVersions)
    .set({ status: 'published', publishedAt: new Date() })
    .where(eq(frameworkVersions.id, published.versionId));
  const draft = await buildFrameworkVersion(db, district.id);
  draftRubricId = (
    await hr.post(`/api/framework-versions/${draft.versionId}/rubrics`, { stepId: step2.id, itemIds: [draft.competencies[0]!.id] })
  ).json().rubric.id;
});

const save = (client: Client, entityType: string, body: Record<string, unknown>) =>
  client.request('PUT', `/api/translations/${entityType}`, body);

describe('translations', () => {
  it('answers 401 signed out, 403 to a teacher, 404 for a record of another district', async () => {
    expect((await anonymous(t.app).get('/api/translations/scale_level')).statusCode).toBe(401);
    expect((await teacher.get('/api/translations/scale_level')).statusCode).toBe(403);
    const body = { entityId: levelId, field: 'label', locale: 'es', text: 'Ejemplar', version: 0 };
    expect((await save(teacher, 'scale_level', body)).statusCode).toBe(403);
    expect((await save(otherHr, 'scale_level', body)).statusCode).toBe(404);
    expect((await save(hr, 'scale_level', { ...body, field: 'levelScore' })).statusCode).toBe(400);
    expect((await save(hr, 'observation_type', { ...body, field: 'name' })).statusCode).toBe(404);
    expect((await hr.get('/api/translations/rubric_descriptor')).statusCode).toBe(400);
  });

  it('saves a level label beside its original, audited, and answers 409 with the current text to a stale edit', async () => {
    const first = await save(hr, 'scale_level', { entityId: levelId, field: 'label', locale: 'es', text: 'Ejemplar', version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      entityType: 'scale_level',
      entityId: levelId,
      field: 'label',
      locale: 'es',
      text: 'Ejemplar',
      version: 1,
    });
    const stale = await save(hr, 'scale_level', { entityId: levelId, field: 'label', locale: 'es', text: 'Ejemplaridad', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ text: 'Ejemplar', version: 1 });
    const table = (await hr.get('/api/translations/scale_level?locale=es')).json();
    expect(table.rows.find((r: { entityId: string; field: string }) => r.entityId === levelId && r.field === 'label')).toMatchObject({
      original: 'Exemplifying',
      text: 'Ejemplar',
      version: 1,
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'translation.save'));
    expect(audit.map((a) => a.after)).toContainEqual({
      entityType: 'scale_level',
      entityId: levelId,
      field: 'label',
      locale: 'es',
      text: 'Ejemplar',
    });
  });

  it('shows a published rubric in Spanish to Spanish readers and unchanged to English ones, its content untouched', async () => {
    const before = await t.database.db
      .select()
      .from(rubricDescriptors)
      .where(eq(rubricDescriptors.districtId, (await hr.get('/api/me')).json().district.id));
    const rows = (await hr.get(`/api/translations/rubric_descriptor?parentId=${rubricId}`)).json().rows;
    const descriptor = rows.find((r: { field: string }) => r.field === 'quality');
    expect(descriptor).toBeDefined();
    expect(
      (
        await save(hr, 'rubric_descriptor', {
          entityId: descriptor.entityId,
          field: 'quality',
          locale: 'es',
          text: 'Ejemplar (aula)',
          version: 0,
        })
      ).statusCode,
    ).toBe(200);

    const spanish = (await teacher.request('GET', `/api/rubrics/${rubricId}`, undefined, es)).json();
    expect(spanish.levels[0].label).toBe('Ejemplar');
    expect(spanish.levels[1].label).toBe('Demonstrating');
    const translated = spanish.criteria
      .flatMap((c: { descriptors: { id: string; quality: string }[] }) => c.descriptors)
      .find((d: { id: string }) => d.id === descriptor.entityId);
    expect(translated.quality).toBe('Ejemplar (aula)');
    const english = (await teacher.request('GET', `/api/rubrics/${rubricId}`, undefined, en)).json();
    expect(english.levels[0].label).toBe('Exemplifying');
    // Presentation only: the published descriptors are as they were.
    const after = await t.database.db.select().from(rubricDescriptors).where(eq(rubricDescriptors.districtId, before[0]!.districtId));
    expect(after.map((d) => [d.id, d.quality, d.description, d.version]).sort()).toEqual(
      before.map((d) => [d.id, d.quality, d.description, d.version]).sort(),
    );
  });

  it("without Accept-Language, reads the person's stored language; an editor of a draft gets the originals", async () => {
    await t.database.db.update(users).set({ locale: 'es' }).where(eq(users.id, teacherUserId));
    const relogged = await signIn(
      t.app,
      (await t.database.db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, teacherUserId) }))!.email,
    );
    expect((await relogged.get(`/api/rubrics/${rubricId}`)).json().levels[0].label).toBe('Ejemplar');
    const draftGrid = (await hr.request('GET', `/api/rubrics/${draftRubricId}`, undefined, es)).json();
    expect(draftGrid.abilities.edit).toBe(true);
    expect(draftGrid.levels[0].label).toBe('Exemplifying');
  });

  it('translates pathways and their steps for readers', async () => {
    const list = (await hr.get('/api/pathways')).json().items;
    const pathway = list.find((p: { name: string }) => p.name === 'Instructional');
    const step = pathway.steps.find((s: { title: string }) => s.title === 'Teacher');
    expect(
      (await save(hr, 'career_pathway', { entityId: pathway.id, field: 'name', locale: 'es', text: 'Docencia', version: 0 })).statusCode,
    ).toBe(200);
    expect(
      (await save(hr, 'pathway_step', { entityId: step.id, field: 'title', locale: 'es', text: 'Docente', version: 0 })).statusCode,
    ).toBe(200);
    const spanish = (await teacher.request('GET', `/api/pathways/${pathway.id}`, undefined, es)).json();
    expect(spanish.name).toBe('Docencia');
    expect(spanish.steps.map((s: { title: string }) => s.title)).toEqual(['Docente', 'Lead teacher']);
    const listed = (await teacher.request('GET', '/api/pathways', undefined, es))
      .json()
      .items.find((p: { id: string }) => p.id === pathway.id);
    expect(listed.steps[0].title).toBe('Docente');
    expect((await teacher.request('GET', `/api/pathways/${pathway.id}`, undefined, en)).json().name).toBe('Instructional');
    // The rubric grid names the step and the pathway in Spanish too.
    expect((await teacher.request('GET', `/api/rubrics/${rubricId}`, undefined, es)).json().step).toMatchObject({
      title: 'Docente',
      pathwayName: 'Docencia',
    });
  });

  it('translates observation types for readers, not for the HR editing them', async () => {
    const type = (
      await hr.post('/api/observation-types', { name: 'Informal walkthrough', kind: 'walkthrough', lookFors: ['Objective posted'] })
    ).json();
    expect(
      (await save(hr, 'observation_type', { entityId: type.id, field: 'name', locale: 'es', text: 'Recorrido informal', version: 0 }))
        .statusCode,
    ).toBe(200);
    const names = async (client: Client) =>
      (await client.request('GET', '/api/observation-types', undefined, es)).json().items.map((i: { name: string }) => i.name);
    expect(await names(teacher)).toContain('Recorrido informal');
    expect(await names(hr)).toContain('Informal walkthrough');
    expect(
      (await teacher.request('GET', '/api/observation-types', undefined, en)).json().items.map((i: { name: string }) => i.name),
    ).toContain('Informal walkthrough');
    // An empty text removes the translation: readers see the original again.
    expect((await save(hr, 'observation_type', { entityId: type.id, field: 'name', locale: 'es', text: '', version: 1 })).statusCode).toBe(
      200,
    );
    expect(await names(teacher)).toContain('Informal walkthrough');
  });
});
