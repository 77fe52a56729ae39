import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { people } from './people.ts';

/** A person who can sign in. School-level access comes from role assignments; HR and admin are grants. */
export const users = pgTable('users', {
  ...tenantColumns(),
  personId: uuid()
    .notNull()
    .unique()
    .references(() => people.id),
  /** Lower-cased; unique across districts because sign-in asks for an e-mail, not a district. */
  email: text().notNull().unique(),
  /** scrypt hash in PHC-like form; null until the user sets a password (or signs in by SSO). */
  passwordHash: text(),
  adminGrant: text(),
  locale: text(),
  active: boolean().notNull().default(true),
  version: integer().notNull().default(1),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    districtId: uuid().notNull(),
    csrfToken: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userAgent: text(),
    /** How the session was opened: 'password' or 'sso' (an SSO sign-in lets the provider's MFA count). */
    authMethod: text().notNull().default('password'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const passwordResets = pgTable('password_resets', {
  id: uuid().primaryKey().defaultRandom(),
  userId: uuid()
    .notNull()
    .references(() => users.id),
  tokenHash: text().notNull().unique(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Failed sign-ins, counted per e-mail to throttle password guessing. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: uuid().primaryKey().defaultRandom(),
    emailKey: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_email_idx').on(t.emailKey, t.at)],
);
