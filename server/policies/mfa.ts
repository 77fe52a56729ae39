import { accessRank, type AccessRole } from '../../common/roles.ts';
import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin, isHrOrAdmin } from './app.ts';

const isGrant = (grant: string | null): grant is 'hr' | 'district_admin' => grant === 'hr' || grant === 'district_admin';

/** Anyone whose access comes from an admin grant (HR, district admin) must sign in with a second factor. */
export const secondFactorRequired = (user: { adminGrant: string | null }) => isGrant(user.adminGrant);

/** A session passed the second factor when it took a code, or was opened by SSO (the provider's MFA counts). */
export const sessionPassedSecondFactor = (session: { mfaVerifiedAt: Date | null; authMethod: string }) =>
  session.mfaVerifiedAt !== null || session.authMethod === 'sso';

/**
 * The grant a session may use: none while its user must have a second factor and the session has
 * not passed one (it keeps what the person's roles give, and the app asks for the code).
 */
export function effectiveGrant(user: { adminGrant: string | null }, session: { mfaVerifiedAt: Date | null; authMethod: string }) {
  return secondFactorRequired(user) && !sessionPassedSecondFactor(session) ? null : user.adminGrant;
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
