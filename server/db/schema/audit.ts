import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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

/** E-mails the app would send. Delivery is outside Trellis; in development admins read them here. */
export const outboxEmails = pgTable('outbox_emails', {
  id: uuid().primaryKey().defaultRandom(),
  districtId: uuid().references(() => districts.id),
  toAddress: text().notNull(),
  subject: text().notNull(),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
