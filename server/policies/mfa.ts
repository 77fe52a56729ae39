import { accessRank, type AccessRole } from '../../common/roles.ts';
import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin, isHrOrAdmin } from './app.ts';

const isGrant = (grant: string | null): grant is 'hr' | 'district_admin' => grant === 'hr' || grant === 'district_admin';

/** Why a person must sign in with a second factor: their grant (HR, district admin), their district's setting, or not at all. */
export type SecondFactorReason = 'access' | 'district' | null;

/**
 * Why this user must sign in with a second factor: anyone whose access comes from an admin grant
 * (HR, district admin) always; everyone else when their district requires it of everyone.
 */
export function secondFactorRequiredBy(user: { adminGrant: string | null }, district: { requireTwoFactor: boolean }): SecondFactorReason {
  if (isGrant(user.adminGrant)) return 'access';
  return district.requireTwoFactor ? 'district' : null;
}

/** Whether this user must sign in with a second factor (see `secondFactorRequiredBy`). */
export const secondFactorRequired = (user: { adminGrant: string | null }, district: { requireTwoFactor: boolean }) =>
  secondFactorRequiredBy(user, district) !== null;

/** Whether this user's grant waits for a second factor in a session (HR and district admins). */
export const grantNeedsSecondFactor = (user: { adminGrant: string | null }) => isGrant(user.adminGrant);

/**
 * A session passed the second factor when its sign-in recorded one: a code at Trellis, or the
 * identity provider's multi-factor sign-in (`providerMultiFactor`). How it was opened does not count.
 */
export const sessionPassedSecondFactor = (session: { mfaVerifiedAt: Date | null }) => session.mfaVerifiedAt !== null;

/**
 * The grant a session may use: none while its user's grant needs a second factor and the session
 * has not passed one (it keeps what the person's roles give, and the app asks for the code).
 */
export function effectiveGrant(user: { adminGrant: string | null }, session: { mfaVerifiedAt: Date | null }) {
  return grantNeedsSecondFactor(user) && !sessionPassedSecondFactor(session) ? null : user.adminGrant;
}

/**
 * The kind of factor each RFC 8176 authentication method is: something known, something held,
 * something one is. Methods that are no factor of their own (`user` presence, `rba` risk, `geo`,
 * `mca` channels, `wia` Windows sign-in of unknown kind, `kba` questions, which NIST SP 800-63B
 * does not accept as an authenticator) are left out and never count.
 */
const FACTOR_KIND: Record<string, 'knows' | 'has' | 'is'> = {
  pwd: 'knows',
  pin: 'knows',
  otp: 'has',
  sms: 'has',
  tel: 'has',
  hwk: 'has',
  swk: 'has',
  sc: 'has',
  pop: 'has',
  fpt: 'is',
  face: 'is',
  iris: 'is',
  retina: 'is',
  vbm: 'is',
};

/**
 * Whether an ID token's `amr` claim (RFC 8176) shows a multi-factor sign-in: it says `mfa`, or it
 * names methods of two different kinds of factor (`pwd` + `otp`, `hwk` + `pin`, `swk` + `fpt`...).
 * One kind, however many methods (`otp` + `sms`), is one factor.
 * @example amrShowsMultiFactor(['pwd', 'otp']) // true
 */
export function amrShowsMultiFactor(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const methods = amr.filter((m): m is string => typeof m === 'string');
  if (methods.includes('mfa')) return true;
  return new Set(methods.map((m) => FACTOR_KIND[m]).filter(Boolean)).size >= 2;
}

/**
 * Whether an SSO sign-in counts as two-factor, and on what evidence: the ID token's `amr` claim
 * (`'amr'`), or the district admin's attestation that the provider enforces multi-factor sign-in
 * for everyone (`'attested'`); null for a single-factor sign-in, which then goes on to Trellis's
 * own code step when the person needs (or has) a second factor, exactly as after a password.
 */
export function providerMultiFactor(input: { amr: unknown; enforcesMfa: boolean }): 'amr' | 'attested' | null {
  if (amrShowsMultiFactor(input.amr)) return 'amr';
  return input.enforcesMfa ? 'attested' : null;
}

/** HR and admins see whether a person uses two-factor sign-in (they manage people's accounts). */
export const canViewSecondFactor = (actor: Actor) => isHrOrAdmin(actor);

/**
 * A district admin resets another person's factor (lost phone): never their own (that would
 * let a stolen session drop the factor that protects it), never someone whose grant is higher.
 */
export function canResetSecondFactor(actor: Actor, target: { personId: string; adminGrant: string | null }) {
  if (!isDistrictAdmin(actor) || target.personId === actor.personId) return false;
  const rank = (grant: string | null) => (isGrant(grant) ? accessRank(grant as AccessRole) : -1);
  return rank(target.adminGrant) <= rank(actor.adminGrant);
}
