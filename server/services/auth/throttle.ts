import { isIPv4, isIPv6 } from 'node:net';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInThrottles } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * How one throttle key slows guessing: the first `free` attempts go through at once; each attempt
 * after that must wait `baseSeconds`, doubling, at most `capSeconds`; the count drains by one
 * every `drainSeconds` of quiet (`free` is at least 2, so a first attempt never waits). A successful sign-in clears its account+address key and gives
 * back its attempt to the address key.
 */
export interface ThrottleRule {
  free: number;
  baseSeconds: number;
  capSeconds: number;
  drainSeconds: number;
}

/**
 * One account from one address: the owner's typos cost seconds; an attacker gets 5 guesses, then
 * about 6 an hour (waits of 30 s doubling to 15 min, while the count drains one per 10 min).
 */
export const ACCOUNT_ADDRESS_RULE: ThrottleRule = { free: 5, baseSeconds: 30, capSeconds: 15 * 60, drainSeconds: 10 * 60 };

/**
 * One address across accounts: a school behind one NAT address absorbs 30 typos an hour without
 * noticing; one address guessing across many accounts gets about 30 an hour after its first 30.
 */
export const ADDRESS_RULE: ThrottleRule = { free: 30, baseSeconds: 1, capSeconds: 5 * 60, drainSeconds: 2 * 60 };

/**
 * The address a throttle counts: IPv4 as is (also when IPv4-mapped), IPv6 by its /64 prefix,
 * since one subscriber usually holds a whole /64.
 * @example addressKey('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts an attempt under `key` and decides in the same statement whether it must wait: the new
 * count and the block it earns are computed from the stored row under its lock, so parallel
 * requests each see the count left by the one before. Returns null when the key is blocked
 * (nothing is counted then), else nothing.
 */
async function reserve(db: Db, key: string, rule: ThrottleRule): Promise<Date | null> {
  const t = signInThrottles;
  // Attempts after this one: the stored count drained for the quiet time since, plus one.
  const next = sql`(greatest(0, ${t.attempts} - extract(epoch from (now() - ${t.lastAttemptAt})) / ${rule.drainSeconds}) + 1)`;
  const blockAfter = (count: ReturnType<typeof sql>) =>
    sql`case when ${count} > ${rule.free - 1} then now() + least(${rule.capSeconds}, ${rule.baseSeconds} * power(2, ceil(${count}) - ${rule.free})) * interval '1 second' end`;
  const rows = await db
    .insert(t)
    .values({ key, attempts: 1, lastAttemptAt: sql`now()`, blockedUntil: null })
    .onConflictDoUpdate({
      target: t.key,
      set: { attempts: next, lastAttemptAt: sql`now()`, blockedUntil: blockAfter(next) },
      setWhere: sql`${t.blockedUntil} is null or ${t.blockedUntil} <= now()`,
    })
    .returning({ key: t.key });
  if (rows.length > 0) return null;
  const [row] = await db.select({ blockedUntil: t.blockedUntil }).from(t).where(eq(t.key, key));
  return row?.blockedUntil ?? new Date();
}

/** Gives back one attempt under `key` (a success from an address must not count against it). */
async function refund(db: Db, key: string, rule: ThrottleRule) {
  const t = signInThrottles;
  await db
    .update(t)
    .set({
      attempts: sql`greatest(0, ${t.attempts} - 1)`,
      blockedUntil: sql`case when ${t.attempts} - 1 > ${rule.free - 1} then ${t.blockedUntil} end`,
    })
    .where(eq(t.key, key));
}

function rateLimited(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('rate_limited', `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
}

/** An attempt counted against an account and an address, settled once the password is checked. */
export interface ReservedAttempt {
  /** The password was right: clear the account's count from this address and give back the address's attempt. */
  succeeded(): Promise<void>;
}

/**
 * Counts a sign-in attempt for `email` from `ip` before its password is checked, or refuses it
 * (`rate_limited`, with `details.retryAfterSeconds`) while either key must wait. Counting first
 * means parallel guesses cannot all slip past one reading of the count.
 */
export async function reserveSignInAttempt(db: Db, email: string, ip: string): Promise<ReservedAttempt> {
  const address = addressKey(ip);
  const pairKey = `acct:${email}|ip:${address}`;
  const ipKey = `ip:${address}`;
  const pairBlocked = await reserve(db, pairKey, ACCOUNT_ADDRESS_RULE);
  if (pairBlocked) throw rateLimited(pairBlocked);
  const ipBlocked = await reserve(db, ipKey, ADDRESS_RULE);
  if (ipBlocked) {
    await refund(db, pairKey, ACCOUNT_ADDRESS_RULE);
    throw rateLimited(ipBlocked);
  }
  return {
    async succeeded() {
      await db.delete(signInThrottles).where(eq(signInThrottles.key, pairKey));
      await refund(db, ipKey, ADDRESS_RULE);
    },
  };
}

/** Forgets keys quiet for a day (every rule has drained them by then). */
export async function deleteStaleThrottles(db: Db) {
  await db
    .delete(signInThrottles)
    .where(
      and(
        lt(signInThrottles.lastAttemptAt, new Date(Date.now() - 24 * 3600_000)),
        sql`${signInThrottles.blockedUntil} is null or ${signInThrottles.blockedUntil} < now()`,
      ),
    );
}
