import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Executor } from '../../db/client.ts';
import { outboxEmails } from '../../db/schema/index.ts';

type Kind = 'notification' | 'password_reset' | 'invitation';
type Failure = 'no_smtp' | 'rejected' | 'gave_up' | 'interrupted';

/** How long a process may take between storing a held e-mail and its first attempt. */
const HOLD_LEASE_MS = 5 * 60_000;

/** An e-mail to record in the outbox. `linkWithheld`: the body is the stored copy, without its link. */
export interface NewOutboxEmail {
  districtId: string | null;
  kind: Kind;
  toAddress: string;
  subject: string;
  body: string;
  /** Extra header fields (List-Unsubscribe...). */
  headers?: Record<string, string> | null;
  linkWithheld?: boolean;
}

/**
 * Records e-mails (in the caller's transaction). Stored e-mails wait for the worker; a held e-mail's
 * row is leased to this process, which sends the full message from memory.
 */
export async function recordEmails(tx: Executor, emails: NewOutboxEmail[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const leaseUntil = new Date(Date.now() + HOLD_LEASE_MS);
  const rows = await tx
    .insert(outboxEmails)
    .values(emails.map((e) => ({ ...e, linkWithheld: e.linkWithheld ?? false, leaseUntil: e.linkWithheld ? leaseUntil : null })))
    .returning({ id: outboxEmails.id });
  return rows.map((r) => r.id);
}

/**
 * Takes up to `limit` stored e-mails that are due and not being sent by another process, and leases
 * them to this one for `leaseMs` (counting the attempt). Safe with several processes: rows another
 * transaction holds are skipped.
 */
export async function claimDueEmails(db: Db, limit: number, leaseMs: number) {
  const due = alias(outboxEmails, 'due');
  const ids = db
    .select({ id: due.id })
    .from(due)
    .where(
      and(
        eq(due.status, 'pending'),
        eq(due.linkWithheld, false),
        lte(due.nextAttemptAt, sql`now()`),
        or(isNull(due.leaseUntil), lt(due.leaseUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(due.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outboxEmails)
    .set({ leaseUntil: new Date(Date.now() + leaseMs), attempts: sql`${outboxEmails.attempts} + 1` })
    .where(inArray(outboxEmails.id, ids))
    .returning({
      id: outboxEmails.id,
      toAddress: outboxEmails.toAddress,
      subject: outboxEmails.subject,
      body: outboxEmails.body,
      headers: outboxEmails.headers,
      attempts: outboxEmails.attempts,
    });
}

/** Counts an attempt at a held e-mail and extends this process's lease on it. */
export async function startHeldAttempt(db: Db, id: string, leaseMs: number): Promise<void> {
  await db
    .update(outboxEmails)
    .set({ attempts: sql`${outboxEmails.attempts} + 1`, leaseUntil: new Date(Date.now() + leaseMs) })
    .where(and(eq(outboxEmails.id, id), eq(outboxEmails.status, 'pending')));
}

/** The e-mail went out (or, in development, was printed). */
export async function markDelivered(db: Db, id: string, status: 'sent' | 'printed'): Promise<void> {
  await db.update(outboxEmails).set({ status, sentAt: new Date(), leaseUntil: null, failureReason: null }).where(eq(outboxEmails.id, id));
}

/** A transient failure: try again at `nextAttemptAt` (a held e-mail keeps its lease until a little after). */
export async function markRetry(db: Db, id: string, lastError: string, nextAttemptAt: Date, leaseUntil: Date | null): Promise<void> {
  await db.update(outboxEmails).set({ lastError, nextAttemptAt, leaseUntil }).where(eq(outboxEmails.id, id));
}

/** The e-mail will not be sent. */
export async function markFailed(db: Db, ids: string[], failureReason: Failure, lastError: string | null = null): Promise<void> {
  if (ids.length === 0) return;
  const set = { status: 'failed', failureReason, leaseUntil: null, ...(lastError === null ? {} : { lastError }) };
  await db
    .update(outboxEmails)
    .set(set)
    .where(and(inArray(outboxEmails.id, ids), eq(outboxEmails.status, 'pending')));
}

/**
 * Held e-mails whose process ended before sending them (its lease ran out; with `all`, every one,
 * when no other process can be sending) can never be sent: their link existed only in that memory.
 */
export async function failAbandonedHolds(db: Db, all = false): Promise<number> {
  const abandoned = all ? undefined : or(isNull(outboxEmails.leaseUntil), lt(outboxEmails.leaseUntil, sql`now()`));
  const rows = await db
    .update(outboxEmails)
    .set({ status: 'failed', failureReason: 'interrupted', leaseUntil: null })
    .where(and(eq(outboxEmails.status, 'pending'), eq(outboxEmails.linkWithheld, true), abandoned))
    .returning({ id: outboxEmails.id });
  return rows.length;
}
