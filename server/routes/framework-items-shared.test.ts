/**
 * A published version's items and a published rubric's grid are shared between readers for a few
 * seconds (lib/read-cache.ts, issue 11): what a reader sees must still follow every write at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
let hr: Client;
let leader: Client;
let teacher: Client;

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
  leader = await signIn(t.app, w.leader.email);
  teacher = await signIn(t.app, w.teacher.email);
});

interface Item {
  id: string;
  hasEvidence: boolean;
}
const items = async (client: Client) => {
  const res = await client.get(`/api/framework-versions/${w.fixture.versionId}/items`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Item[];
};

describe('shared reads of published frameworks', () => {
  it('shows a competency as scored right after an observation on it is published', async () => {
    const scoredItem = w.fixture.criteria[0]!.itemId;
    const before = await Promise.all([items(hr), items(teacher)]);
    expect(before[0]).toEqual(before[1]);
    expect(before[0].find((i) => i.id === scoredItem)).toMatchObject({ hasEvidence: false });

    const started = await leader.post('/api/observations', {
      observedOn: '2026-11-10',
      typeId: w.fixture.scoredTypeId,
      observedPersonId: w.teacher.personId,
    });
    expect(started.statusCode, started.body).toBe(201);
    const put = await leader.request('PUT', `/api/observations/${started.json().id}/draft`, {
      version: started.json().version,
      scores: [{ criterionId: w.fixture.criteria[0]!.id, scaleLevelId: w.fixture.levels[1]!.id }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const published = await leader.post(`/api/observations/${started.json().id}/publish`, { version: put.json().version });
    expect(published.statusCode, published.body).toBe(200);

    const after = await items(hr);
    expect(after.find((i) => i.id === scoredItem)).toMatchObject({ hasEvidence: true });
    expect(after.filter((i) => i.hasEvidence).map((i) => i.id)).toEqual([scoredItem]);
    expect(after.map((i) => i.id)).toEqual(before[0].map((i) => i.id));
  });

  it('gives every reader the same rubric grid rows, and each their own abilities', async () => {
    const [a, b] = await Promise.all([hr.get(`/api/rubrics/${w.fixture.rubricId}`), teacher.get(`/api/rubrics/${w.fixture.rubricId}`)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().criteria).toEqual(b.json().criteria);
    expect(a.json().criteria.map((c: { item: { id: string } }) => c.item.id)).toEqual(w.fixture.criteria.map((c) => c.itemId));
    expect(a.json().criteria[0].descriptors).toHaveLength(4);
    const again = await teacher.get(`/api/rubrics/${w.fixture.rubricId}`);
    expect(again.json()).toEqual(b.json());
  });
});
