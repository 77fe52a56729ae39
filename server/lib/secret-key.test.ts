import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSecret as openTotpSecret, sealSecret as sealTotpSecret } from '../services/auth/mfa/secret-box.ts';
import { openSecret, sealSecret } from '../services/auth/sso/secrets.ts';
import { SECRET_KEY_FILE, secretKey } from './secret-key.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-key-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const configured = {
  SECRET_KEY: 'a-long-random-secret-key-for-these-tests-0123456789',
  DATA_DIR: '/nonexistent',
  DATABASE_URL: undefined,
  NODE_ENV: 'test' as const,
};

describe('one key for secrets at rest (SECRET_KEY)', () => {
  it('derives a separate key for each use: neither opens the other’s data', () => {
    const totp = secretKey(configured, 'mfa-totp-secret');
    const client = secretKey(configured, 'sso-client-secret');
    expect(totp).toHaveLength(32);
    expect(totp.equals(client)).toBe(false);
    // A TOTP seed does not open under the SSO key, nor does an SSO client secret under the TOTP key.
    const seed = sealTotpSecret(totp, 'user-1', 'JBSWY3DPEHPK3PXP');
    expect(() => openTotpSecret(client, 'user-1', seed)).toThrow();
    expect(openTotpSecret(totp, 'user-1', seed)).toBe('JBSWY3DPEHPK3PXP');
    const sealed = sealSecret(configured, 'sso-client-secret', 'GOCSPX-secret', 'district:provider');
    expect(() => openTotpSecret(totp, 'district:provider', sealed)).toThrow();
    expect(openSecret(configured, 'sso-client-secret', sealed, 'district:provider')).toBe('GOCSPX-secret');
    // The key itself is never one of the derived keys.
    expect(totp.equals(Buffer.from(configured.SECRET_KEY).subarray(0, 32))).toBe(false);
  });

  it('gives every server with the same SECRET_KEY the same keys, and writes no file', () => {
    const dir = tempDir();
    const a = secretKey({ ...configured, DATA_DIR: dir, DATABASE_URL: 'postgres://db/trellis', NODE_ENV: 'production' }, 'mfa-totp-secret');
    expect(a.equals(secretKey(configured, 'mfa-totp-secret'))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('unset with the embedded database: creates a key file in DATA_DIR, readable by its owner only, and keeps using it', () => {
    const dir = tempDir();
    const env = { SECRET_KEY: undefined, DATA_DIR: dir, DATABASE_URL: undefined, NODE_ENV: 'production' as const };
    const key = secretKey(env, 'sso-client-secret');
    const file = path.join(dir, SECRET_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(Buffer.from(text.trim(), 'base64')).toHaveLength(32);
    // A restart reads the same file: SECRET_KEY set to its content gives the same keys.
    expect(key.equals(secretKey({ ...configured, SECRET_KEY: text.trim() }, 'sso-client-secret'))).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    // Another data directory is another installation with its own key.
    expect(key.equals(secretKey({ ...env, DATA_DIR: tempDir() }, 'sso-client-secret'))).toBe(false);
  });

  it('is required with PostgreSQL outside development and test; there it falls back to the key file', () => {
    const dir = tempDir();
    const postgres = { SECRET_KEY: undefined, DATA_DIR: dir, DATABASE_URL: 'postgres://db/trellis' };
    expect(() => secretKey({ ...postgres, NODE_ENV: 'production' }, 'mfa-totp-secret')).toThrow(/SECRET_KEY.*openssl rand -base64 32/s);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(secretKey({ ...postgres, NODE_ENV: 'development' }, 'mfa-totp-secret')).toHaveLength(32);
    expect(fs.readdirSync(dir)).toEqual([SECRET_KEY_FILE]);
  });

  it('stops the server at start with a clear message (no stack trace) when PostgreSQL has no SECRET_KEY', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      DATA_DIR: tempDir(),
      LOG_LEVEL: 'silent',
    };
    delete env.SECRET_KEY;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SECRET_KEY');
    expect(run.stderr).toContain('openssl rand -base64 32');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
