import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { personSearchText } from '../../../common/search.ts';
import type { Db } from '../../db/client.ts';
import { districts, orgUnits, passwordResets, people, roleAssignments, users } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { hashToken, newToken } from '../auth/tokens.ts';

/** How long the first admin's set-password link lives: long enough to reach the right person. */
export const FIRST_ADMIN_LINK_TTL_MS = 7 * 24 * 3600_000;

export interface CreateDistrictInput {
  name: string;
  /** Lower-case letters, digits and hyphens; unique across the deployment. */
  slug: string;
  /** IANA time zone, e.g. America/Chicago. */
  timeZone: string;
  admin: { email: string; givenName: string; familyName: string };
}

/** Checks the operator's input; throws a validation error naming each problem. */
export function checkDistrictInput(input: CreateDistrictInput): void {
  const problems: { path: string; message: string }[] = [];
  if (!input.name.trim()) problems.push({ path: 'name', message: 'Give the district a name' });
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug)) problems.push({ path: 'slug', message: 'Use lower-case letters, digits and hyphens' });
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: input.timeZone });
  } catch {
    problems.push({ path: 'timeZone', message: `Unknown time zone ${input.timeZone}` });
  }
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.admin.email))
    problems.push({ path: 'adminEmail', message: 'Give the first admin a valid e-mail address' });
  if (!input.admin.givenName.trim() || !input.admin.familyName.trim())
    problems.push({ path: 'adminName', message: 'Give the first admin a given and a family name' });
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => p.message).join('; '), problems);
}

/**
 * Creates a district with its root org unit and its first district admin (a person with the
 * district-administrator role and a user holding the district_admin grant, without a password),
 * audited, in one transaction. Returns a one-time set-password link for the operator to hand over;
 * only the token's hash is stored. Refuses a slug or e-mail already in use (409 conflict).
 */
export async function createDistrict(db: Db, input: CreateDistrictInput, publicUrl: string) {
  checkDistrictInput(input);
  const email = input.admin.email.trim().toLowerCase();
  const token = newToken();
  const created = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.slug, input.slug));
    if (taken)
      throw new AppError('conflict', `A district with the slug "${input.slug}" already exists; nothing was created`, { current: null });
    const [used] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (used) throw new AppError('conflict', `An account already uses ${email}; nothing was created`, { current: null });
    const districtId = randomUUID();
    await tx.insert(districts).values({ id: districtId, name: input.name.trim(), slug: input.slug, timeZone: input.timeZone });
    const [root] = await tx.insert(orgUnits).values({ districtId, name: input.name.trim(), type: 'district' }).returning();
    const names = { givenName: input.admin.givenName.trim(), familyName: input.admin.familyName.trim(), email };
    const [person] = await tx
      .insert(people)
      .values({ districtId, ...names, searchText: personSearchText(names) })
      .returning();
    await tx
      .insert(roleAssignments)
      .values({ districtId, personId: person!.id, orgUnitId: root!.id, role: 'district_administrator', isPrimary: true });
    const [user] = await tx.insert(users).values({ districtId, personId: person!.id, email, adminGrant: 'district_admin' }).returning();
    await tx
      .insert(passwordResets)
      .values({ userId: user!.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + FIRST_ADMIN_LINK_TTL_MS) });
    const ctx = { requestId: 'cli:district:create', actor: { userId: null, districtId } };
    await recordAudit(tx, ctx, [
      {
        action: 'district.create',
        entityType: 'district',
        entityId: districtId,
        after: { name: input.name.trim(), slug: input.slug, timeZone: input.timeZone },
      },
      { action: 'person.create', entityType: 'person', entityId: person!.id, after: person },
      { action: 'user.create', entityType: 'user', entityId: user!.id, after: user },
      {
        action: 'user.set_admin_grant',
        entityType: 'person',
        entityId: person!.id,
        before: { adminGrant: null },
        after: { adminGrant: 'district_admin' },
      },
    ]);
    return { districtId, personId: person!.id, userId: user!.id, email };
  });
  return {
    ...created,
    link: `${publicUrl.replace(/\/$/, '')}/reset-password?token=${token}`,
    expiresAt: new Date(Date.now() + FIRST_ADMIN_LINK_TTL_MS),
  };
}
