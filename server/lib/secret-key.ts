import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Env } from '../env.ts';
import { makePrivateDir } from '../db/private-dir.ts';

/** What the key depends on: SECRET_KEY, else a file in DATA_DIR (not allowed for PostgreSQL in production). */
export type KeyEnv = Pick<Env, 'SECRET_KEY' | 'DATA_DIR' | 'DATABASE_URL' | 'NODE_ENV'>;

/**
 * What a derived key seals; each use gets its own key (HKDF-SHA256 with the use as `info`), so
 * one use's data never opens with another's key: TOTP seeds, SSO client secrets, the SSO cookie.
 */
export type KeyPurpose = 'mfa-totp-secret' | 'sso-client-secret' | 'sso-flow' | 'notification-unsubscribe';

/** The key file created in DATA_DIR when SECRET_KEY is unset (32 random bytes, base64). */
export const SECRET_KEY_FILE = 'secret.key';

/** Thrown at start when the key is missing where a file will not do; main.ts prints the message alone. */
export class SecretKeyError extends Error {}

const MISSING =
  'Set SECRET_KEY to 32 or more random characters (e.g. openssl rand -base64 32), the same on every server: ' +
  'with PostgreSQL it must live outside the database, because it seals the two-factor and single sign-on secrets kept there.';

const roots = new Map<string, string>();
const derived = new Map<string, Buffer>();

/** Reads the key file in `dir`, creating it (readable by this user only) on first use. */
function keyFile(dir: string): string {
  const file = path.join(dir, SECRET_KEY_FILE);
  makePrivateDir(dir);
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const text = fs.readFileSync(file, 'utf8').trim();
  if (text.length < 32)
    throw new SecretKeyError(`${file} must hold 32 or more random characters; delete it only if nothing was sealed with it`);
  return text;
}

/**
 * The installation's root secret: SECRET_KEY, else `secret.key` in DATA_DIR (created on first
 * use). PostgreSQL outside development and test requires SECRET_KEY: several servers must share
 * one key, and it must not sit beside the database it protects.
 */
export function rootSecret(env: KeyEnv): string {
  if (env.SECRET_KEY) return env.SECRET_KEY;
  if (env.DATABASE_URL && env.NODE_ENV === 'production') throw new SecretKeyError(MISSING);
  const dir = path.resolve(env.DATA_DIR);
  let root = roots.get(dir);
  if (!root) {
    root = keyFile(dir);
    roots.set(dir, root);
  }
  return root;
}

/**
 * The 32-byte key for one use, derived from the root secret with HKDF-SHA256 (salt `trellis`,
 * info = the use). The root itself never encrypts anything.
 * @example secretKey(env, 'mfa-totp-secret') // <Buffer 3f 9a ...> (32 bytes)
 */
export function secretKey(env: KeyEnv, purpose: KeyPurpose): Buffer {
  const root = rootSecret(env);
  const id = `${purpose}:${root}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', root, 'trellis', purpose, 32));
    derived.set(id, key);
  }
  return key;
}
