import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import { canResetSecondFactor, effectiveGrant, secondFactorRequired } from './mfa.ts';

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
  it('is required by an HR or admin grant only', () => {
    expect(secondFactorRequired({ adminGrant: 'hr' })).toBe(true);
    expect(secondFactorRequired({ adminGrant: 'district_admin' })).toBe(true);
    expect(secondFactorRequired({ adminGrant: null })).toBe(false);
  });

  it('withholds the grant from a session that has not passed it, unless it came through SSO', () => {
    const user = { adminGrant: 'hr' };
    expect(effectiveGrant(user, { mfaVerifiedAt: null, authMethod: 'password' })).toBeNull();
    expect(effectiveGrant(user, { mfaVerifiedAt: new Date(), authMethod: 'password' })).toBe('hr');
    expect(effectiveGrant(user, { mfaVerifiedAt: null, authMethod: 'sso' })).toBe('hr');
  });

  it('lets district admins reset others at or below their grant, never themselves; nobody else', () => {
    expect(canResetSecondFactor(actor('district_admin'), { personId: 'other', adminGrant: 'district_admin' })).toBe(true);
    expect(canResetSecondFactor(actor('district_admin'), { personId: 'other', adminGrant: null })).toBe(true);
    expect(canResetSecondFactor(actor('district_admin'), { personId: 'me', adminGrant: 'district_admin' })).toBe(false);
    expect(canResetSecondFactor(actor('hr'), { personId: 'other', adminGrant: null })).toBe(false);
    expect(canResetSecondFactor(actor(null), { personId: 'other', adminGrant: null })).toBe(false);
  });
});
