import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Env } from '../../../env.ts';
import { AppError } from '../../../lib/errors.ts';

/**
 * Outside production, with no SECRET_KEY, secrets are still encrypted, with this well-known key:
 * a development database stays usable across restarts, and production must set its own key.
 */
const DEVELOPMENT_KEY = 'trellis-development-key-do-not-use-in-production';

/** What a key is for: each purpose gets its own key derived from SECRET_KEY (HKDF-SHA256). */
export type SecretPurpose = 'sso-client-secret' | 'sso-flow';

function keyFor(env: Pick<Env, 'SECRET_KEY' | 'NODE_ENV'>, purpose: SecretPurpose): Buffer {
  const material = env.SECRET_KEY ?? (env.NODE_ENV === 'production' ? null : DEVELOPMENT_KEY);
  if (!material) {
    throw new AppError('invalid_state', 'Single sign-on needs SECRET_KEY (32 or more random characters) in the server configuration', {
      reason: 'secret_key_missing',
    });
  }
  return Buffer.from(hkdfSync('sha256', material, 'trellis', purpose, 32));
}

/**
 * Encrypts `plain` with AES-256-GCM; `context` (e.g. the row's id) is authenticated with it, so a
 * sealed value copied to another row does not open there.
 * @example sealSecret(env, 'sso-client-secret', 'GOCSPX-...', providerId) // 'v1.<iv>.<tag>.<data>'
 */
export function sealSecret(env: Pick<Env, 'SECRET_KEY' | 'NODE_ENV'>, purpose: SecretPurpose, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(env, purpose), iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** Decrypts a value from `sealSecret`; null when it was tampered with, sealed for another context or under another key. */
export function openSecret(env: Pick<Env, 'SECRET_KEY' | 'NODE_ENV'>, purpose: SecretPurpose, sealed: string, context: string): string | null {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  const key = keyFor(env, purpose);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
