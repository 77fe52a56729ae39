import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin } from './app.ts';

/** Configuring single sign-on and password sign-in: district admins only. */
export const canManageSignIn = (actor: Actor) => isDistrictAdmin(actor);

/**
 * District admins keep password sign-in (and reset) when their district turns passwords off: the
 * break-glass way in when the provider is down or misconfigured. Everyone else signs in by SSO.
 */
export const keepsPasswordSignIn = (user: { adminGrant: string | null }) => user.adminGrant === 'district_admin';

/**
 * Why the caller may not turn password sign-in off yet, or null: there must be an enabled
 * provider, and the admin's own session must have been opened through SSO, which proves that the
 * provider works for them today (a typo in the issuer or client id cannot lock the district out).
 */
export function passwordsOffBlockedBy(input: { enabledProviders: number; sessionAuthMethod: string | null }) {
  if (input.enabledProviders === 0) return 'no_provider' as const;
  if (input.sessionAuthMethod !== 'sso') return 'sign_in_with_sso_first' as const;
  return null;
}
