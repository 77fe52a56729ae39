import { z } from 'zod';

/** What an e-mail is for: a notification (stored whole) or one carrying a set-password link. */
export const EMAIL_KINDS = ['notification', 'password_reset', 'invitation'] as const;
/** pending (waiting or retrying), sent, failed, printed (development: shown in the server console, not sent). */
export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'printed'] as const;
/** Why an e-mail failed; the Outbox page words each (app.json `outbox.failure.*`). */
export const EMAIL_FAILURES = ['no_smtp', 'rejected', 'gave_up', 'interrupted', 'before_delivery'] as const;
/** How this server delivers e-mail: an SMTP server, the development console, or not at all. */
export const MAIL_DELIVERY = ['smtp', 'console', 'none'] as const;

export const OutboxEmail = z.object({
  id: z.uuid(),
  kind: z.enum(EMAIL_KINDS),
  toAddress: z.string(),
  subject: z.string(),
  /** The text as sent, except that a set-password link is never kept (`linkWithheld`). */
  body: z.string(),
  linkWithheld: z.boolean(),
  status: z.enum(EMAIL_STATUSES),
  attempts: z.number().int(),
  /** When a pending e-mail is tried next. */
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  failureReason: z.enum(EMAIL_FAILURES).nullable(),
  /** The mail server's last answer or the connection error (never credentials). */
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

export const OutboxQuery = z.object({
  status: z.enum(EMAIL_STATUSES).optional(),
});

export const OutboxList = z.object({
  items: z.array(OutboxEmail),
  delivery: z.enum(MAIL_DELIVERY),
  /** The district's time zone, in which the page shows times. */
  timeZone: z.string(),
});
