import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { people } from './people.ts';

/** A person who can sign in. School-level access comes from role assignments; HR and admin are grants. */
export const users = pgTable(
  'users',
  {
    ...tenantColumns(),
    personId: uuid()
      .notNull()
      .unique()
      .references(() => people.id),
    /**
     * Lower-cased. Sign-in asks for an e-mail, not a district, so at most one account per e-mail has
     * a password; an invitation (no password yet) may share its e-mail with another district's
     * account, so inviting never reveals that account (the invitee learns it on choosing a password).
     */
    email: text().notNull(),
    /** scrypt hash in PHC-like form; null until the user sets a password (or signs in by SSO). */
    passwordHash: text(),
    adminGrant: text(),
    locale: text(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('users_email_password_uq')
      .on(t.email)
      .where(sql`password_hash is not null`),
    uniqueIndex('users_district_email_uq').on(t.districtId, t.email),
  ],
);

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
    /** How the session was opened: 'password' or 'sso' (an SSO provider's own MFA counts as the second factor). */
    authMethod: text().notNull().default('password'),
    /** When this session passed the second factor (services/auth/mfa); null when it has not. */
    mfaVerifiedAt: timestamp({ withTimezone: true }),
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

/**
 * Sign-in attempts counted per key (`acct:<e-mail>|ip:<address>` and `ip:<address>`) to slow
 * password guessing; services/auth/throttle.ts reserves an attempt in one statement.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    key: text().primaryKey(),
    /** Attempts not yet forgiven: each adds 1, and the count drains while the key is quiet. */
    attempts: doublePrecision().notNull(),
    lastAttemptAt: timestamp({ withTimezone: true }).notNull(),
    /** No attempt under this key is checked before this time. */
    blockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index('sign_in_throttles_last_idx').on(t.lastAttemptAt)],
);
