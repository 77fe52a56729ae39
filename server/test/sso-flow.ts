import type { App } from '../app.ts';
import { Client } from './harness.ts';
import type { TestProvider } from './oidc-provider.ts';
import { nextTotpCode, TEST_TOTP_SECRET } from './totp.ts';

/** Ways a test changes the sign-in on its way, as an attacker in the middle would. */
export interface Tamper {
  /** Rewrites the authorization URL before the browser follows it. */
  authUrl?: (url: URL) => void;
  /** Rewrites the callback URL the provider sent the browser back to. */
  callback?: (url: URL) => void;
  /** Arrive at the callback without the flow cookie (another browser). */
  dropFlowCookie?: boolean;
}

/** A browser's cookies for the provider (every path, which is enough for oidc-provider). */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header = () => [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

/**
 * Drives a whole SSO sign-in over HTTP as a browser would: Trellis's /start (app.inject), the
 * provider's authorization endpoint and sign-in page (real HTTP, signing in as `email`), and back
 * to Trellis's callback. Returns the callback's answer.
 */
export async function ssoSignIn(
  app: App,
  provider: TestProvider,
  providerId: string,
  email: string,
  opts: { next?: string; tamper?: Tamper } = {},
) {
  const start = await app.inject({
    method: 'GET',
    url: `/api/auth/sso/start/${providerId}${opts.next ? `?next=${encodeURIComponent(opts.next)}` : ''}`,
  });
  if (start.statusCode !== 302) throw new Error(`start answered ${start.statusCode}: ${start.body}`);
  const flowCookie = start.cookies.find((c) => c.name === 'trellis_sso_flow');
  if (!flowCookie) return { start, callback: null };
  const authUrl = new URL(start.headers.location as string);
  opts.tamper?.authUrl?.(authUrl);

  const jar = new Jar();
  let url = authUrl.href;
  let callbackUrl: URL | null = null;
  for (let hop = 0; hop < 10 && !callbackUrl; hop++) {
    const login = /\/interaction\/([\w-]+)$/.exec(new URL(url).pathname);
    const res = login
      ? await fetch(`${url}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email }).toString(),
        })
      : await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}: ${await res.text()}`);
    const next = new URL(location, url);
    if (next.origin === provider.issuer) url = next.href;
    else callbackUrl = next;
  }
  if (!callbackUrl) throw new Error('the provider never sent the browser back');
  opts.tamper?.callback?.(callbackUrl);
  const callback = await app.inject({
    method: 'GET',
    url: `${callbackUrl.pathname}${callbackUrl.search}`,
    headers: opts.tamper?.dropFlowCookie ? {} : { cookie: `trellis_sso_flow=${flowCookie.value}` },
  });
  return { start, callback };
}

/** A client holding the session a successful SSO callback opened (CSRF token from /session). */
export async function clientFromCallback(app: App, callback: { cookies: { name: string; value: string }[] }): Promise<Client> {
  const cookie = callback.cookies.find((c) => c.name === 'trellis_session');
  if (!cookie) throw new Error('the callback opened no session');
  const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `trellis_session=${cookie.value}` } });
  return new Client(app, `trellis_session=${cookie.value}`, session.json().csrfToken);
}

/** The hand-off cookie a callback sets when the sign-in goes on to Trellis's second step. */
export const SSO_SECOND_FACTOR_COOKIE = 'trellis_sso_second_factor';

/**
 * After a callback that sent the browser on to the second step: what the sign-in page asks for
 * (`POST /api/auth/sso/second-factor` with the hand-off cookie), the raw answer.
 */
export async function secondStepAfterSso(app: App, callback: { cookies: { name: string; value: string }[] }) {
  const cookie = callback.cookies.find((c) => c.name === SSO_SECOND_FACTOR_COOKIE);
  return app.inject({
    method: 'POST',
    url: '/api/auth/sso/second-factor',
    headers: cookie ? { cookie: `${SSO_SECOND_FACTOR_COOKIE}=${cookie.value}` } : {},
  });
}

/**
 * A whole SSO sign-in for someone Trellis then asks for a code (the provider's sign-in was single
 * factor and they have an authenticator): the provider, the hand-off, a code from `totpSecret`.
 */
export async function ssoSignInWithCode(
  app: App,
  provider: TestProvider,
  providerId: string,
  email: string,
  totpSecret = TEST_TOTP_SECRET,
): Promise<Client> {
  const { callback } = await ssoSignIn(app, provider, providerId, email);
  const step = await secondStepAfterSso(app, callback!);
  const challenge = (step.json() as { secondFactor?: { challenge: string; step: string } }).secondFactor;
  if (step.statusCode !== 200 || challenge?.step !== 'verify')
    throw new Error(`expected the code step after SSO for ${email}: ${step.statusCode} ${step.body}`);
  const code = await nextTotpCode(email, totpSecret);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/mfa/verify',
    payload: { challenge: challenge.challenge, method: 'totp', code },
  });
  if (res.statusCode !== 200) throw new Error(`the code step failed for ${email}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'trellis_session')!;
  return new Client(app, `trellis_session=${cookie.value}`, (res.json() as { csrfToken: string }).csrfToken);
}
