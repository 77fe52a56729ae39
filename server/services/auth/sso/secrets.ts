import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretKey, type KeyEnv, type KeyPurpose } from '../../../lib/secret-key.ts';

/** What a key is for: each purpose gets its own key derived from SECRET_KEY (lib/secret-key.ts). */
export type SecretPurpose = Extract<KeyPurpose, 'sso-client-secret' | 'sso-flow'>;

/**
 * Encrypts `plain` with AES-256-GCM; `context` (e.g. the row's id) is authenticated with it, so a
 * sealed value copied to another row does not open there.
 * @example sealSecret(env, 'sso-client-secret', 'GOCSPX-...', providerId) // 'v1.<iv>.<tag>.<data>'
 */
export function sealSecret(env: KeyEnv, purpose: SecretPurpose, plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(env, purpose), iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** Decrypts a value from `sealSecret`; null when it was tampered with, sealed for another context or under another key. */
export function openSecret(env: KeyEnv, purpose: SecretPurpose, sealed: string, context: string): string | null {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  const key = secretKey(env, purpose);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
