import { and, eq } from 'drizzle-orm';
import { mfaChallenges, people, sessions, users } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalidState } from '../../../lib/errors.ts';
import { canResetSecondFactor, canViewSecondFactor, secondFactorRequiredBy } from '../../../policies/mfa.ts';
import { recordAudit } from '../../audit.ts';
import { loadReadablePerson } from '../../people/load.ts';
import { signInSettingsOf } from '../sign-in-settings.ts';
import { deleteFactor, loadAccount } from './account-rows.ts';
import { queueSecurityNotice } from './notify.ts';

/** The person's account and factor, for HR and admins (404 outside the caller's district or scope). */
async function personAccount(ctx: Ctx, personId: string) {
  const { person } = await loadReadablePerson(ctx, personId);
  if (!canViewSecondFactor(ctx.actor)) throw forbidden();
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.personId, person.id), eq(users.districtId, ctx.actor.districtId)));
  return { person, account: user ? await loadAccount(ctx.db, user.id) : null };
}

/** Whether a person uses two-factor sign-in, and whether the caller may reset it. */
export async function personTwoFactor(ctx: Ctx, personId: string) {
  const { person, account } = await personAccount(ctx, personId);
  const enrolled = Boolean(account?.factor);
  const requiredBy = account ? secondFactorRequiredBy(account.user, await signInSettingsOf(ctx.db, ctx.actor.districtId)) : null;
  return {
    enrolled,
    required: requiredBy !== null,
    requiredBy,
    enrolledAt: account?.factor?.createdAt.toISOString() ?? null,
    abilities: { reset: enrolled && canResetSecondFactor(ctx.actor, { personId: person.id, adminGrant: account!.user.adminGrant }) },
  };
}

/**
 * A district admin resets another person's factor (a lost phone): the factor and recovery codes go,
 * every session of theirs ends, and they set up an app again at their next sign-in. Audited on the
 * person; the person is told by e-mail.
 */
export async function resetTwoFactor(ctx: Ctx, personId: string) {
  const { person, account } = await personAccount(ctx, personId);
  if (!canResetSecondFactor(ctx.actor, { personId: person.id, adminGrant: account?.user.adminGrant ?? null })) {
    throw forbidden(person.id === ctx.actor.personId ? 'Ask another district admin to reset your own two-factor sign-in' : undefined);
  }
  if (!account?.factor) throw invalidState('This person has no two-factor sign-in to reset');
  const [admin] = await ctx.db
    .select({ givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(eq(people.id, ctx.actor.personId));
  await ctx.db.transaction(async (tx) => {
    await deleteFactor(tx, account.user.id);
    await tx.delete(mfaChallenges).where(eq(mfaChallenges.userId, account.user.id));
    await tx.delete(sessions).where(eq(sessions.userId, account.user.id));
    await recordAudit(tx, ctx, {
      action: 'user.mfa_reset',
      entityType: 'person',
      entityId: person.id,
      before: { method: 'totp', enrolledAt: account.factor!.createdAt.toISOString() },
    });
    await queueSecurityNotice(tx, account, 'reset', { admin: admin ? `${admin.givenName} ${admin.familyName}` : '' });
  });
  return personTwoFactor(ctx, personId);
}
