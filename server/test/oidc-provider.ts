import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';

/**
 * A real OpenID provider (oidc-provider from npm) on 127.0.0.1 for tests: one confidential client
 * for Trellis (client_secret_post, PKCE required), and a sign-in page where whoever types an
 * e-mail is signed in as that account (claims: email, email_verified and any set with setClaims).
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Extra or overriding claims for the account signed in with this e-mail. */
  setClaims(email: string, claims: Record<string, unknown>): void;
  /**
   * How the provider says this account signed in: the ID token's `amr` (RFC 8176), e.g.
   * `['pwd', 'otp']`; none by default (as Google). The sign-in page's box adds `['pwd', 'otp']`.
   */
  setAmr(email: string, amr: string[] | null): void;
  close(): Promise<void>;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The provider's own sign-in page (not Trellis's): one e-mail field, and whether a second factor was used. */
function loginPage(uid: string, title: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="email">Account e-mail</label> <input id="email" name="email" type="email" autocomplete="username" required></p>
<p><input id="otp" name="otp" type="checkbox" value="1"> <label for="otp">Also confirmed with a code from my phone</label></p>
<button type="submit">Continue</button></form></main></body></html>`;
}

/**
 * Starts the provider on a free port. `claimsInIdToken: false` keeps profile claims out of the ID
 * token (only in userinfo), as some providers do.
 */
export async function startTestProvider(opts: {
  redirectUris: string[];
  claimsInIdToken?: boolean;
  title?: string;
}): Promise<TestProvider> {
  const extraClaims = new Map<string, Record<string, unknown>>();
  const amrs = new Map<string, string[] | null>();
  const clientId = 'trellis-test-client';
  const clientSecret = 'trellis-test-secret-0123456789abcdef';
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test-key' }] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    conformIdTokenClaims: opts.claimsInIdToken === false,
    claims: {
      // `amr`: how the person signed in (RFC 8176), from the login result (setAmr, or the page's
      // box); in every ID token that has it, as Entra ID and Okta send it.
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'employee_id', 'hd', 'district'],
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        claims: async () => ({ sub: `sub-${id}`, email: id, email_verified: true, ...extraClaims.get(id) }),
      };
    },
  });
  const callback = provider.callback();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    try {
      if (!match[2]) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return res.end(loginPage(match[1]!, opts.title ?? 'Test identity provider'));
      }
      const form = await readForm(req);
      const email = form.get('email') ?? '';
      const amr = form.get('otp') ? ['pwd', 'otp'] : amrs.get(email);
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: email, clientId: details.params.client_id as string });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: email, ...(amr ? { amr } : {}) }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  }

  return {
    issuer,
    clientId,
    clientSecret,
    setClaims: (email, claims) => void extraClaims.set(email, claims),
    setAmr: (email, amr) => void amrs.set(email, amr),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
