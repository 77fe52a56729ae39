import { z } from 'zod';
import { SSO_DISCOVERY_PROBLEMS, SSO_KINDS, SSO_MATCH_BY } from '../sso.ts';
import { SecondFactorChallenge } from './mfa.ts';

const Issuer = z
  .string()
  .trim()
  .max(500)
  // Kept exactly as typed: the discovery document must name the same issuer (some end in '/').
  .pipe(z.url({ protocol: /^https?$/ }));

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Not a domain name');

const ClaimName = z.string().trim().min(1).max(200).regex(/^\S+$/, 'A claim name has no spaces');

const Scopes = z
  .string()
  .trim()
  .max(500)
  .transform((s) => [...new Set(['openid', ...s.split(/\s+/).filter(Boolean)])].join(' '));

/** The fields of a provider an admin sets. */
const ProviderFields = {
  kind: z.enum(SSO_KINDS),
  displayName: z.string().trim().min(1).max(60),
  issuer: Issuer,
  clientId: z.string().trim().min(1).max(300),
  scopes: Scopes,
  matchBy: z.enum(SSO_MATCH_BY),
  claim: ClaimName,
  allowedDomains: z.array(Domain).max(50),
  tenantClaim: ClaimName.nullable(),
  tenantValue: z.string().trim().min(1).max(300).nullable(),
  /** The admin attests the provider requires a second factor of everyone: its sign-ins count as two-factor. */
  enforcesMfa: z.boolean(),
  enabled: z.boolean(),
};

const tenantPair = (v: { tenantClaim?: string | null; tenantValue?: string | null }) => (v.tenantClaim == null) === (v.tenantValue == null);
const tenantPairIssue = { message: 'Give both the tenant claim and its value, or neither', path: ['tenantValue'] };

/** POST /api/sso/providers. The client secret is write-only: no answer ever carries it. */
export const CreateSsoProviderInput = z
  .object({
    ...ProviderFields,
    clientSecret: z.string().min(1).max(2000),
    enforcesMfa: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .refine(tenantPair, tenantPairIssue);

/** PATCH /api/sso/providers/:id: only the fields given change; a missing `clientSecret` keeps the stored one. */
export const UpdateSsoProviderInput = z
  .object({
    version: z.number().int().positive(),
    ...z.object(ProviderFields).partial().shape,
    clientSecret: z.string().min(1).max(2000).optional(),
  })
  .refine((v) => v.tenantClaim === undefined || v.tenantValue === undefined || tenantPair(v), tenantPairIssue);

export const SsoProvider = z.object({
  id: z.uuid(),
  kind: z.enum(SSO_KINDS),
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  /** Always true for a saved provider: the secret itself is never returned. */
  hasClientSecret: z.boolean(),
  scopes: z.string(),
  matchBy: z.enum(SSO_MATCH_BY),
  claim: z.string(),
  allowedDomains: z.array(z.string()),
  tenantClaim: z.string().nullable(),
  tenantValue: z.string().nullable(),
  enforcesMfa: z.boolean(),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SsoProvider = z.infer<typeof SsoProvider>;

/** GET /api/sso: the district's providers and sign-in settings, with what the admin may change. */
export const SsoOverview = z.object({
  providers: z.array(SsoProvider),
  passwordSignIn: z.boolean(),
  /** Everyone signs in with a second factor (HR and district admins always do). */
  requireTwoFactor: z.boolean(),
  settingsVersion: z.number().int(),
  /** Register this at the provider as the redirect (callback) URI. */
  redirectUri: z.string(),
  /** The link to share with staff: the sign-in page with this district's buttons. */
  signInUrl: z.string(),
  abilities: z.object({
    /** Turning passwords off needs an enabled provider and a session opened by SSO (no lock-out by a typo). */
    turnPasswordsOff: z.boolean(),
    /** Why not, when not: `no_provider` or `sign_in_with_sso_first`. */
    turnPasswordsOffBlockedBy: z.enum(['no_provider', 'sign_in_with_sso_first']).nullable(),
    /** Sign everyone in the district out (POST /api/sessions/end-district). */
    endSessions: z.boolean(),
  }),
});
export type SsoOverview = z.infer<typeof SsoOverview>;

/** PUT /api/sso/settings: the settings given change (each switch on the page sends its own). */
export const UpdateSignInSettingsInput = z
  .object({ version: z.number().int().positive(), passwordSignIn: z.boolean().optional(), requireTwoFactor: z.boolean().optional() })
  .refine((v) => v.passwordSignIn !== undefined || v.requireTwoFactor !== undefined, {
    message: 'Give a setting to change',
    path: ['passwordSignIn'],
  });

export const DiscoveryTestInput = z.object({ issuer: Issuer });

/** The outcome of fetching the issuer's discovery document (a failed test is an answer, not an error). */
export const DiscoveryTestResult = z.object({
  ok: z.boolean(),
  problem: z.enum(SSO_DISCOVERY_PROBLEMS).nullable(),
  /** Technical detail for IT (HTTP status, the issuer the document names), never a secret. */
  detail: z.string().nullable(),
  authorizationEndpoint: z.string().nullable(),
  scopesSupported: z.array(z.string()).nullable(),
  claimsSupported: z.array(z.string()).nullable(),
});
export type DiscoveryTestResult = z.infer<typeof DiscoveryTestResult>;

/** GET /api/auth/sso/options: what the signed-out sign-in page offers for a district. */
export const SsoOptionsQuery = z.object({
  district: z.string().trim().min(1).max(100).optional(),
  /** The domain of the e-mail typed so far; only districts whose provider lists it answer. */
  domain: Domain.optional(),
});
export const SsoOptions = z.object({
  district: z.object({ slug: z.string(), name: z.string() }).nullable(),
  providers: z.array(z.object({ id: z.uuid(), displayName: z.string(), kind: z.enum(SSO_KINDS) })),
  passwordSignIn: z.boolean(),
});
export type SsoOptions = z.infer<typeof SsoOptions>;

/** POST /api/auth/sso/second-factor: the step after a single-factor SSO sign-in, as the password step answers it. */
export const SsoSecondFactor = z.object({ secondFactor: SecondFactorChallenge });
export type SsoSecondFactor = z.infer<typeof SsoSecondFactor>;

export const SsoStartParams = z.object({ id: z.uuid() });
export const SsoStartQuery = z.object({ next: z.string().max(500).optional() });
