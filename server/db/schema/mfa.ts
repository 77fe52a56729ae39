import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { districts } from './districts.ts';
import { users } from './users.ts';

/**
 * A user's second factor: a TOTP authenticator app (services/auth/mfa). One per user; enrolling
 * again replaces it, and an admin's reset deletes it.
 */
export const mfaFactors = pgTable('mfa_factors', {
  ...tenantColumns(),
  userId: uuid()
    .notNull()
    .unique()
    .references(() => users.id),
  /** The TOTP seed, AES-256-GCM under a key derived from SECRET_KEY (lib/secret-key.ts): a database dump alone yields no codes. */
  secretEncrypted: text().notNull(),
  /** The last TOTP time step accepted: each code signs in once (RFC 6238 section 5.2). */
  lastUsedStep: bigint({ mode: 'number' }),
  /** Salt of this user's recovery-code hashes (scrypt). */
  recoverySalt: text().notNull(),
  /** Proofs (codes, passwords) tried since `attemptsSince`; counted before each check (mfa/throttle.ts). */
  attempts: integer().notNull().default(0),
  attemptsSince: timestamp({ withTimezone: true }),
});

/** Single-use recovery codes, stored only as scrypt hashes; a new set replaces the old one. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/**
 * A pending second step: after the password at sign-in (`sign_in`: enter a code; `enroll`: the
 * user's access requires a factor they do not have yet), or a new authenticator being set up from
 * the account page (`enroll` bound to `sessionId`). Grants no access by itself; short-lived, with
 * a few attempts.
 */
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    /** SHA-256 of the token the client holds. */
    id: text().primaryKey(),
    districtId: uuid()
      .notNull()
      .references(() => districts.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    purpose: text().$type<'sign_in' | 'enroll'>().notNull(),
    /** Set when started from a signed-in session: only that session may finish it. */
    sessionId: text(),
    /** The authenticator secret being enrolled (sealed like `mfa_factors.secret_encrypted`). */
    secretEncrypted: text(),
    /** How the person proved who they are before this step ('password' or 'sso'): the session it opens records it. */
    authMethod: text().$type<'password' | 'sso'>().notNull().default('password'),
    attempts: integer().notNull().default(0),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mfa_challenges_user_idx').on(t.userId)],
);
