import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { districts, districtSignInSettings, sessions, ssoProviders } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState } from '../../../lib/errors.ts';
import { canManageSignIn, keepsPasswordSignIn, passwordsOffBlockedBy } from '../../../policies/sso.ts';
import { recordAudit } from '../../audit.ts';

/** A district's sign-in settings (defaults when it never changed them). */
export async function signInSettingsOf(db: Executor, districtId: string) {
  const [row] = await db
    .select({ passwordSignIn: districtSignInSettings.passwordSignIn, version: districtSignInSettings.version })
    .from(districtSignInSettings)
    .where(eq(districtSignInSettings.districtId, districtId));
  return row ?? { passwordSignIn: true, version: 1 };
}

/** How many of the district's providers are enabled. */
export async function enabledProviderCount(db: Executor, districtId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(ssoProviders)
    .where(and(eq(ssoProviders.districtId, districtId), eq(ssoProviders.enabled, true)));
  return row?.n ?? 0;
}

/** How the caller's current session was opened ('password' or 'sso'). */
export async function sessionAuthMethod(db: Executor, sessionId: string) {
  const [row] = await db.select({ authMethod: sessions.authMethod }).from(sessions).where(eq(sessions.id, sessionId));
  return row?.authMethod ?? null;
}

/**
 * Turns password sign-in on or off for the caller's district (district admins). Off needs an
 * enabled provider and a session the admin opened through SSO (policies/sso.ts). Audited.
 */
export async function updateSignInSettings(ctx: Ctx, input: { version: number; passwordSignIn: boolean }, sessionId: string) {
  if (!canManageSignIn(ctx.actor)) throw forbidden();
  const districtId = ctx.actor.districtId;
  await ctx.db.transaction(async (tx) => {
    const current = await signInSettingsOf(tx, districtId);
    if (current.version !== input.version) throw conflict(current);
    if (current.passwordSignIn === input.passwordSignIn) return;
    if (!input.passwordSignIn) {
      const blockedBy = passwordsOffBlockedBy({
        enabledProviders: await enabledProviderCount(tx, districtId),
        sessionAuthMethod: await sessionAuthMethod(tx, sessionId),
      });
      if (blockedBy) throw invalidState('Password sign-in can be turned off only after signing in with single sign-on', { reason: blockedBy });
    }
    await tx
      .insert(districtSignInSettings)
      .values({ districtId, passwordSignIn: input.passwordSignIn, version: current.version + 1 })
      .onConflictDoUpdate({
        target: districtSignInSettings.districtId,
        set: { passwordSignIn: input.passwordSignIn, version: current.version + 1, updatedAt: new Date() },
      });
    await recordAudit(tx, ctx, {
      action: 'sign_in_settings.update',
      entityType: 'district',
      entityId: districtId,
      before: { passwordSignIn: current.passwordSignIn },
      after: { passwordSignIn: input.passwordSignIn },
    });
  });
}

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
export async function assertPasswordSignInAllowed(db: Executor, user: { id: string; districtId: string; adminGrant: string | null }, requestId: string) {
  if (!(await passwordSignInOff(db, user))) return;
  const [district] = await db.select({ slug: districts.slug }).from(districts).where(eq(districts.id, user.districtId));
  await recordAudit(db, { requestId, actor: { userId: user.id, districtId: user.districtId } }, {
    action: 'auth.password_sign_in_refused',
    entityType: 'user',
    entityId: user.id,
    after: { reason: 'sso_required' },
  });
  throw new AppError('forbidden', 'Your district signs in with single sign-on', { reason: 'sso_required', district: district?.slug ?? null });
}
