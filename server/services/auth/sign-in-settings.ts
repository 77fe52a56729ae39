import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { districtSignInSettings, sessions, ssoProviders } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState } from '../../lib/errors.ts';
import { canManageSignIn, passwordsOffBlockedBy } from '../../policies/sso.ts';
import { recordAudit } from '../audit.ts';

/** How a district's people sign in: passwords allowed, and whether everyone needs a second factor. */
export interface SignInSettings {
  passwordSignIn: boolean;
  requireTwoFactor: boolean;
  version: number;
}

const DEFAULTS: SignInSettings = { passwordSignIn: true, requireTwoFactor: false, version: 1 };

/** A district's sign-in settings (defaults when it never changed them). */
export async function signInSettingsOf(db: Executor, districtId: string): Promise<SignInSettings> {
  const [row] = await db
    .select({
      passwordSignIn: districtSignInSettings.passwordSignIn,
      requireTwoFactor: districtSignInSettings.requireTwoFactor,
      version: districtSignInSettings.version,
    })
    .from(districtSignInSettings)
    .where(eq(districtSignInSettings.districtId, districtId));
  return row ?? DEFAULTS;
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
 * Changes the caller's district's sign-in settings (district admins; optimistic version): password
 * sign-in on or off (off needs an enabled provider and a session the admin opened through SSO:
 * policies/sso.ts), and two-factor sign-in required of everyone or only of HR and admins. The
 * fields given change; audited with what they were.
 */
export async function updateSignInSettings(
  ctx: Ctx,
  input: { version: number; passwordSignIn?: boolean; requireTwoFactor?: boolean },
  sessionId: string,
) {
  if (!canManageSignIn(ctx.actor)) throw forbidden();
  const districtId = ctx.actor.districtId;
  await ctx.db.transaction(async (tx) => {
    const current = await signInSettingsOf(tx, districtId);
    if (current.version !== input.version) throw conflict(current);
    const changes: Partial<Pick<SignInSettings, 'passwordSignIn' | 'requireTwoFactor'>> = {};
    if (input.passwordSignIn !== undefined && input.passwordSignIn !== current.passwordSignIn)
      changes.passwordSignIn = input.passwordSignIn;
    if (input.requireTwoFactor !== undefined && input.requireTwoFactor !== current.requireTwoFactor)
      changes.requireTwoFactor = input.requireTwoFactor;
    if (Object.keys(changes).length === 0) return;
    if (changes.passwordSignIn === false) {
      const blockedBy = passwordsOffBlockedBy({
        enabledProviders: await enabledProviderCount(tx, districtId),
        sessionAuthMethod: await sessionAuthMethod(tx, sessionId),
      });
      if (blockedBy)
        throw invalidState('Password sign-in can be turned off only after signing in with single sign-on', { reason: blockedBy });
    }
    const next = { ...current, ...changes, version: current.version + 1 };
    await tx
      .insert(districtSignInSettings)
      .values({ districtId, passwordSignIn: next.passwordSignIn, requireTwoFactor: next.requireTwoFactor, version: next.version })
      .onConflictDoUpdate({ target: districtSignInSettings.districtId, set: { ...changes, version: next.version, updatedAt: new Date() } });
    const before = Object.fromEntries(Object.keys(changes).map((key) => [key, current[key as keyof typeof changes]]));
    await recordAudit(tx, ctx, { action: 'sign_in_settings.update', entityType: 'district', entityId: districtId, before, after: changes });
  });
}
