/**
 * Permission matrix: signed out -> 401; another district -> 404; an observation the caller may not
 * read -> 404; create by a teacher -> 403; of a teacher outside the observer's scope -> 404; draft
 * writes by a reader who is not an observer -> 403. And the privacy rule "scored observations by a
 * leader are evaluation records" for every role, on evaluation, development and draft observations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
const as: Record<string, Client> = {};
const ids: Record<'evaluation' | 'walkthrough' | 'coachScored' | 'draft', string> = {
  evaluation: '',
  walkthrough: '',
  coachScored: '',
  draft: '',
};

async function start(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/observations', { observedOn: '2026-11-10', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function scoreAndPublish(client: Client, obs: { id: string; version: number }) {
  const put = await client.request('PUT', `/api/observations/${obs.id}/draft`, {
    version: obs.version,
    scores: [{ criterionId: w.fixture.criteria[0]!.id, scaleLevelId: w.fixture.levels[1]!.id }],
    glows: 'Clear routines',
  });
  expect(put.statusCode, put.body).toBe(200);
  const res = await client.post(`/api/observations/${obs.id}/publish`, { version: put.json().version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  for (const key of ['teacher', 'otherTeacher', 'leader', 'leader2', 'leaderB', 'coach', 'coach2', 'hr', 'admin', 'outsider'] as const) {
    as[key] = await signIn(t.app, w[key].email);
  }
  const teacherId = w.teacher.personId;
  ids.evaluation = (
    await scoreAndPublish(as.leader!, await start(as.leader!, { typeId: w.fixture.scoredTypeId, observedPersonId: teacherId }))
  ).id;
  const walk = await start(as.leader!, { typeId: w.fixture.walkthroughTypeId, observedPersonId: teacherId });
  ids.walkthrough = walk.id;
  expect((await as.leader!.post(`/api/observations/${walk.id}/publish`, { version: walk.version })).statusCode).toBe(200);
  ids.coachScored = (
    await scoreAndPublish(as.coach!, await start(as.coach!, { typeId: w.fixture.scoredTypeId, observedPersonId: teacherId }))
  ).id;
  ids.draft = (await start(as.leader!, { typeId: w.fixture.scoredTypeId, observedPersonId: teacherId })).id;
}, 60_000);

describe('creating observations', () => {
  it('sets the purpose from the observer and the kind', async () => {
    expect((await as.leader!.get(`/api/observations/${ids.evaluation}`)).json().purpose).toBe('evaluation');
    expect((await as.leader!.get(`/api/observations/${ids.walkthrough}`)).json().purpose).toBe('development');
    expect((await as.coach!.get(`/api/observations/${ids.coachScored}`)).json().purpose).toBe('development');
    const hrObs = await start(as.hr!, { typeId: w.fixture.scoredTypeId, observedPersonId: w.teacher.personId });
    expect(hrObs.purpose).toBe('evaluation');
  });

  it('returns the rubric grid, the look-fors and abilities', async () => {
    const draft = (await as.leader!.get(`/api/observations/${ids.draft}`)).json();
    expect(draft.status).toBe('draft');
    expect(draft.rubric.criteria).toHaveLength(w.fixture.criteria.length);
    expect(draft.rubric.levels.map((l: { id: string }) => l.id)).toEqual(w.fixture.levels.map((l) => l.id));
    expect(draft.rubric.criteria[0].descriptors).toHaveLength(4);
    expect(draft.abilities).toMatchObject({ edit: true, publish: true, revise: false, discard: true, acknowledge: false });
    expect(draft.school).toMatchObject({ id: w.schoolA.id, name: 'School A' });
    const walk = (await as.leader!.get(`/api/observations/${ids.walkthrough}`)).json();
    expect(walk.rubric).toBeNull();
    expect(walk.lookForResults.map((l: { lookFor: string }) => l.lookFor)).toEqual(['Learning target posted', 'Students talk more']);
  });

  it('403 for a teacher, 404 for a teacher outside the observer’s scope or another district', async () => {
    const body = { typeId: w.fixture.scoredTypeId, observedPersonId: w.otherTeacher.personId, observedOn: '2026-11-10' };
    expect((await as.teacher!.post('/api/observations', body)).statusCode).toBe(403);
    // A leader of school B, a coach without the teacher on their caseload: outside scope.
    expect((await as.leaderB!.post('/api/observations', body)).statusCode).toBe(404);
    expect((await as.coach!.post('/api/observations', body)).statusCode).toBe(404);
    expect((await as.outsider!.post('/api/observations', body)).statusCode).toBe(404);
    expect((await as.coach2!.post('/api/observations', body)).statusCode).toBe(201);
    // Oneself: never.
    expect((await as.leader!.post('/api/observations', { ...body, observedPersonId: w.leader.personId })).statusCode).toBe(404);
  });

  it('400 for a type of another district or inactive, and for a teacher without a role rubric', async () => {
    const res = await as.leader!.post('/api/observations', {
      typeId: crypto.randomUUID(),
      observedPersonId: w.teacher.personId,
      observedOn: '2026-11-10',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('typeId');
    // The leader's own role (principal) has no rubric: a school leader observed by HR.
    const noRubric = await as.hr!.post('/api/observations', {
      typeId: w.fixture.scoredTypeId,
      observedPersonId: w.leader.personId,
      observedOn: '2026-11-10',
    });
    expect(noRubric.statusCode).toBe(400);
    expect(noRubric.json().error.message).toMatch(/no role rubric/);
    // A walkthrough needs no rubric.
    expect(
      (
        await as.hr!.post('/api/observations', {
          typeId: w.fixture.walkthroughTypeId,
          observedPersonId: w.leader.personId,
          observedOn: '2026-11-10',
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('permission matrix', () => {
  it('401 signed out on every endpoint', async () => {
    const anon = anonymous(t.app);
    expect((await anon.get('/api/observations')).statusCode).toBe(401);
    expect((await anon.get(`/api/observations/${ids.evaluation}`)).statusCode).toBe(401);
    expect(
      (
        await anon.post('/api/observations', {
          typeId: w.fixture.scoredTypeId,
          observedPersonId: w.teacher.personId,
          observedOn: '2026-11-10',
        })
      ).statusCode,
    ).toBe(401);
    expect((await anon.request('PUT', `/api/observations/${ids.draft}/draft`, { version: 1 })).statusCode).toBe(401);
    expect((await anon.post(`/api/observations/${ids.draft}/publish`, { version: 1 })).statusCode).toBe(401);
    expect((await anon.get('/api/action-steps')).statusCode).toBe(401);
  });

  it('404 for another district on reads and writes', async () => {
    const o = as.outsider!;
    expect((await o.get(`/api/observations/${ids.evaluation}`)).statusCode).toBe(404);
    expect((await o.request('PUT', `/api/observations/${ids.draft}/draft`, { version: 1 })).statusCode).toBe(404);
    expect((await o.post(`/api/observations/${ids.draft}/publish`, { version: 1 })).statusCode).toBe(404);
    expect((await o.post(`/api/observations/${ids.evaluation}/revise`, { version: 1, reason: 'x' })).statusCode).toBe(404);
    expect((await o.post(`/api/observations/${ids.evaluation}/replies`, { body: 'hi' })).statusCode).toBe(404);
    expect((await o.request('DELETE', `/api/observations/${ids.draft}`)).statusCode).toBe(404);
    expect((await o.get('/api/observations')).json().total).toBe(0);
  });

  it('403 for readers who may not do the write', async () => {
    const evaluation = (await as.hr!.get(`/api/observations/${ids.evaluation}`)).json();
    expect((await as.hr!.post(`/api/observations/${ids.evaluation}/revise`, { version: evaluation.version, reason: 'x' })).statusCode).toBe(
      403,
    );
    expect((await as.hr!.post(`/api/observations/${ids.evaluation}/replies`, { body: 'hi' })).statusCode).toBe(403);
    expect((await as.hr!.post(`/api/observations/${ids.evaluation}/feedback`, { held: true })).statusCode).toBe(403);
    expect(
      (await as.teacher!.post(`/api/observations/${ids.evaluation}/revise`, { version: evaluation.version, reason: 'x' })).statusCode,
    ).toBe(403);
    expect((await as.teacher!.post(`/api/observations/${ids.evaluation}/action-steps`, { title: 'x' })).statusCode).toBe(403);
    expect((await as.leader!.post(`/api/observations/${ids.evaluation}/acknowledge`, { revision: 1 })).statusCode).toBe(403);
    // Publishing someone else's draft: the draft does not exist for them.
    expect((await as.leader2!.post(`/api/observations/${ids.draft}/publish`, { version: 1 })).statusCode).toBe(404);
  });
});

/** Who reads what: 200 or 404 per role for each observation. */
const privacy: [string, { evaluation: number; walkthrough: number; coachScored: number; draft: number }][] = [
  ['leader', { evaluation: 200, walkthrough: 200, coachScored: 200, draft: 200 }], // the observer; leads the school
  ['teacher', { evaluation: 200, walkthrough: 200, coachScored: 200, draft: 404 }],
  ['otherTeacher', { evaluation: 404, walkthrough: 404, coachScored: 404, draft: 404 }],
  ['coach', { evaluation: 404, walkthrough: 200, coachScored: 200, draft: 404 }], // caseload coach: development only
  ['coach2', { evaluation: 404, walkthrough: 404, coachScored: 404, draft: 404 }], // coach without the teacher
  ['leader2', { evaluation: 200, walkthrough: 200, coachScored: 200, draft: 404 }], // another leader of the school
  ['leaderB', { evaluation: 404, walkthrough: 404, coachScored: 404, draft: 404 }], // leader of another school
  ['hr', { evaluation: 200, walkthrough: 200, coachScored: 200, draft: 404 }],
  ['admin', { evaluation: 200, walkthrough: 200, coachScored: 200, draft: 404 }],
  ['outsider', { evaluation: 404, walkthrough: 404, coachScored: 404, draft: 404 }],
];

