import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/** An in-app notification; `kind` + `params` are rendered through i18n in the reader's language. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    /** common/observation.ts NOTIFICATION_KINDS */
    kind: text().notNull(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    params: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    readAt: timestamp({ withTimezone: true }),
    /** Sent in a daily digest e-mail at this time (only kinds the person gets as a digest). */
    digestedAt: timestamp({ withTimezone: true }),
    /** Reminders (services/notifications/reminders.ts): the due date reminded of; null for other kinds. */
    dueOn: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_person_idx').on(t.districtId, t.personId, t.createdAt),
    // A reminder is sent once per person, kind, record and due date, however often the job runs.
    uniqueIndex('notifications_reminder_uq')
      .on(t.districtId, t.personId, t.kind, t.entityId, t.dueOn)
      .where(sql`${t.dueOn} is not null`),
  ],
);

/** A user's secret iCalendar feed URL (stored as a SHA-256 of the token; revocable). */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    tokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash), index('calendar_feeds_user_idx').on(t.userId)],
);

/**
 * How a person wants each kind of notification e-mailed (common/schemas/notification-preferences.ts):
 * 'immediately', 'digest' (one e-mail a school day) or 'off'. A kind not in `deliveries` (or no
 * row at all): the kind's default.
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    deliveries: jsonb().$type<Record<string, string>>().notNull().default({}),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notification_preferences_person_uq').on(t.districtId, t.personId)],
);
