import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { districts } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { keepsPasswordSignIn } from '../../../policies/sso.ts';
import { recordAudit } from '../../audit.ts';
import { signInSettingsOf } from '../sign-in-settings.ts';

/** True when this user may not use a password: their district turned it off and they are no district admin. */
export async function passwordSignInOff(db: Executor, user: { districtId: string; adminGrant: string | null }) {
  if (keepsPasswordSignIn(user)) return false;
  return !(await signInSettingsOf(db, user.districtId)).passwordSignIn;
}

/**
 * For the password sign-in, after the password was found right (so nothing is revealed to someone
 * who does not know it): refuses, audited, when the user's district signs in by SSO only. The
 * answer names the district so the page can offer its SSO buttons.
 */
export async function assertPasswordSignInAllowed(
  db: Executor,
  user: { id: string; districtId: string; adminGrant: string | null },
  requestId: string,
) {
  if (!(await passwordSignInOff(db, user))) return;
  const [district] = await db.select({ slug: districts.slug }).from(districts).where(eq(districts.id, user.districtId));
  await recordAudit(
    db,
    { requestId, actor: { userId: user.id, districtId: user.districtId } },
    {
      action: 'auth.password_sign_in_refused',
      entityType: 'user',
      entityId: user.id,
      after: { reason: 'sso_required' },
    },
  );
  throw new AppError('forbidden', 'Your district signs in with single sign-on', {
    reason: 'sso_required',
    district: district?.slug ?? null,
  });
}
