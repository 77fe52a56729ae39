/**
 * Permission matrix of the live voting, table-driven: HR, an admin, a district team member, school
 * A team's facilitator, note taker and voting member, school A's leader (attending as
 * administrator), school B's leader, a teacher, an admin of another district and signed out, each
 * x (the voting state, following it live as a stream and by polling, opening an item, voting,
 * revealing) on an administration of school A's team. Each write starts from the state it needs
 * (the item open, nothing revealed), set straight in the tables. A vendor guest is refused by the
 * route gate (lib/route-auth.ts: no `config.guest`) and by the policy.
 */
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMINISTRATION_EVENT } from '../../common/schemas/assessment-voting.ts';
import { assessmentAdministrations, assessmentReveals } from '../db/schema/index.ts';
import { buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { SseClient } from '../test/sse-client.ts';

const t = useTestApp();
let w: AssessmentWorld;
let origin: string;
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
type Action = 'state' | 'stream' | 'poll' | 'open' | 'vote' | 'reveal';

const adm = () => `/api/assessments/administrations/${w.administration.id}`;
const itemId = () => w.drivers.items[0]!.id;

/** The first item open for votes, nothing revealed (as the facilitator would have left it). */
async function itemOpen() {
  const db = t.database.db;
  await db
    .delete(assessmentReveals)
    .where(and(eq(assessmentReveals.administrationId, w.administration.id), eq(assessmentReveals.itemId, itemId())));
  await db
    .update(assessmentAdministrations)
    .set({ currentItemId: itemId(), currentItemState: 'open' })
    .where(eq(assessmentAdministrations.id, w.administration.id));
}

/** Opens the stream as `c` and answers its status (a 200 is a stream, anything else JSON). */
async function stream(c: Client): Promise<{ statusCode: number; body: string }> {
  const sse = await SseClient.open(`${origin}${adm()}/live`, c.cookie ? { cookie: c.cookie } : {});
  const type = sse.response.headers['content-type'] ?? '';
  if (sse.response.statusCode === 200) await sse.nextEvent(ADMINISTRATION_EVENT);
  else await sse.closed();
  sse.close();
  expect(type).toContain(sse.response.statusCode === 200 ? 'text/event-stream' : 'application/json');
  return { statusCode: sse.response.statusCode ?? 0, body: type };
}

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  state: (c) => c.get(`${adm()}/voting`),
  stream,
  poll: (c) => c.get(`${adm()}/live?since=0`),
  open: (c) => c.post(`${adm()}/items/${itemId()}/open`, {}),
  vote: async (c) => {
    await itemOpen();
    return c.request('PUT', `${adm()}/items/${itemId()}/vote`, { value: 1 });
  },
  reveal: async (c) => {
    await itemOpen();
    return c.post(`${adm()}/items/${itemId()}/reveal`, { force: true });
  },
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',             { state: 200, stream: 200, poll: 200, open: 403, vote: 403, reveal: 403 }],
  ['admin',          { state: 200, stream: 200, poll: 200, open: 403, vote: 403, reveal: 403 }],
  ['districtMember', { state: 200, stream: 200, poll: 200, open: 403, vote: 403, reveal: 403 }],
  ['facilitatorA',   { state: 200, stream: 200, poll: 200, open: 200, vote: 403, reveal: 200 }],
  ['noteTakerA',     { state: 200, stream: 200, poll: 200, open: 200, vote: 403, reveal: 200 }],
  ['memberA',        { state: 200, stream: 200, poll: 200, open: 403, vote: 200, reveal: 403 }],
  ['leaderA',        { state: 200, stream: 200, poll: 200, open: 403, vote: 403, reveal: 403 }],
  ['leaderB',        { state: 404, stream: 404, poll: 404, open: 404, vote: 404, reveal: 404 }],
  ['teacher',        { state: 404, stream: 404, poll: 404, open: 404, vote: 404, reveal: 404 }],
  ['outsider',       { state: 404, stream: 404, poll: 404, open: 404, vote: 404, reveal: 404 }],
  ['anon',           { state: 401, stream: 401, poll: 401, open: 401, vote: 401, reveal: 401 }],
];

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
}, 90_000);

describe('live voting permissions', () => {
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

  it("refuses another district's administration and items, whatever the caller's role there", async () => {
    const other = `/api/assessments/administrations/${w.otherAdministration.id}`;
    const otherItem = w.otherDrivers.items[0]!.id;
    for (const c of [as.facilitatorA!, as.memberA!, as.hr!]) {
      expect((await c.get(`${other}/voting`)).statusCode).toBe(404);
      expect((await c.post(`${other}/items/${otherItem}/open`, {})).statusCode).toBe(404);
      expect((await c.request('PUT', `${other}/items/${otherItem}/vote`, { value: 1 })).statusCode).toBe(404);
    }
    // Another district's item named on our administration: 400 naming it, never a write.
    const res = await as.facilitatorA!.post(`${adm()}/items/${otherItem}/open`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('itemId');
  });
});
