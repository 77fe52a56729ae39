import type { Db } from '../../db/client.ts';
import type { Env } from '../../env.ts';
import { classifySendError } from './errors.ts';
import { claimDueEmails, failAbandonedHolds, markDelivered, markFailed, markRetry, startHeldAttempt } from './outbox-store.ts';
import type { MailTransport, OutgoingEmail } from './transport.ts';

/** A recorded e-mail whose full text (with its set-password link) exists only here, in memory. */
export interface HeldEmail {
  outboxId: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailerOptions {
  /** How often the worker looks for due stored e-mails (besides being nudged). */
  pollMs?: number;
  /** Waits before each retry of a stored e-mail; one more attempt than there are waits. */
  storedRetryMs?: number[];
  /** Waits before each retry of a held e-mail (kept short: a reset link lives an hour). */
  heldRetryMs?: number[];
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

const MINUTE = 60_000;
const DEFAULTS = {
  pollMs: 10_000,
  storedRetryMs: [1, 5, 15, 60, 180, 360].map((m) => m * MINUTE),
  heldRetryMs: [0.5, 2, 5, 10].map((m) => m * MINUTE),
};
/** Long enough for nodemailer's connection, greeting and socket timeouts together. */
const ATTEMPT_LEASE_MS = 5 * MINUTE;
const BATCH = 20;

/**
 * Sends e-mail off the request path. Stored e-mails (notifications) are claimed from the outbox by a
 * small in-process worker, so they survive restarts and are sent once across processes; held e-mails
 * (set-password links) are retried from memory and, if this process ends first, marked failed
 * ("interrupted"). Transient failures are retried with backoff; permanent ones fail at once.
 */
export class Mailer {
  private readonly opts: Required<MailerOptions>;
  private readonly held = new Map<string, { mail: HeldEmail; timer?: NodeJS.Timeout }>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private nudgeTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private drainAgain = false;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly env: Pick<Env, 'SMTP_URL'>,
    private readonly log: Log,
    opts: MailerOptions = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  get delivery() {
    return this.transport.delivery;
  }

  /**
   * Starts the worker. `exclusive`: no other process uses this database (the embedded one), so a
   * held e-mail still pending was abandoned by a previous run and fails now rather than when its
   * lease runs out.
   */
  async start(opts: { exclusive: boolean }): Promise<void> {
    this.stopped = false;
    const failed = await failAbandonedHolds(this.db, opts.exclusive);
    if (failed > 0)
      this.log.warn({ count: failed }, 'e-mails with a set-password link were never sent: Trellis stopped before sending them');
    this.timer = setInterval(() => this.drain(), this.opts.pollMs);
    this.timer.unref();
    this.drain();
  }

  /** Stored e-mails are waiting: look for them now rather than at the next poll. */
  nudge(): void {
    if (this.stopped || this.nudgeTimer) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = undefined;
      this.drain();
    }, 0);
  }

  /** Sends a held e-mail (already recorded with its link withheld), retrying it from memory. */
  sendHeld(mail: HeldEmail): void {
    if (this.stopped) {
      this.track(markFailed(this.db, [mail.outboxId], 'interrupted'));
      return;
    }
    this.held.set(mail.outboxId, { mail });
    this.track(this.attemptHeld(mail, 0));
  }

