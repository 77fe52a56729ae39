/**
 * Sign-in throttling (ASVS 5.0 V6.3.1): guesses are counted atomically per account and address and
 * per address, keyed on the real peer; an attacker elsewhere never locks the owner out.
 * Addresses below are documentation ranges (RFC 5737), used only as labels for `inject`.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { auditLog } from '../db/schema/index.ts';
import { loadEnv } from '../env.ts';
import { buildDistrict, buildUser, TEST_PASSWORD } from '../test/factories.ts';
import { useTestApp } from '../test/harness.ts';

const t = useTestApp();

let nextAddress = 1;
/** A fresh peer address per test, so tests do not share a per-address count. */
const freshAddress = () => `198.51.100.${nextAddress++}`;

const signInFrom = (remoteAddress: string, email: string, password: string, headers: Record<string, string> = {}, app = t.app) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress, headers });

describe('sign-in throttling', () => {
  it('counts parallel guesses atomically: a burst of 29 wrong passwords and the right one does not sign in', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const ip = freshAddress();
    const guesses = Array.from({ length: 29 }, (_, i) => signInFrom(ip, user.email, `wrong guess ${i}`));
    const all = await Promise.all([...guesses, signInFrom(ip, user.email, TEST_PASSWORD)]);
    const statuses = all.map((r) => r.statusCode);
    expect(statuses.at(-1)).toBe(429);
    // Only the free attempts reached the password check; every other one was refused unchecked.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
  });

  it('answers rate_limited with Retry-After, and the owner is slowed for seconds, not locked out for long', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const ip = freshAddress();
    for (let i = 0; i < 5; i++) expect((await signInFrom(ip, user.email, `typo ${i} of mine`)).statusCode).toBe(401);
    const refused = await signInFrom(ip, user.email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    const wait = Number(refused.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.json().error.details).toEqual({ retryAfterSeconds: wait });
    // Once the delay has passed (moved back in the table rather than waited for) the owner signs in.
    await t.database.db.execute(
      sql`update sign_in_throttles set blocked_until = now() - interval '1 second' where key like ${`%${user.email}%`}`,
    );
    expect((await signInFrom(ip, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('makes each further guess wait longer, up to a cap, so guesses per hour stay bounded', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const ip = freshAddress();
    const pairKey = `acct:${user.email}|ip:${ip}`;
    const waitAfterGuess = async () => {
      await t.database.db.execute(sql`update sign_in_throttles set blocked_until = null where key = ${pairKey}`);
      expect((await signInFrom(ip, user.email, 'yet another guess')).statusCode).toBe(401);
      return Number((await signInFrom(ip, user.email, TEST_PASSWORD)).headers['retry-after']);
    };
    for (let i = 0; i < 4; i++) await signInFrom(ip, user.email, `guess number ${i}`);
    const waits = [await waitAfterGuess(), await waitAfterGuess(), await waitAfterGuess()];
    expect(waits[0]).toBeGreaterThan(20);
    expect(waits[1]).toBeGreaterThan(waits[0]! * 1.5);
    expect(waits[2]).toBeGreaterThan(waits[1]! * 1.5);
    await t.database.db.execute(sql`update sign_in_throttles set attempts = 60 where key = ${pairKey}`);
    expect(await waitAfterGuess()).toBe(15 * 60);
  });

  it('an attacker hammering the account from elsewhere does not lock the owner out of their own address', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'district_admin');
    const attacker = freshAddress();
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push((await signInFrom(attacker, user.email, `attack ${i}`)).statusCode);
    expect(answers.filter((s) => s === 401)).toHaveLength(5);
    expect(answers.slice(5).every((s) => s === 429)).toBe(true);
    const owner = freshAddress();
    expect((await signInFrom(owner, user.email, TEST_PASSWORD)).statusCode).toBe(200);
    // ...and the attacker is still refused, even with the right password.
    expect((await signInFrom(attacker, user.email, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('limits one address across many accounts, whatever X-Forwarded-For it sends (no proxy trusted)', async () => {
    const ip = freshAddress();
    const answers = [];
    for (let i = 0; i < 40; i++) {
      const forwarded = `203.0.113.${i + 1}`;
      answers.push((await signInFrom(ip, `nobody-${i}@example.test`, 'some guess', { 'x-forwarded-for': forwarded })).statusCode);
    }
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((s) => s === 401).length).toBeLessThanOrEqual(30);
  });

  it('records the peer address in the audit log, not the forwarded one', async () => {
    const d = await buildDistrict(t.database.db);
    const user = await buildUser(t.database.db, d.id, 'staff');
    const ip = freshAddress();
    await signInFrom(ip, user.email, 'wrong password here', { 'x-forwarded-for': '203.0.113.250' });
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.districtId, d.id));
    expect(row).toMatchObject({ action: 'auth.sign_in_failed', entityId: user.id, actorUserId: null });
    expect(row!.after).toEqual({ ip, reason: 'wrong_password' });
  });

  it('with TRUST_PROXY naming the proxy, the address it forwards is the one counted', async () => {
    const proxy = freshAddress();
    const app = await buildApp({ database: t.database, env: loadEnv({ NODE_ENV: 'test', TRUST_PROXY: proxy }) });
    try {
      const d = await buildDistrict(t.database.db);
      const user = await buildUser(t.database.db, d.id, 'staff');
      const client = '192.0.2.77';
      for (let i = 0; i < 5; i++) await signInFrom(proxy, user.email, `wrong ${i} guess`, { 'x-forwarded-for': client }, app);
      expect((await signInFrom(proxy, user.email, TEST_PASSWORD, { 'x-forwarded-for': client }, app)).statusCode).toBe(429);
      // Another person behind the same proxy is not slowed by that account's failures.
      expect((await signInFrom(proxy, user.email, TEST_PASSWORD, { 'x-forwarded-for': '192.0.2.78' }, app)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
