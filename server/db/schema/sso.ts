import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { districts } from './districts.ts';

/**
 * An OpenID Connect provider a district signs in with (Google Workspace, Microsoft Entra ID,
 * Clever, ClassLink or any issuer). The client secret is stored encrypted with a key derived from
 * SECRET_KEY (services/auth/sso/secrets.ts) and never leaves the server. Disabled, never deleted.
 */
export const ssoProviders = pgTable(
  'sso_providers',
  {
    ...tenantColumns(),
    /** google | microsoft | clever | classlink | custom: which preset the form started from. */
    kind: text().notNull(),
    /** Shown on the sign-in page: "Sign in with <displayName>". */
    displayName: text().notNull(),
    issuer: text().notNull(),
    clientId: text().notNull(),
    /** `v1.<iv>.<tag>.<ciphertext>` (AES-256-GCM, base64url). */
    clientSecretEncrypted: text().notNull(),
    /** Space-separated, always including `openid`. */
    scopes: text().notNull(),
    /** email: the claim is matched against the account's e-mail; identifier: the person's roster identifier. */
    matchBy: text().notNull(),
    /** The claim whose value identifies the person (e.g. `email`, `preferred_username`, `employee_id`). */
    claim: text().notNull(),
    /** When not empty, the e-mail claim's domain must be one of these (lower-cased). */
    allowedDomains: text().array().notNull().default([]),
    /** Optional: sign-ins are accepted only when this claim equals `tenantValue` (Google `hd`, Clever `district`). */
    tenantClaim: text(),
    tenantValue: text(),
    /**
     * The district admin attests that this provider requires a second factor of everyone who signs
     * in through it: its sign-ins count as two-factor even when the ID token's `amr` does not say so.
     */
    enforcesMfa: boolean().notNull().default(false),
    enabled: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [index('sso_providers_district_idx').on(t.districtId)],
);

/** How a district's people may sign in; a district without a row allows passwords and requires two-factor sign-in of HR and admins only. */
export const districtSignInSettings = pgTable('district_sign_in_settings', {
  districtId: uuid()
    .primaryKey()
    .references(() => districts.id),
  /** Off: only SSO, except district admins (break-glass; README "Single sign-on"). */
  passwordSignIn: boolean().notNull().default(true),
  /** On: everyone signs in with a second factor, not only HR and district admins (README "Two-factor sign-in"). */
  requireTwoFactor: boolean().notNull().default(false),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
