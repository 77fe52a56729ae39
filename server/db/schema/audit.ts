import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';

/** Append-only: a trigger in the migrations rejects UPDATE and DELETE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    actorUserId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_district_at_idx').on(t.districtId, t.at),
    index('audit_log_entity_idx').on(t.districtId, t.entityType, t.entityId),
  ],
);

/**
 * Every e-mail Trellis sends, with its delivery state. Notification e-mails are stored whole and sent
 * by the outbox worker (services/mail/worker.ts), which survives restarts. An e-mail carrying a
 * set-password link is stored with the link withheld (`linkWithheld`): the full message exists only
 * in the memory of the process sending it, which holds a lease (`leaseUntil`) while it does.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid().references(() => districts.id),
    /** 'notification' | 'password_reset' | 'invitation' (common/schemas/outbox.ts). */
    kind: text().notNull().default('notification'),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    /** Extra header fields of the message (List-Unsubscribe, List-Unsubscribe-Post). */
    headers: jsonb().$type<Record<string, string>>(),
    linkWithheld: boolean().notNull().default(false),
    /** 'pending' | 'sent' | 'failed' | 'printed' (development console). */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** A process is sending this e-mail until then; afterwards another may (or, for a held link, it failed). */
    leaseUntil: timestamp({ withTimezone: true }),
    /** Why it failed, as a code the UI words ('no_smtp', 'rejected', 'gave_up', 'interrupted', 'before_delivery'). */
    failureReason: text(),
    /** The mail server's last answer or the connection error, without credentials. */
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('outbox_emails_district_created_idx').on(t.districtId, t.createdAt),
    index('outbox_emails_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
