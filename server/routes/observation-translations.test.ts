/**
 * Permission matrix (routes/observations.ts, routes/action-steps.ts): signed out -> 401; an
 * observation of another district -> 404; a teacher saving a translation -> 403. What this file
 * checks: a Spanish reader gets the district's translations of the content an observation shows
 * (the type's name in lists and on the observation, the rubric's levels and descriptors, action
 * steps made from the library), an English reader the originals, and a reworded step its own words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { actionStepLibrary, rubricDescriptors } from '../db/schema/index.ts';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { eq } from 'drizzle-orm';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
let hr: Client;
let leader: Client;
let teacher: Client;
let outsider: Client;
let observationId = '';
let libraryId = '';
let descriptorId = '';

const es = { 'accept-language': 'es-US,es;q=0.9' };
const en = { 'accept-language': 'en-US,en;q=0.9' };
const save = (entityType: string, entityId: string, field: string, text: string) =>
  hr.request('PUT', `/api/translations/${entityType}`, { entityId, field, locale: 'es', text, version: 0 });

beforeAll(async () => {
  const db = t.database.db;
  w = await buildObservationWorld(db);
  hr = await signIn(t.app, w.hr.email);
  leader = await signIn(t.app, w.leader.email);
  teacher = await signIn(t.app, w.teacher.email);
  outsider = await signIn(t.app, w.outsider.email);
  const [lib] = await db
    .insert(actionStepLibrary)
    .values({
      districtId: w.districtId,
      itemId: w.fixture.criteria[0]!.itemId,
      title: 'Cold call after wait time',
      practicePrompt: 'Plan three questions',
    })
    .returning();
  libraryId = lib!.id;
  const [descriptor] = await db.select().from(rubricDescriptors).where(eq(rubricDescriptors.criterionId, w.fixture.criteria[0]!.id));
  descriptorId = descriptor!.id;

  const created = await leader.post('/api/observations', {
    typeId: w.fixture.scoredTypeId,
    observedPersonId: w.teacher.personId,
    observedOn: '2026-11-10',
  });
  expect(created.statusCode, created.body).toBe(201);
  observationId = created.json().id;
  for (const body of [{ libraryStepId: libraryId }, { libraryStepId: libraryId }]) {
    expect((await leader.post(`/api/observations/${observationId}/action-steps`, body)).statusCode).toBe(201);
  }
  // The second step from the library is reworded by its observer.
  const steps = (await leader.get(`/api/observations/${observationId}`)).json().actionSteps as { id: string; version: number }[];
  const reworded = await leader.request('PATCH', `/api/action-steps/${steps[1]!.id}`, {
    version: steps[1]!.version,
    title: 'Cold call Ana first',
  });
  expect(reworded.statusCode, reworded.body).toBe(200);
  const current = (await leader.get(`/api/observations/${observationId}`)).json();
  const saved = await leader.request('PUT', `/api/observations/${observationId}/draft`, {
    version: current.version,
    scores: [{ criterionId: w.fixture.criteria[0]!.id, scaleLevelId: w.fixture.levels[1]!.id }],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await leader.post(`/api/observations/${observationId}/publish`, { version: saved.json().version })).statusCode).toBe(200);

  for (const [type, id, field, text] of [
    ['observation_type', w.fixture.scoredTypeId, 'name', 'Observación evaluada'],
    ['scale_level', w.fixture.levels[1]!.id, 'label', 'Competente'],
    ['rubric_descriptor', descriptorId, 'description', 'Distinguido: cómo se ve en el aula'],
    ['action_step_library', libraryId, 'title', 'Preguntar sin voluntarios tras el tiempo de espera'],
    ['action_step_library', libraryId, 'practicePrompt', 'Prepare tres preguntas'],
  ] as const) {
    const res = await save(type, id, field, text);
    expect(res.statusCode, res.body).toBe(200);
  }
}, 60_000);

describe('observations in the reader’s language', () => {
  it('answers 401 signed out and 404 to another district, in either language', async () => {
    expect((await anonymous(t.app).get(`/api/observations/${observationId}`)).statusCode).toBe(401);
    expect((await outsider.request('GET', `/api/observations/${observationId}`, undefined, es)).statusCode).toBe(404);
    expect(
      (
        await teacher.request('PUT', '/api/translations/observation_type', {
          entityId: w.fixture.scoredTypeId,
          field: 'name',
          locale: 'es',
          text: 'x',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('names the observation type in Spanish in the lists, the original in English', async () => {
    const typeOf = async (client: Client, query: string, headers: Record<string, string>) =>
      (await client.request('GET', `/api/observations?${query}`, undefined, headers))
        .json()
        .items.find((o: { id: string }) => o.id === observationId).type.name;
    expect(await typeOf(teacher, 'mine=received', es)).toBe('Observación evaluada');
    expect(await typeOf(leader, 'mine=made', es)).toBe('Observación evaluada');
    expect(await typeOf(hr, '', es)).toBe('Observación evaluada');
    expect(await typeOf(teacher, 'mine=received', en)).toBe('Scored observation');
    expect(await typeOf(hr, '', en)).toBe('Scored observation');
  });

  it('shows the observation with its type, rubric and library steps in Spanish, falling back to the original', async () => {
    const spanish = (await teacher.request('GET', `/api/observations/${observationId}`, undefined, es)).json();
    expect(spanish.type.name).toBe('Observación evaluada');
    expect(spanish.rubric.levels.map((l: { label: string }) => l.label)).toEqual([
      'Distinguished',
      'Competente',
      'Developing',
      'Unsatisfactory',
    ]);
    const descriptor = spanish.rubric.criteria[0].descriptors.find((d: { id: string }) => d.id === descriptorId);
    expect(descriptor.description).toBe('Distinguido: cómo se ve en el aula');
    expect(spanish.rubric.criteria[1].descriptors[0].description).toBe('Distinguished: what this looks like in the classroom');
    expect(spanish.actionSteps.map((s: { title: string; practicePrompt: string }) => [s.title, s.practicePrompt])).toEqual(
      expect.arrayContaining([
        ['Preguntar sin voluntarios tras el tiempo de espera', 'Prepare tres preguntas'],
        ['Cold call Ana first', 'Prepare tres preguntas'],
      ]),
    );
    // The observer reads it in Spanish too; the same observation in English is the original.
    expect((await leader.request('GET', `/api/observations/${observationId}`, undefined, es)).json().rubric.levels[1].label).toBe(
      'Competente',
    );
    const english = (await teacher.request('GET', `/api/observations/${observationId}`, undefined, en)).json();
    expect(english.type.name).toBe('Scored observation');
    expect(english.rubric.levels[1].label).toBe('Proficient');
    expect(english.rubric.criteria[0].descriptors.find((d: { id: string }) => d.id === descriptorId).description).toBe(
      'Distinguished: what this looks like in the classroom',
    );
    expect(english.actionSteps.map((s: { title: string }) => s.title).sort()).toEqual(['Cold call Ana first', 'Cold call after wait time']);
  });

  it('shows assigned action steps from the library in Spanish in the teacher’s list and on their own, the stored text unchanged', async () => {
    const list = (await teacher.request('GET', '/api/action-steps', undefined, es)).json().items as { id: string; title: string }[];
    expect(list.map((s) => s.title).sort()).toEqual(['Cold call Ana first', 'Preguntar sin voluntarios tras el tiempo de espera']);
    const translated = list.find((s) => s.title.startsWith('Preguntar'))!;
    expect((await teacher.request('GET', `/api/action-steps/${translated.id}`, undefined, es)).json().title).toBe(
      'Preguntar sin voluntarios tras el tiempo de espera',
    );
    expect((await teacher.request('GET', `/api/action-steps/${translated.id}`, undefined, en)).json().title).toBe(
      'Cold call after wait time',
    );
  });
});
