/**
 * `npm start` with no settings (production, embedded database, no SECRET_KEY): the key file in
 * DATA_DIR seals both kinds of secret at rest, each under its own derived key. Permission matrix:
 * as routes/sso-settings.test.ts and routes/mfa-enrolment.test.ts (nothing new is exposed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { mfaFactors, ssoProviders } from '../db/schema/index.ts';
import { SECRET_KEY_FILE, secretKey } from '../lib/secret-key.ts';
import { openSecret as openTotpSecret } from '../services/auth/mfa/secret-box.ts';
import { openSecret } from '../services/auth/sso/secrets.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { signInEnrolling, useTestApp } from '../test/harness.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-secret-key-'));
const t = useTestApp({ NODE_ENV: 'production', DATA_DIR: dataDir, SECRET_KEY: '', PUBLIC_URL: 'https://trellis.district.example' });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('secrets at rest with no SECRET_KEY on the embedded database', () => {
  it('seals authenticator secrets and SSO client secrets under the data directory’s key file, each with its own key', async () => {
    const district = await buildDistrict(t.database.db);
    const admin = await buildUser(t.database.db, district.id, 'district_admin', { withoutFactor: true });
    const { client, secret } = await signInEnrolling(t.app, admin.email);
    const created = await client.post('/api/sso/providers', {
      kind: 'google',
      displayName: 'Google',
      issuer: 'https://accounts.google.com',
      clientId: 'client-id',
      clientSecret: 'GOCSPX-the-secret',
      scopes: 'openid email profile',
      matchBy: 'email',
      claim: 'email',
      allowedDomains: [],
      tenantClaim: 'hd',
      tenantValue: 'district.example',
    });
    expect(created.statusCode, created.body).toBe(201);

    expect(fs.existsSync(path.join(dataDir, SECRET_KEY_FILE))).toBe(true);
    const env = { SECRET_KEY: undefined, DATA_DIR: dataDir, DATABASE_URL: undefined, NODE_ENV: 'production' as const };
    const [factor] = await t.database.db.select().from(mfaFactors).where(eq(mfaFactors.userId, admin.id));
    expect(openTotpSecret(secretKey(env, 'mfa-totp-secret'), admin.id, factor!.secretEncrypted)).toBe(secret.replace(/\s/g, ''));
    expect(() => openTotpSecret(secretKey(env, 'sso-client-secret'), admin.id, factor!.secretEncrypted)).toThrow();
    const [provider] = await t.database.db.select().from(ssoProviders).where(eq(ssoProviders.id, created.json().id));
    expect(openSecret(env, 'sso-client-secret', provider!.clientSecretEncrypted, `${district.id}:${provider!.id}`)).toBe(
      'GOCSPX-the-secret',
    );
  });
});
