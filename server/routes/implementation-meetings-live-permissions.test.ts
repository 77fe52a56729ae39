/**
 * Permission matrix of following a meeting live, table-driven, through both doors of the one URL
 * (a server-sent event stream, and the JSON poll): HR, an admin, school A's and school B's leaders,
 * the team's facilitator and member, a staff member on no team, a vendor guest of the team's
 * initiative, an admin of another district and signed out. Whoever may read the meeting may follow
 * it (no 403: reading is open to the district); another district and the guest 404; signed out 401.
 * A stream refused answers JSON, never a stream.
 */
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildGuest } from '../test/fixtures/initiatives.ts';
import { buildImplementationTeamsWorld, type ImplementationTeamsWorld } from '../test/fixtures/implementation-teams.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { SseClient } from '../test/sse-client.ts';

const t = useTestApp();
let w: ImplementationTeamsWorld;
let origin: string;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'leaderA', 'leaderB', 'facilitator', 'member', 'staff', 'guest', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'stream' | 'poll' | 'otherTeamsMeeting';

const live = (teamId = w.schoolTeam.id) => `/api/implementation-teams/${teamId}/meetings/${w.meeting.id}/live`;

/** Opens the stream as `c` and answers its status (and that a 200 is a stream, anything else JSON). */
async function stream(c: Client): Promise<{ statusCode: number; body: string }> {
  const sse = await SseClient.open(`${origin}${live()}`, c.cookie ? { cookie: c.cookie } : {});
  const type = sse.response.headers['content-type'] ?? '';
  if (sse.response.statusCode === 200) await sse.nextEvent('meeting.changed');
  else await sse.closed();
  sse.close();
  const expected = sse.response.statusCode === 200 ? 'text/event-stream' : 'application/json';
  expect(type).toContain(expected);
  return { statusCode: sse.response.statusCode ?? 0, body: type };
}

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  stream,
  poll: (c) => c.get(`${live()}?since=0`),
  // The meeting named under a team it does not belong to: as absent.
  otherTeamsMeeting: (c) => c.get(live(w.districtTeam.id)),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',          { stream: 200, poll: 200, otherTeamsMeeting: 404 }],
  ['admin',       { stream: 200, poll: 200, otherTeamsMeeting: 404 }],
  ['leaderA',     { stream: 200, poll: 200, otherTeamsMeeting: 404 }],
  ['leaderB',     { stream: 200, poll: 200, otherTeamsMeeting: 404 }],
  ['facilitator', { stream: 200, poll: 200, otherTeamsMeeting: 404 }],
  ['member',      { stream: 200, poll: 200, otherTeamsMeeting: 404 }],
  ['staff',       { stream: 200, poll: 200, otherTeamsMeeting: 404 }],
  ['guest',       { stream: 404, poll: 404, otherTeamsMeeting: 404 }],
  ['outsider',    { stream: 404, poll: 404, otherTeamsMeeting: 404 }],
  ['anon',        { stream: 401, poll: 401, otherTeamsMeeting: 401 }],
];

beforeAll(async () => {
  w = await buildImplementationTeamsWorld(t.database.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  for (const role of ROLES) {
    if (role === 'anon') as[role] = anonymous(t.app);
    else if (role !== 'guest') as[role] = await signIn(t.app, w[role].email);
  }
  const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const guest = await buildGuest(t.database.db, as.hr!, w.initiative.id, expiresOn);
  as.guest = await signIn(t.app, guest.email);
}, 60_000);

describe('following a meeting live: permissions', () => {
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

  it('holds nothing once the clients hung up, nor for the refused streams', async () => {
    await vi.waitFor(() => expect(t.app.liveStreams.count).toBe(0));
    expect(t.app.live.subscriberCount()).toBe(0);
  });
});
