import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

describe('settings', () => {
  it('defaults to production (safe defaults) unless NODE_ENV says otherwise', () => {
    expect(loadEnv({}).NODE_ENV).toBe('production');
    expect(loadEnv({ NODE_ENV: 'development' }).NODE_ENV).toBe('development');
  });

  it('TRUST_PROXY: unset trusts no proxy; a hop count; or addresses and CIDRs', () => {
    expect(loadEnv({}).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadEnv({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8, loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses a TRUST_PROXY it cannot read, including "true" (trusting everyone)', () => {
    expect(() => loadEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/10.0.0.0\/33/);
  });
});
