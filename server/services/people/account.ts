import { and, eq } from 'drizzle-orm';
import type { AdminGrant } from '../../../common/roles.ts';
import { users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden, invalidState } from '../../lib/errors.ts';
import { personAbilities } from '../../policies/people.ts';
import { recordAudit } from '../audit.ts';
import { createPasswordLink } from '../auth/password-reset.ts';
import { loadReadablePerson, personView } from './load.ts';

/**
 * Lets a person sign in: creates their account from their e-mail (if none) and e-mails a
 * seven-day link to choose a password. Resending works until they have set one, and revokes the
 * earlier link. The link's base comes from configuration (`ctx.mail.publicUrl`).
 */
export async function invitePerson(ctx: Ctx, personId: string) {
  const { person, adminGrant } = await loadReadablePerson(ctx, personId);
  if (!personAbilities(ctx.actor, { adminGrant }).invite) throw forbidden();
  if (!person.active) throw invalidState('Reactivate this person before inviting them');
  if (!person.email) throw invalidState('Add an e-mail address before inviting this person');
  const mail = await ctx.db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.personId, personId));
    if (user?.passwordHash) throw invalidState('This person already has an account; they can reset their password');
    if (!user) {
      // Only this district's accounts are looked at: another district's account with this e-mail
      // must not show here (the invitee learns of it when choosing a password).
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, person.email!), eq(users.districtId, ctx.actor.districtId)));
      if (taken)
        throw new AppError('conflict', 'Another person in this district has an account with this e-mail address', {
          code: 'email_in_district',
          current: null,
        });
      [user] = await tx.insert(users).values({ districtId: ctx.actor.districtId, personId, email: person.email! }).returning();
      await recordAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: user!.id, after: user });
    }
    const held = await createPasswordLink(tx, { ...user!, givenName: person.givenName }, 'invitation', ctx.mail.publicUrl);
    await recordAudit(tx, ctx, { action: 'person.invite', entityType: 'person', entityId: personId, after: { email: user!.email } });
    return held;
  });
  ctx.mail.sendHeld(mail);
  return personView(ctx, personId);
}

/** Gives or takes HR / district-admin access (district admins only; never their own). */
export async function setAdminGrant(ctx: Ctx, personId: string, adminGrant: AdminGrant | null) {
  const { adminGrant: current } = await loadReadablePerson(ctx, personId);
  if (!personAbilities(ctx.actor, { adminGrant: current }).grantAccess) throw forbidden();
  if (personId === ctx.actor.personId) throw invalidState('Ask another district admin to change your own access');
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.personId, personId), eq(users.districtId, ctx.actor.districtId)));
    if (!user) throw invalidState('Invite this person before giving them access');
    await tx.update(users).set({ adminGrant, updatedAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, ctx, {
      action: 'user.set_admin_grant',
      entityType: 'person',
      entityId: personId,
      before: { adminGrant: user.adminGrant },
      after: { adminGrant },
    });
  });
  return personView(ctx, personId);
}
