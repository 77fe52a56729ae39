import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { secretKey, type KeyEnv } from '../../../lib/secret-key.ts';

/**
 * The key that seals TOTP secrets: derived from SECRET_KEY (or the key file in DATA_DIR) for this
 * use only (lib/secret-key.ts), so it opens nothing else and nothing else opens with it.
 */
export const mfaKey = (env: KeyEnv): Buffer => secretKey(env, 'mfa-totp-secret');

/**
 * Encrypts a TOTP secret with AES-256-GCM, bound to its user (the user id is authenticated data,
 * so a sealed secret copied onto another user's row does not open).
 * @example sealSecret(key, userId, 'JBSWY3DPEHPK3PXP') // 'v1.<iv>.<tag>.<ciphertext>'
 */
export function sealSecret(key: Buffer, userId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId));
  const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** Opens a sealed secret; throws when the key or the user does not match. */
export function openSecret(key: Buffer, userId: string, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('Unknown sealed-secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
