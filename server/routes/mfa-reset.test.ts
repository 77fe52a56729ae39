/**
 * Permission matrix: GET /api/people/:id/two-factor -> 401 signed out, 404 other district or out of
 * scope, 403 below HR; POST .../reset -> district admins only (403 for HR and everyone else), never
 * their own (403), 409 when there is nothing to reset.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mfaFactors, outboxEmails } from '../db/schema/index.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';
import { challengeFor } from '../test/fixtures/mfa.ts';

const t = useTestApp();
const db = () => t.database.db;
let districtId: string;
let admin: Client;
let adminPersonId: string;
let hr: Client;

beforeAll(async () => {
  districtId = (await buildDistrict(db())).id;
  const adminUser = await buildUser(db(), districtId, 'district_admin');
  adminPersonId = adminUser.personId;
  admin = await signIn(t.app, adminUser.email);
  hr = await signIn(t.app, (await buildUser(db(), districtId, 'hr')).email);
});

describe("resetting another person's two-factor sign-in", () => {
  it("a district admin resets HR's factor: their sessions end, they enrol again at the next sign-in, audited and told", async () => {
    const target = await buildUser(db(), districtId, 'hr');
    const targetClient = await signIn(t.app, target.email);
    const before = await admin.get(`/api/people/${target.personId}/two-factor`);
    expect(before.json()).toMatchObject({ enrolled: true, required: true, abilities: { reset: true } });

    const reset = await admin.post(`/api/people/${target.personId}/two-factor/reset`);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ enrolled: false, abilities: { reset: false } });
    expect(await db().select().from(mfaFactors).where(eq(mfaFactors.userId, target.id))).toEqual([]);
    expect((await targetClient.get('/api/auth/session')).statusCode).toBe(401);
    expect((await challengeFor(t.app, target.email)).step).toBe('enroll');

    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.personId), eq(auditLog.action, 'user.mfa_reset')));
    expect(entry!.entityType).toBe('person');
    const history = (await admin.get(`/api/people/${target.personId}/history`)).json();
    expect(history.items.map((i: { action: string }) => i.action)).toContain('user.mfa_reset');
    const mails = await db().select().from(outboxEmails).where(eq(outboxEmails.toAddress, target.email));
    expect(mails.map((m) => m.subject)).toContain('Your Trellis two-factor sign-in was reset');
    // Nothing left to reset.
    expect((await admin.post(`/api/people/${target.personId}/two-factor/reset`)).statusCode).toBe(409);
  });

  it("is never an admin's own, and never HR's to do", async () => {
    const own = await admin.post(`/api/people/${adminPersonId}/two-factor/reset`);
    expect(own.statusCode).toBe(403);
    expect((await admin.get(`/api/people/${adminPersonId}/two-factor`)).json().abilities.reset).toBe(false);
    const other = await buildUser(db(), districtId, 'district_admin');
    expect((await hr.post(`/api/people/${other.personId}/two-factor/reset`)).statusCode).toBe(403);
    expect((await hr.get(`/api/people/${other.personId}/two-factor`)).json()).toMatchObject({
      enrolled: true,
      abilities: { reset: false },
    });
    expect(await db().select().from(mfaFactors).where(eq(mfaFactors.userId, other.id))).toHaveLength(1);
  });

  it("answers 404 for another district's person and 403 to those who do not manage people", async () => {
    const away = await buildDistrict(db());
    const stranger = await buildUser(db(), away.id, 'hr');
    expect((await admin.get(`/api/people/${stranger.personId}/two-factor`)).statusCode).toBe(404);
    expect((await admin.post(`/api/people/${stranger.personId}/two-factor/reset`)).statusCode).toBe(404);
    expect(await db().select().from(mfaFactors).where(eq(mfaFactors.userId, stranger.id))).toHaveLength(1);

    const leaderUser = await buildUser(db(), districtId, 'school_leader');
    const leader = await signIn(t.app, leaderUser.email);
    expect((await leader.get(`/api/people/${leaderUser.personId}/two-factor`)).statusCode).toBe(403);
    expect((await leader.post(`/api/people/${adminPersonId}/two-factor/reset`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/api/people/${adminPersonId}/two-factor`)).statusCode).toBe(401);
  });
});
