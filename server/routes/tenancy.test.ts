/**
 * Requests run bound to the caller's district (row-level security, db/tenancy.ts): two districts'
 * requests interleaved stay in their districts, reads and writes alike; what runs before a
 * district is known (sign-in, the session) still works; a write that meets another district's
 * row through a unique key answers as before instead of failing.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orgUnits, people } from '../db/schema/index.ts';
import { buildDistrict, buildPerson, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
const districts: { id: string; admin: Client; personIds: string[] }[] = [];

beforeAll(async () => {
  for (const name of ['North', 'South']) {
    const id = (await buildDistrict(t.database.db, name)).id;
    const admin = await buildUser(t.database.db, id, 'district_admin');
    const personIds = [admin.personId];
    for (let i = 0; i < 3; i++) personIds.push((await buildPerson(t.database.db, id, { familyName: `Shared-${name}-${i}` })).id);
    districts.push({ id, admin: await signIn(t.app, admin.email), personIds });
  }
});

describe('two districts at once', () => {
  it('answers each district its own rows while their requests and writes interleave', async () => {
    const round = async (d: (typeof districts)[number], i: number) => {
      const created = await d.admin.post('/api/org-units', { name: `Interleaved ${i}`, type: 'school' });
      const list = await d.admin.get('/api/people?q=Shared&limit=50');
      const own = await d.admin.get(`/api/people/${d.personIds[1 + (i % 3)]}`);
      const other = districts.find((x) => x !== d)!;
      const foreign = await d.admin.get(`/api/people/${other.personIds[1]}`);
      return {
        created: created.statusCode,
        listed: (list.json().items as { id: string }[]).map((p) => p.id).sort(),
        own: own.statusCode,
        foreign: foreign.statusCode,
      };
    };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => round(districts[i % 2]!, i)));
    results.forEach((r, i) => {
      const d = districts[i % 2]!;
      expect(r).toEqual({ created: 201, listed: d.personIds.slice(1).sort(), own: 200, foreign: 404 });
    });
    for (const d of districts) {
      const units = await t.database.db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.districtId, d.id));
      expect(units.filter((u) => u.name.startsWith('Interleaved'))).toHaveLength(6);
    }
  });
});

describe('a unique key shared across districts', () => {
  it("invites someone whose e-mail another district's account uses, without a failure or a sign of that account", async () => {
    const [north, south] = districts;
    const [taken] = await t.database.db.select({ email: people.email }).from(people).where(eq(people.id, north!.personIds[0]!));
    const person = await buildPerson(t.database.db, south!.id, { email: taken!.email });
    const res = await south!.admin.post(`/api/people/${person.id}/invite`);
    // Row-level security hides the other account from this request; only one account per e-mail
    // may hold a password, which the invitee learns on choosing one (auth-hardening.test.ts).
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().account.status).toBe('invited');
    expect(res.body).not.toContain(north!.id);
  });
});
