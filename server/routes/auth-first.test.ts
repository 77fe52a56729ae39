/**
 * Sign-in is checked before anything else (issue 11: signed out, 83 operations answered 400 and 91
 * answered 401, because each handler asked for the session after Fastify had validated the
 * request). Every operation of the OpenAPI document is called signed out with a request that is
 * wrong in every way it can be (ids that are not ids, query values and a body of the wrong shape):
 * each one that is not public by design answers 401 `unauthenticated`, never 400. The public ones
 * are listed here with the reason, and a route becomes public only by declaring it
 * (`config: { auth: 'public' }`, lib/route-auth.ts) and being added below.
 */
import type { InjectOptions } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp } from '../test/harness.ts';

const t = useTestApp();
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Operations a signed-out caller may reach, and why. */
const PUBLIC = new Map<string, string>([
  ['POST /api/auth/sign-in', 'signing in'],
  ['POST /api/auth/password-reset/request', 'asking for a reset link'],
  ['POST /api/auth/password-reset/confirm', 'setting a password from a reset or invitation link'],
  ['POST /api/auth/mfa/verify', 'the second step of sign-in: the challenge from the first step'],
  ['POST /api/auth/mfa/enrollment', 'setting up a second factor during sign-in: the challenge'],
  ['POST /api/auth/mfa/enrollment/confirm', 'setting up a second factor during sign-in: the challenge'],
  ['GET /api/auth/sso/options', "the district's sign-in buttons on the sign-in page"],
  ['GET /api/auth/sso/start/{id}', 'starting a sign-in at an identity provider'],
  ['GET /api/auth/sso/callback', "the identity provider's redirect back"],
  ['POST /api/auth/sso/second-factor', 'the second step after a provider sign-in: its cookie'],
  ['GET /api/calendar/feed/{file}', 'calendar apps poll the feed; its secret token authorizes'],
  ['POST /api/notifications/unsubscribe', "an e-mail's one-click unsubscribe (RFC 8058); its signed token authorizes turning one kind off"],
]);

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  query: string[];
  body: boolean;
  /** OpenAPI security requirements: `[]` public, else the ways to sign in (lib/route-auth.ts). */
  security?: unknown[];
}

type Doc = {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown; security?: unknown[] }>>;
};

const operations: Operation[] = [];

beforeAll(() => {
  const doc = t.app.swagger() as unknown as Doc;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      operations.push({
        method,
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: op.requestBody !== undefined,
        security: op.security,
      });
    }
  }
});

/** The operation called signed out with nothing right: path and query values that are not ids, numbers or enums, and a body that is not an object. */
function invalidRequest(op: Operation): InjectOptions {
  const url = op.path.replace(/\{[^}]+\}/g, 'not-an-id');
  const query = op.query.map((name) => `${encodeURIComponent(name)}=%20-1x`).join('&');
  return {
    method: op.method.toUpperCase() as InjectOptions['method'],
    url: query ? `${url}?${query}` : url,
    ...(op.method === 'get' || op.method === 'delete'
      ? {}
      : { headers: { 'content-type': 'application/json' }, payload: '[{"not":"this"}]' }),
  };
}

describe('signed out', () => {
  it('every operation that is not public answers 401 before validating anything', async () => {
    expect(operations.length).toBeGreaterThan(100);
    const answers = new Map<number, string[]>();
    for (const op of operations) {
      const key = `${op.method.toUpperCase()} ${op.path}`;
      if (PUBLIC.has(key)) continue;
      const res = await t.app.inject(invalidRequest(op));
      const code = res.statusCode === 401 ? (res.json() as { error?: { code?: string } }).error?.code : undefined;
      const label = res.statusCode === 401 && code !== 'unauthenticated' ? 401_000 : res.statusCode;
      answers.set(label, [...(answers.get(label) ?? []), key]);
    }
    const summary = Object.fromEntries([...answers].map(([status, keys]) => [status, keys.length]));
    const wrong = [...answers].filter(([status]) => status !== 401).flatMap(([status, keys]) => keys.map((k) => `${status} ${k}`));
    expect(wrong, `answers by status: ${JSON.stringify(summary)}`).toEqual([]);
  }, 120_000);

  it('the document marks exactly the operations listed above public, and every other one as needing sign-in', () => {
    const open = operations.filter((op) => op.security?.length === 0).map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect(open.sort()).toEqual([...PUBLIC.keys()].sort());
    expect(operations.filter((op) => op.security === undefined).map((op) => op.path)).toEqual([]);
  });

  it('a cookie that is no session answers 401 too', async () => {
    const res = await anonymous(t.app).request('POST', '/api/people', [1], { cookie: 'trellis_session=not-a-session' });
    expect(res.statusCode).toBe(401);
  });
});

describe('signed in', () => {
  it('a write without its CSRF token is refused (403) before its body is validated', async () => {
    const district = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, district.id, 'staff');
    const client = await signIn(t.app, user.email);
    const res = await anonymous(t.app).request('POST', '/api/people', [1], { cookie: client.cookie! });
    expect(res.statusCode, res.body).toBe(403);
    expect((await client.post('/api/people', [1])).statusCode).toBe(400);
  });
});
