import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import { canResetSecondFactor, effectiveGrant, providerMultiFactor, secondFactorRequired } from './mfa.ts';

const actor = (adminGrant: Actor['adminGrant'], personId = 'me'): Actor => ({
  userId: 'u',
  personId,
  districtId: 'd',
  adminGrant,
  access: adminGrant ?? 'staff',
  leaderOrgUnitIds: [],
  coachOrgUnitIds: [],
  caseloadPersonIds: [],
});

describe('second-factor policy', () => {
  it('is required by an HR or admin grant, and of everyone when their district requires it', () => {
    const usual = { requireTwoFactor: false };
    expect(secondFactorRequired({ adminGrant: 'hr' }, usual)).toBe(true);
    expect(secondFactorRequired({ adminGrant: 'district_admin' }, usual)).toBe(true);
    expect(secondFactorRequired({ adminGrant: null }, usual)).toBe(false);
    expect(secondFactorRequired({ adminGrant: null }, { requireTwoFactor: true })).toBe(true);
  });

  it('withholds the grant from a session that has not passed it, however it was opened', () => {
    const user = { adminGrant: 'hr' };
    const session = (mfaVerifiedAt: Date | null, authMethod: 'password' | 'sso') => ({ mfaVerifiedAt, authMethod });
    expect(effectiveGrant(user, session(null, 'password'))).toBeNull();
    expect(effectiveGrant(user, session(new Date(), 'password'))).toBe('hr');
    // An SSO session counts only when its sign-in recorded the provider's second factor (mfaVerifiedAt).
    expect(effectiveGrant(user, session(null, 'sso'))).toBeNull();
    expect(effectiveGrant(user, session(new Date(), 'sso'))).toBe('hr');
  });

  it('lets district admins reset others at or below their grant, never themselves; nobody else', () => {
    expect(canResetSecondFactor(actor('district_admin'), { personId: 'other', adminGrant: 'district_admin' })).toBe(true);
    expect(canResetSecondFactor(actor('district_admin'), { personId: 'other', adminGrant: null })).toBe(true);
    expect(canResetSecondFactor(actor('district_admin'), { personId: 'me', adminGrant: 'district_admin' })).toBe(false);
    expect(canResetSecondFactor(actor('hr'), { personId: 'other', adminGrant: null })).toBe(false);
    expect(canResetSecondFactor(actor(null), { personId: 'other', adminGrant: null })).toBe(false);
  });

  it("counts an SSO sign-in as two-factor when amr names two kinds of factor or 'mfa', or the admin attests the provider enforces it", () => {
    const viaAmr = (amr: unknown) => providerMultiFactor({ amr, enforcesMfa: false });
    for (const amr of [
      ['mfa'],
      ['pwd', 'otp'],
      ['pwd', 'sms'],
      ['pwd', 'hwk'],
      ['hwk', 'fpt'],
      ['swk', 'pin'],
      ['sc', 'face'],
      ['pin', 'hwk', 'user'],
    ]) {
      expect(viaAmr(amr), amr.join(' ')).toBe('amr');
    }
    // One factor, however strong or repeated, a presence test, risk or channel hints, or no claim at all.
    for (const amr of [
      ['pwd'],
      ['otp'],
      ['hwk'],
      ['hwk', 'user'],
      ['sms', 'otp'],
      ['pwd', 'kba'],
      ['pwd', 'rba', 'geo'],
      ['pwd', 'mca'],
      ['wia'],
      [],
      'mfa',
      null,
      undefined,
      [1, 2],
    ]) {
      expect(viaAmr(amr), JSON.stringify(amr)).toBeNull();
    }
    expect(providerMultiFactor({ amr: ['pwd'], enforcesMfa: true })).toBe('attested');
    expect(providerMultiFactor({ amr: undefined, enforcesMfa: true })).toBe('attested');
    expect(providerMultiFactor({ amr: ['pwd', 'otp'], enforcesMfa: true })).toBe('amr');
  });
});
