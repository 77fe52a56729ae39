import { describe, expect, it } from 'vitest';
import { passwordsOffBlockedBy } from '../../../policies/sso.ts';
import { safeNext } from './flow.ts';
import { checkClaims, type MatchRules } from './match.ts';
import { issuerProblem } from './oidc.ts';

const rules = (r: Partial<MatchRules> = {}): MatchRules => ({
  matchBy: 'email',
  claim: 'email',
  allowedDomains: [],
  tenantClaim: null,
  tenantValue: null,
  ...r,
});

describe('checkClaims', () => {
  it('matches e-mails case-insensitively and identifiers as given', () => {
    expect(checkClaims(rules(), { email: ' Ana@District.ORG ' })).toEqual({ ok: true, value: 'ana@district.org' });
    expect(checkClaims(rules({ matchBy: 'identifier', claim: 'employee_id' }), { employee_id: 4711 })).toEqual({ ok: true, value: '4711' });
  });

  it('refuses what the provider does not vouch for', () => {
    expect(checkClaims(rules(), {})).toMatchObject({ ok: false, reason: 'missing_claim' });
    expect(checkClaims(rules(), { email: 'a@d.org', email_verified: false })).toMatchObject({ ok: false, reason: 'email_unverified' });
    expect(checkClaims(rules({ allowedDomains: ['d.org'] }), { email: 'a@evil.d.org' })).toMatchObject({
      ok: false,
      reason: 'domain_not_allowed',
    });
    expect(checkClaims(rules({ tenantClaim: 'hd', tenantValue: 'd.org' }), { email: 'a@d.org' })).toMatchObject({
      ok: false,
      reason: 'wrong_tenant',
    });
    // An identifier match with allowed domains needs the e-mail claim too.
    expect(checkClaims(rules({ matchBy: 'identifier', claim: 'id', allowedDomains: ['d.org'] }), { id: '1' })).toMatchObject({
      ok: false,
      reason: 'domain_not_allowed',
    });
    expect(
      checkClaims(rules({ tenantClaim: 'hd', tenantValue: 'D.org', allowedDomains: ['d.org'] }), { email: 'a@d.org', hd: 'd.org' }).ok,
    ).toBe(true);
  });
});

describe('small rules', () => {
  it('sends the browser only to paths of this app after sign-in', () => {
    expect(safeNext('/people?q=1')).toBe('/people?q=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', undefined]) expect(safeNext(bad)).toBe('/');
  });

  it('talks plain HTTP only to this machine, and never in production', () => {
    expect(issuerProblem('https://accounts.google.com', { NODE_ENV: 'production' })).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000', { NODE_ENV: 'test' })).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000', { NODE_ENV: 'production' })).toBe('insecure');
    expect(issuerProblem('http://10.0.0.5', { NODE_ENV: 'development' })).toBe('insecure');
  });

  it('lets passwords be turned off only with a working provider proven by the admin’s own SSO session', () => {
    expect(passwordsOffBlockedBy({ enabledProviders: 0, sessionAuthMethod: 'sso' })).toBe('no_provider');
    expect(passwordsOffBlockedBy({ enabledProviders: 1, sessionAuthMethod: 'password' })).toBe('sign_in_with_sso_first');
    expect(passwordsOffBlockedBy({ enabledProviders: 1, sessionAuthMethod: 'sso' })).toBeNull();
  });
});
