import type { Env } from '../../../env.ts';
import { openSecret, sealSecret } from './secrets.ts';

/** The cookie that carries a sign-in in progress from /start to /callback (HttpOnly, 10 minutes). */
export const SSO_FLOW_COOKIE = 'trellis_sso_flow';
export const SSO_FLOW_TTL_S = 600;
/** The cookie that hands Trellis's second step to the sign-in page after a single-factor SSO sign-in (HttpOnly, once). */
export const SSO_SECOND_FACTOR_COOKIE = 'trellis_sso_second_factor';

/** What the callback needs to check the provider's answer; sealed, so the browser can neither read nor change it. */
export interface SsoFlow {
  providerId: string;
  districtId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  next: string;
  /** Epoch milliseconds after which the flow is refused. */
  expiresAt: number;
}

const CONTEXT = 'sso-flow-v1';

/** Seals a flow into the cookie's value. */
export function sealFlow(env: Env, flow: SsoFlow): string {
  return sealSecret(env, 'sso-flow', JSON.stringify(flow), CONTEXT);
}

/** Opens the cookie's value; null when missing, tampered with or expired. */
export function openFlow(env: Env, value: string | undefined): SsoFlow | null {
  if (!value) return null;
  const text = openSecret(env, 'sso-flow', value, CONTEXT);
  if (!text) return null;
  const flow = JSON.parse(text) as SsoFlow;
  return flow.expiresAt > Date.now() ? flow : null;
}
