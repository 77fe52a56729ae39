import { and, eq } from 'drizzle-orm';
import type { AdminGrant } from '../../../common/roles.ts';
import { users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalidState } from '../../lib/errors.ts';
import { personAbilities } from '../../policies/people.ts';
import { recordAudit } from '../audit.ts';
import { sendPasswordLink } from '../auth/password-reset.ts';
import { loadReadablePerson, personView } from './load.ts';

/**
 * Lets a person sign in: creates their account from their e-mail (if none) and e-mails a
 * seven-day link to choose a password. Resending works until they have set one.
 */
export async function invitePerson(ctx: Ctx, personId: string, publicUrl: string) {
  const { person } = await loadReadablePerson(ctx, personId);
  if (!personAbilities(ctx.actor).invite) throw forbidden();
  if (!person.active) throw invalidState('Reactivate this person before inviting them');
  if (!person.email) throw invalidState('Add an e-mail address before inviting this person');
  await ctx.db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.personId, personId));
    if (user?.passwordHash) throw invalidState('This person already has an account; they can reset their password');
    if (!user) {
      // E-mails are unique across districts, whose accounts this request cannot read (row-level
      // security): the unique key answers for them.
      [user] = await tx.insert(users).values({ districtId: ctx.actor.districtId, personId, email: person.email! }).onConflictDoNothing({ target: users.email }).returning();
      if (!user) throw new AppError('conflict', 'Another account already uses this e-mail address', { current: null });
      await recordAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: user!.id, after: user });
    }
    await sendPasswordLink(tx, { ...user!, givenName: person.givenName }, 'invitation', publicUrl);
    await recordAudit(tx, ctx, { action: 'person.invite', entityType: 'person', entityId: personId, after: { email: user!.email } });
  });
  return personView(ctx, personId);
}

/** Gives or takes HR / district-admin access (district admins only; never their own). */
export async function setAdminGrant(ctx: Ctx, personId: string, adminGrant: AdminGrant | null) {
  await loadReadablePerson(ctx, personId);
  if (!personAbilities(ctx.actor).grantAccess) throw forbidden();
  if (personId === ctx.actor.personId) throw invalidState('Ask another district admin to change your own access');
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.personId, personId), eq(users.districtId, ctx.actor.districtId)));
    if (!user) throw invalidState('Invite this person before giving them access');
    await tx.update(users).set({ adminGrant, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, ctx, { action: 'user.set_admin_grant', entityType: 'person', entityId: personId, before: { adminGrant: user.adminGrant }, after: { adminGrant } });
  });
  return personView(ctx, personId);
}

