import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '../../../../common/clock.ts';
import { INITIATIVE_LIMITS } from '../../../../common/implementation.ts';
import type { InviteGuestInput } from '../../../../common/schemas/initiatives.ts';
import { personSearchText } from '../../../../common/search.ts';
import { initiativeGuests, people, users } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, invalidField, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { createPasswordLink, revokePasswordLinks } from '../../auth/password-reset.ts';
import { deleteUserSessions } from '../../auth/sessions.ts';
import { districtToday } from '../../coaching/refs.ts';
import { loadForManage } from './initiatives.ts';

/**
 * Vendor and developer partners' guest accounts. A guest is a person with a user and no role
 * assignment, no roster id and an `initiative_guests` row: role-based lists, trackers and pickers
 * never meet them (they hold no role anywhere), the directory leaves them out, and the roster
 * import never deactivates them (it only touches people with a sourcedId). The account works
 * until `expiresOn` (inclusive) unless revoked; the session query refuses it afterwards.
 */

const guestColumns = {
  id: initiativeGuests.id,
  personId: initiativeGuests.personId,
  userId: initiativeGuests.userId,
  givenName: people.givenName,
  familyName: people.familyName,
  email: users.email,
  expiresOn: initiativeGuests.expiresOn,
  revokedAt: initiativeGuests.revokedAt,
  passwordHash: users.passwordHash,
  version: initiativeGuests.version,
};

type GuestRow = { [K in keyof typeof guestColumns]: (typeof guestColumns)[K]['_']['data'] | null } & {
  id: string;
  expiresOn: string;
};

function presentGuest(r: GuestRow, today: string) {
  return {
    id: r.id,
    personId: r.personId!,
    givenName: r.givenName!,
    familyName: r.familyName!,
    email: r.email!,
    expiresOn: r.expiresOn,
    revokedAt: r.revokedAt ? r.revokedAt.toISOString() : null,
    state: r.revokedAt ? ('revoked' as const) : r.expiresOn < today ? ('expired' as const) : ('active' as const),
    accepted: Boolean(r.passwordHash),
    version: r.version!,
  };
}

function guestQuery(ctx: Ctx, initiativeId: string, guestId?: string) {
  return ctx.db
    .select(guestColumns)
    .from(initiativeGuests)
    .innerJoin(people, eq(people.id, initiativeGuests.personId))
    .innerJoin(users, eq(users.id, initiativeGuests.userId))
    .where(
      and(
        eq(initiativeGuests.districtId, ctx.actor.districtId),
        eq(initiativeGuests.initiativeId, initiativeId),
        guestId ? eq(initiativeGuests.id, guestId) : undefined,
      ),
    );
}

export async function listGuests(ctx: Ctx, initiativeId: string) {
  const initiative = await loadForManage(ctx, initiativeId);
  const [rows, { today }] = await Promise.all([
    guestQuery(ctx, initiative.id).orderBy(asc(people.familyName), asc(people.givenName)),
    districtToday(ctx.db, ctx.actor.districtId),
  ]);
  return { items: rows.map((r) => presentGuest(r as GuestRow, today)) };
}

/**
 * Invites a partner's person: a person (no role), their account without a password, the guest row,
 * and the invitation e-mail whose link lets them choose one (the people invitation flow). The
 * last day must be from today to INITIATIVE_LIMITS.guestMaxDays ahead (400 naming `expiresOn`);
 * an e-mail another account of the district holds is 409.
 */
export async function inviteGuest(ctx: Ctx, initiativeId: string, input: InviteGuestInput) {
  const initiative = await loadForManage(ctx, initiativeId);
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(ctx.db, districtId);
  if (input.expiresOn < today) throw invalidField('expiresOn', 'the last day cannot be in the past');
  if (input.expiresOn > addDays(today, INITIATIVE_LIMITS.guestMaxDays))
    throw invalidField('expiresOn', `a guest account runs at most ${INITIATIVE_LIMITS.guestMaxDays} days`);
  const { mail, guestId } = await ctx.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, input.email), eq(users.districtId, districtId)));
    if (taken)
      throw new AppError('conflict', 'Another account in this district has this e-mail address', {
        code: 'email_in_district',
        current: null,
      });
    const names = { givenName: input.givenName, familyName: input.familyName };
    const [person] = await tx
      .insert(people)
      .values({ districtId, ...names, email: input.email, searchText: personSearchText({ ...names, email: input.email }) })
      .returning();
    const [user] = await tx.insert(users).values({ districtId, personId: person!.id, email: input.email }).returning();
    const [guest] = await tx
      .insert(initiativeGuests)
      .values({
        districtId,
        initiativeId: initiative.id,
        userId: user!.id,
        personId: person!.id,
        expiresOn: input.expiresOn,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, [
      { action: 'person.create', entityType: 'person', entityId: person!.id, after: person },
      { action: 'user.create', entityType: 'user', entityId: user!.id, after: user },
      { action: 'initiative_guest.invite', entityType: 'initiative_guest', entityId: guest!.id, after: guest },
    ]);
    const held = await createPasswordLink(tx, { ...user!, givenName: person!.givenName }, 'invitation', ctx.mail.publicUrl);
    return { mail: held, guestId: guest!.id };
  });
  ctx.mail.sendHeld(mail);
  return loadGuest(ctx, initiative.id, guestId);
}

async function loadGuest(ctx: Ctx, initiativeId: string, guestId: string) {
  const [[row], { today }] = await Promise.all([guestQuery(ctx, initiativeId, guestId), districtToday(ctx.db, ctx.actor.districtId)]);
  if (!row) throw notFound('Guest');
  return presentGuest(row as GuestRow, today);
}

/** Ends a guest's access now: sets revokedAt, ends their sessions and open links. 409 on a stale version. */
export async function revokeGuest(ctx: Ctx, initiativeId: string, guestId: string, version: number) {
  const initiative = await loadForManage(ctx, initiativeId);
  const before = await loadGuest(ctx, initiative.id, guestId);
  if (before.version !== version) throw conflict(before);
  if (before.revokedAt) return before;
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(initiativeGuests)
      .set({ revokedAt: new Date(), version: version + 1, updatedAt: new Date() })
      .where(and(eq(initiativeGuests.id, guestId), eq(initiativeGuests.version, version)))
      .returning();
    if (!after) throw conflict(before);
    await deleteUserSessions(tx, after.userId);
    await revokePasswordLinks(tx, after.userId);
    await recordAudit(tx, ctx, { action: 'initiative_guest.revoke', entityType: 'initiative_guest', entityId: guestId, before, after });
  });
  return loadGuest(ctx, initiative.id, guestId);
}
