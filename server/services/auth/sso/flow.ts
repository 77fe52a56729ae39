import { and, eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { safeNext } from '../../../../common/return-path.ts';
import type { SecondFactorChallenge } from '../../../../common/schemas/mfa.ts';
import type { SsoRefusal } from '../../../../common/sso.ts';
import type { Db } from '../../../db/client.ts';
import { districts, ssoProviders } from '../../../db/schema/index.ts';
import type { Env } from '../../../env.ts';
import { providerMultiFactor } from '../../../policies/mfa.ts';
import { recordAudit } from '../../audit.ts';
import { secondFactorChallenge } from '../mfa/sign-in-step.ts';
import { createSession, type SessionLifetime } from '../sessions.ts';
import { openFlow, sealFlow, SSO_FLOW_TTL_S, type SsoFlow } from './flow-cookie.ts';
import { checkClaims, findAccount, neededClaims, type MatchRules } from './match.ts';
import { providerConfiguration } from './oidc.ts';
import { openSecret } from './secrets.ts';

type Provider = typeof ssoProviders.$inferSelect & { districtSlug: string };

/** An enabled provider with its district's slug (before sign-in: privileged executor). */
async function loadProvider(db: Db, id: string): Promise<Provider | null> {
  const [row] = await db
    .select({ provider: ssoProviders, districtSlug: districts.slug })
    .from(ssoProviders)
    .innerJoin(districts, eq(districts.id, ssoProviders.districtId))
    .where(and(eq(ssoProviders.id, id), eq(ssoProviders.enabled, true)));
  return row ? { ...row.provider, districtSlug: row.districtSlug } : null;
}

async function configurationOf(env: Env, provider: Provider) {
  const secret = openSecret(env, 'sso-client-secret', provider.clientSecretEncrypted, `${provider.districtId}:${provider.id}`);
  if (secret === null) throw new Error('The client secret cannot be decrypted (SECRET_KEY changed?): enter it again');
  return providerConfiguration(env, provider, secret);
}

/** Where to go after signing in: a path of this app only, never a sign-in page. */
export { safeNext };

export type StartResult = { ok: true; url: string; cookie: string } | { ok: false; reason: SsoRefusal; districtSlug: string | null };

/**
 * Starts a sign-in: fresh state, nonce and PKCE verifier, sealed into a short-lived cookie, and
 * the provider's authorization URL to send the browser to.
 */
export async function startSsoSignIn(
  db: Db,
  env: Env,
  input: { providerId: string; next?: string; redirectUri: string; log: { warn: (o: object, m: string) => void } },
): Promise<StartResult> {
  const provider = await loadProvider(db, input.providerId);
  if (!provider) return { ok: false, reason: 'unavailable', districtSlug: null };
  let config: oidc.Configuration;
  try {
    config = await configurationOf(env, provider);
  } catch (error) {
    input.log.warn({ providerId: provider.id, err: (error as Error).message }, 'SSO provider unreachable');
    return { ok: false, reason: 'unavailable', districtSlug: provider.districtSlug };
  }
  const flow: SsoFlow = {
    providerId: provider.id,
    districtId: provider.districtId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    redirectUri: input.redirectUri,
    next: safeNext(input.next),
    expiresAt: Date.now() + SSO_FLOW_TTL_S * 1000,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: flow.redirectUri,
    scope: provider.scopes,
    response_type: 'code',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { ok: true, url: url.href, cookie: sealFlow(env, flow) };
}

export type CallbackResult =
  | { ok: true; token: string; next: string; districtSlug: string }
  | { ok: true; secondFactor: SecondFactorChallenge; next: string; districtSlug: string }
  | { ok: false; reason: SsoRefusal; districtSlug: string | null };

interface CallbackInput extends SessionLifetime {
  flowCookie: string | undefined;
  /** The query string the provider sent back (code, state, iss; or error). */
  search: string;
  /** The peer address, for the audit row. */
  ip: string;
  userAgent?: string;
  requestId: string;
  log: { info: (o: object, m: string) => void };
}

/**
 * Finishes a sign-in: checks state, PKCE, nonce and the ID token (openid-client), the provider's
 * rules on the claims, and finds the EXISTING active account the claim names in the provider's
 * district. A multi-factor sign-in at the provider (the ID token's `amr`, or a provider the admin
 * attests enforces it: policies/mfa.ts) opens a two-factor session (`auth_method = 'sso'`,
 * `mfa_verified_at` set). A single-factor one is treated like a right password: whoever has a
 * factor, or needs one, goes on to Trellis's code step or setup (`secondFactor`), and the session
 * opens there; anyone else gets a single-factor session. Everything else is refused, and every
 * outcome in a known district is audited.
 */
export async function completeSsoSignIn(db: Db, env: Env, input: CallbackInput): Promise<CallbackResult> {
  const flow = openFlow(env, input.flowCookie);
  if (!flow) {
    // No district is known without the cookie: nothing to audit in; the log keeps the request.
    input.log.info({}, 'SSO callback without a live sign-in (expired, another browser, or tampered)');
    return { ok: false, reason: 'expired', districtSlug: null };
  }
  const provider = await loadProvider(db, flow.providerId);
  if (!provider || provider.districtId !== flow.districtId) return { ok: false, reason: 'unavailable', districtSlug: null };
  const refuse = async (
    reason: SsoRefusal,
    detail: Record<string, unknown> = {},
    userId: string | null = null,
  ): Promise<CallbackResult> => {
    await recordAudit(
      db,
      { requestId: input.requestId, actor: { userId: null, districtId: provider.districtId } },
      {
        action: 'auth.sso_refused',
        entityType: 'sso_provider',
        entityId: provider.id,
        after: { provider: provider.displayName, reason, ...(userId ? { userId } : {}), ...detail },
      },
    );
    return { ok: false, reason, districtSlug: provider.districtSlug };
  };

  let claims: Record<string, unknown>;
  let amr: unknown;
  try {
    const config = await configurationOf(env, provider);
    const currentUrl = new URL(flow.redirectUri);
    currentUrl.search = input.search;
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      pkceCodeVerifier: flow.codeVerifier,
      idTokenExpected: true,
    });
    claims = { ...tokens.claims() };
    // Only the ID token speaks for how the person signed in (never userinfo).
    amr = claims.amr;
    const rules = provider as MatchRules;
    // Some providers put profile claims only in userinfo; ID token claims win where both have one.
    if (neededClaims(rules).some((c) => claims[c] === undefined) && config.serverMetadata().userinfo_endpoint) {
      claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub as string)), ...claims };
    }
  } catch (error) {
    const err = error as Error & { code?: string; error?: string };
    return refuse('failed', { error: (err.error ?? err.code ?? err.message).slice(0, 200) });
  }

  const check = checkClaims(provider as MatchRules, claims);
  if (!check.ok) return refuse(check.reason, { claim: provider.claim, value: check.value });
  const account = await findAccount(db, provider.districtId, provider.matchBy as MatchRules['matchBy'], check.value);
  if (!account.ok) return refuse('no_account', { claim: provider.claim, value: check.value, detail: account.detail }, account.userId);

  const multiFactor = providerMultiFactor({ amr, enforcesMfa: provider.enforcesMfa });
  const audit = (action: string, extra: Record<string, unknown>) =>
    recordAudit(
      db,
      { requestId: input.requestId, actor: { userId: account.userId, districtId: provider.districtId } },
      {
        action,
        entityType: 'user',
        entityId: account.userId,
        after: {
          provider: provider.displayName,
          providerId: provider.id,
          acr: claims.acr ?? null,
          amr: amr ?? null,
          multiFactor,
          ip: input.ip,
          ...extra,
        },
      },
    );
  const user = { id: account.userId, districtId: provider.districtId, adminGrant: account.adminGrant };
  const secondFactor = multiFactor ? null : await secondFactorChallenge(db, user, 'sso');
  if (secondFactor) {
    await audit('auth.sso_second_factor', { next: secondFactor.step });
    return { ok: true, secondFactor, next: flow.next, districtSlug: provider.districtSlug };
  }
  const session = await createSession(db, {
    userId: account.userId,
    districtId: provider.districtId,
    ttlHours: input.ttlHours,
    maxHours: input.maxHours,
    userAgent: input.userAgent,
    authMethod: 'sso',
    mfaVerified: multiFactor !== null,
  });
  await audit('auth.sso_sign_in', {});
  return { ok: true, token: session.token, next: flow.next, districtSlug: provider.districtSlug };
}