describe('privacy: scored observations by a leader are evaluation records', () => {
  it.each(privacy)('%s reads what the rules allow, in GET and in the list', async (role, expected) => {
    const client = as[role]!;
    const visible = new Set<string>();
    for (const [key, status] of Object.entries(expected)) {
      const res = await client.get(`/api/observations/${ids[key as keyof typeof ids]}`);
      expect(res.statusCode, `${role} ${key}`).toBe(status);
      if (status === 200) visible.add(ids[key as keyof typeof ids]);
    }
    const list = (await client.get(`/api/observations?observedPersonId=${w.teacher.personId}&limit=200`)).json();
    const listed = new Set<string>(list.items.map((i: { id: string }) => i.id).filter((id: string) => Object.values(ids).includes(id)));
    expect([...listed].sort()).toEqual([...visible].sort());
  });
});

describe('list', () => {
  it('filters by mine=made / received, status and pages', async () => {
    const made = (await as.leader!.get('/api/observations?mine=made&limit=2')).json();
    expect(made.total).toBeGreaterThanOrEqual(3);
    expect(made.items).toHaveLength(2);
    expect(made.nextCursor).toEqual(expect.any(String));
    const page2 = (await as.leader!.get(`/api/observations?mine=made&limit=2&cursor=${made.nextCursor}`)).json();
    expect(page2.total).toBe(made.total);
    expect(page2.items.map((i: { id: string }) => i.id)).not.toContain(made.items[0].id);
    const drafts = (await as.leader!.get('/api/observations?mine=made&status=draft')).json();
    expect(drafts.items.every((i: { status: string }) => i.status === 'draft')).toBe(true);
    const received = (await as.teacher!.get('/api/observations?mine=received')).json();
    expect(received.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.evaluation, ids.walkthrough, ids.coachScored].sort());
    expect(received.items[0].abilities.acknowledge).toBe(true);
  });
});