  /** Resolves once nothing is being sent or waiting in memory (held retries and a nudged run included). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0 || this.draining || this.nudgeTimer || this.held.size > 0) {
      const busy = [...this.inFlight, ...(this.draining ? [this.draining] : [])];
      await Promise.race([...busy, new Promise((r) => setTimeout(r, 20))]);
    }
  }

  /**
   * Stops the worker: waits (briefly) for sends under way, then marks every held e-mail still unsent
   * as failed, since its link is lost with this process.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.nudgeTimer);
    for (const entry of this.held.values()) clearTimeout(entry.timer);
    const waited = new Promise((r) => setTimeout(r, 5_000).unref());
    await Promise.race([Promise.allSettled([...this.inFlight, ...(this.draining ? [this.draining] : [])]), waited]);
    const unsent = [...this.held.keys()];
    this.held.clear();
    await markFailed(this.db, unsent, 'interrupted').catch((error: unknown) =>
      this.log.error({ err: error }, 'could not mark unsent e-mails'),
    );
    this.transport.close();
  }

  private track(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.log.error({ err: error }, 'e-mail delivery failed unexpectedly'))
      .finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  private async attemptHeld(mail: HeldEmail, attempt: number): Promise<void> {
    if (this.transport.delivery === 'none') {
      this.held.delete(mail.outboxId);
      return markFailed(this.db, [mail.outboxId], 'no_smtp');
    }
    await startHeldAttempt(this.db, mail.outboxId, ATTEMPT_LEASE_MS);
    const failure = await this.trySend(mail.outboxId, { to: mail.to, subject: mail.subject, text: mail.text });
    if (!failure) {
      this.held.delete(mail.outboxId);
      return markDelivered(this.db, mail.outboxId, this.deliveredStatus());
    }
    const wait = this.opts.heldRetryMs[attempt];
    if (!failure.transient || wait === undefined || this.stopped) {
      this.held.delete(mail.outboxId);
      return markFailed(
        this.db,
        [mail.outboxId],
        failure.transient ? (this.stopped ? 'interrupted' : 'gave_up') : 'rejected',
        failure.message,
      );
    }
    const next = new Date(Date.now() + wait);
    await markRetry(this.db, mail.outboxId, failure.message, next, new Date(next.getTime() + ATTEMPT_LEASE_MS));
    const entry = this.held.get(mail.outboxId);
    if (!entry || this.stopped) return;
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.track(this.attemptHeld(mail, attempt + 1));
    }, wait);
  }

  /** Runs the worker once (one run at a time; a request during a run starts another after it). */
  private drain(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drainOnce()
      .catch((error: unknown) => this.log.error({ err: error }, 'the e-mail worker failed; it tries again at the next poll'))
      .finally(() => {
        this.draining = undefined;
        if (this.drainAgain) {
          this.drainAgain = false;
          this.drain();
        }
      });
  }

  private async drainOnce(): Promise<void> {
    await failAbandonedHolds(this.db);
    for (;;) {
      if (this.stopped) return;
      const batch = await claimDueEmails(this.db, BATCH, ATTEMPT_LEASE_MS);
      if (batch.length === 0) return;
      if (this.transport.delivery === 'none') {
        await markFailed(
          this.db,
          batch.map((row) => row.id),
          'no_smtp',
        );
        continue;
      }
      for (const row of batch) await this.sendStored(row);
    }
  }

  private async sendStored(row: {
    id: string;
    toAddress: string;
    subject: string;
    body: string;
    headers: Record<string, string> | null;
    attempts: number;
  }): Promise<void> {
    const failure = await this.trySend(row.id, {
      to: row.toAddress,
      subject: row.subject,
      text: row.body,
      ...(row.headers ? { headers: row.headers } : {}),
    });
    if (!failure) return markDelivered(this.db, row.id, this.deliveredStatus());
    const wait = this.opts.storedRetryMs[row.attempts - 1];
    if (!failure.transient || wait === undefined) {
      return markFailed(this.db, [row.id], failure.transient ? 'gave_up' : 'rejected', failure.message);
    }
    await markRetry(this.db, row.id, failure.message, new Date(Date.now() + wait), null);
    if (wait < this.opts.pollMs) setTimeout(() => this.nudge(), wait).unref();
  }

  private async trySend(outboxId: string, mail: OutgoingEmail) {
    try {
      await this.transport.send(mail);
      return null;
    } catch (error) {
      const failure = classifySendError(error, this.env);
      this.log.warn({ outboxId, transient: failure.transient, error: failure.message }, 'e-mail not delivered');
      return failure;
    }
  }

  private deliveredStatus(): 'sent' | 'printed' {
    return this.transport.delivery === 'console' ? 'printed' : 'sent';
  }
}
