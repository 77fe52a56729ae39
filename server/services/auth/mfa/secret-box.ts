import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from '../../../env.ts';

const KEY_FILE = 'mfa-secret.key';
const keys = new Map<string, Buffer>();

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${source} must be 32 random bytes in base64 (e.g. openssl rand -base64 32)`);
  return key;
}

/** Reads the key file in `dir`, creating it (readable by this user only) on first use. */
function keyFile(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  fs.mkdirSync(dir, { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return decodeKey(fs.readFileSync(file, 'utf8'), file);
}

/**
 * The key that seals TOTP secrets: `MFA_SECRET_KEY`, else `mfa-secret.key` in DATA_DIR (created on
 * first use). With PostgreSQL in production the variable is required: several servers must share
 * one key, and it must live outside the database it protects.
 */
export function mfaKey(env: Pick<Env, 'MFA_SECRET_KEY' | 'DATA_DIR' | 'DATABASE_URL' | 'NODE_ENV'>): Buffer {
  const id = env.MFA_SECRET_KEY ? `env:${env.MFA_SECRET_KEY}` : `file:${path.resolve(env.DATA_DIR)}`;
  const known = keys.get(id);
  if (known) return known;
  if (!env.MFA_SECRET_KEY && env.DATABASE_URL && env.NODE_ENV === 'production') {
    throw new Error('Set MFA_SECRET_KEY (openssl rand -base64 32), the same on every server: it seals the two-factor secrets.');
  }
  const key = env.MFA_SECRET_KEY ? decodeKey(env.MFA_SECRET_KEY, 'MFA_SECRET_KEY') : keyFile(env.DATA_DIR);
  keys.set(id, key);
  return key;
}

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
