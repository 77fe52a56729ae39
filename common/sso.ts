/**
 * Single sign-on presets: what each kind of OpenID provider a district uses needs filled in.
 * The form starts from a preset and every field stays editable (a provider can change a claim).
 */
export const SSO_KINDS = ['google', 'microsoft', 'clever', 'classlink', 'custom'] as const;
export type SsoKind = (typeof SSO_KINDS)[number];

export const SSO_MATCH_BY = ['email', 'identifier'] as const;
export type SsoMatchBy = (typeof SSO_MATCH_BY)[number];

export interface SsoPreset {
  displayName: string;
  /** The issuer; `{tenant}` is replaced by the tenant id the admin types (Microsoft Entra ID). */
  issuer: string;
  scopes: string;
  matchBy: SsoMatchBy;
  claim: string;
  /** The claim that names the customer (Google Workspace domain, Clever district id), if the provider has one. */
  tenantClaim: string | null;
}

/** The presets; a provider's own documentation has the last word on claims. */
export const SSO_PRESETS: Record<SsoKind, SsoPreset> = {
  google: {
    displayName: 'Google',
    issuer: 'https://accounts.google.com',
    scopes: 'openid email profile',
    matchBy: 'email',
    claim: 'email',
    // Google's `hd` claim names the Workspace domain: without it any Google account could try.
    tenantClaim: 'hd',
  },
  microsoft: {
    displayName: 'Microsoft',
    issuer: 'https://login.microsoftonline.com/{tenant}/v2.0',
    scopes: 'openid email profile',
    matchBy: 'email',
    // The UPN, which schools set to the staff e-mail; `email` is often empty in Entra ID.
    claim: 'preferred_username',
    tenantClaim: null,
  },
  clever: {
    displayName: 'Clever',
    issuer: 'https://clever.com',
    scopes: 'openid email profile',
    matchBy: 'email',
    claim: 'email',
    // Clever serves many districts and does not verify e-mails: pin the district's Clever id.
    tenantClaim: 'district',
  },
  classlink: {
    displayName: 'ClassLink',
    issuer: 'https://launchpad.classlink.com',
    scopes: 'openid email profile',
    matchBy: 'email',
    claim: 'email',
    tenantClaim: null,
  },
  custom: {
    displayName: '',
    issuer: '',
    scopes: 'openid email profile',
    matchBy: 'email',
    claim: 'email',
    tenantClaim: null,
  },
};

/**
 * The issuer of a preset for a tenant id (Microsoft Entra ID puts the tenant in the issuer).
 * @example presetIssuer('microsoft', 'contoso.onmicrosoft.com') // 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0'
 */
export function presetIssuer(kind: SsoKind, tenant = ''): string {
  return SSO_PRESETS[kind].issuer.replace('{tenant}', encodeURIComponent(tenant.trim()));
}

/** Why an SSO sign-in was refused; the refusal page explains each (en/es). */
export const SSO_REFUSALS = [
  'no_account',
  'domain_not_allowed',
  'wrong_tenant',
  'email_unverified',
  'missing_claim',
  'expired',
  'failed',
  'unavailable',
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

/** Why a discovery test failed; the settings page explains each (en/es). */
export const SSO_DISCOVERY_PROBLEMS = ['insecure', 'unreachable', 'not_found', 'invalid_document', 'issuer_mismatch', 'timeout'] as const;
export type SsoDiscoveryProblem = (typeof SSO_DISCOVERY_PROBLEMS)[number];
