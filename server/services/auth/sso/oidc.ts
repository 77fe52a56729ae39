import * as oidc from 'openid-client';
import type { DiscoveryTestResult } from '../../../../common/schemas/sso.ts';
import type { SsoDiscoveryProblem } from '../../../../common/sso.ts';
import type { Env } from '../../../env.ts';

/** Seconds to wait for a provider before giving up (discovery, token, userinfo). */
const TIMEOUT_S = 10;
/** Discovered configurations are kept this long, per provider version. */
const CACHE_MS = 15 * 60_000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether Trellis may talk to this issuer: HTTPS always; plain HTTP only to this machine and only
 * outside production (a test provider on 127.0.0.1), never across a network.
 */
export function issuerProblem(issuer: string, env: Pick<Env, 'NODE_ENV'>): 'insecure' | null {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return null;
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname) && env.NODE_ENV !== 'production' ? null : 'insecure';
}

export interface ProviderClient {
  id: string;
  version: number;
  issuer: string;
  clientId: string;
}

const cache = new Map<string, { config: oidc.Configuration; at: number }>();

/**
 * The openid-client configuration of a provider: its discovery document (issuer checked by the
 * library), the client id and secret, and client_secret_basic when the provider does not take
 * client_secret_post. Cached per provider version.
 */
export async function providerConfiguration(env: Env, provider: ProviderClient, clientSecret: string): Promise<oidc.Configuration> {
  const key = `${provider.id}:${provider.version}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.config;
  if (issuerProblem(provider.issuer, env)) throw new Error(`The issuer ${provider.issuer} is not HTTPS`);
  const execute = new URL(provider.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
  let config = await oidc.discovery(new URL(provider.issuer), provider.clientId, clientSecret, undefined, { execute, timeout: TIMEOUT_S });
  const methods = config.serverMetadata().token_endpoint_auth_methods_supported;
  if (methods && !methods.includes('client_secret_post') && methods.includes('client_secret_basic')) {
    config = new oidc.Configuration(config.serverMetadata(), provider.clientId, clientSecret, oidc.ClientSecretBasic(clientSecret));
    for (const run of execute) run(config);
  }
  config.timeout = TIMEOUT_S;
  cache.set(key, { config, at: Date.now() });
  return config;
}

const fail = (problem: SsoDiscoveryProblem, detail: string | null): DiscoveryTestResult => ({
  ok: false,
  problem,
  detail,
  authorizationEndpoint: null,
  scopesSupported: null,
  claimsSupported: null,
});

const strings = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null);

/**
 * Fetches the issuer's discovery document and says, in terms an IT person can act on, what is
 * wrong with it, if anything. Redirects are not followed and only a few fields are returned.
 */
export async function testDiscovery(env: Pick<Env, 'NODE_ENV'>, issuer: string): Promise<DiscoveryTestResult> {
  if (issuerProblem(issuer, env)) return fail('insecure', null);
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_S * 1000),
    });
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return fail('timeout', url);
    return fail('unreachable', `${url}: ${err.cause?.code ?? err.message}`);
  }
  if (response.status !== 200) return fail('not_found', `HTTP ${response.status} at ${url}`);
  const doc = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (
    !doc ||
    typeof doc !== 'object' ||
    typeof doc.authorization_endpoint !== 'string' ||
    typeof doc.token_endpoint !== 'string' ||
    typeof doc.jwks_uri !== 'string'
  ) {
    return fail('invalid_document', url);
  }
  if (doc.issuer !== issuer) return fail('issuer_mismatch', typeof doc.issuer === 'string' ? doc.issuer.slice(0, 300) : null);
  return {
    ok: true,
    problem: null,
    detail: null,
    authorizationEndpoint: doc.authorization_endpoint,
    scopesSupported: strings(doc.scopes_supported),
    claimsSupported: strings(doc.claims_supported),
  };
}
