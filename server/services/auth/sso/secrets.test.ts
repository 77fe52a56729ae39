import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secrets.ts';

const env = { NODE_ENV: 'test' as const, SECRET_KEY: 'k'.repeat(40), DATA_DIR: '/nonexistent', DATABASE_URL: undefined };

describe('client secrets at rest', () => {
  it('open only with the same key and the same row', () => {
    const sealed = sealSecret(env, 'sso-client-secret', 'GOCSPX-secret', 'district:provider');
    expect(sealed).not.toContain('GOCSPX');
    expect(openSecret(env, 'sso-client-secret', sealed, 'district:provider')).toBe('GOCSPX-secret');
    // Copied onto another provider's row, under another key, or for another purpose: unreadable.
    expect(openSecret(env, 'sso-client-secret', sealed, 'district:other')).toBeNull();
    expect(openSecret({ ...env, SECRET_KEY: 'x'.repeat(40) }, 'sso-client-secret', sealed, 'district:provider')).toBeNull();
    expect(openSecret(env, 'sso-flow', sealed, 'district:provider')).toBeNull();
  });

  it('refuse a changed byte', () => {
    const sealed = sealSecret(env, 'sso-flow', '{"a":1}', 'ctx');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString('base64url');
    expect(openSecret(env, 'sso-flow', parts.join('.'), 'ctx')).toBeNull();
  });
});
