import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { personSearchText } from '../../../common/search.ts';
import type { CreatePersonInput, UpdatePersonInput } from '../../../common/schemas/people.ts';
import type { Tx } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden } from '../../lib/errors.ts';
import { canCreatePerson, personAbilities } from '../../policies/people.ts';
import { presentPerson } from '../../presenters/people.ts';
import { recordAudit } from '../audit.ts';
import { endAccessOf } from '../auth/end-access.ts';
import { loadReadablePerson, personView } from './load.ts';

/** Adds a staff member by hand (HR and admins). */
export async function createPerson(ctx: Ctx, input: z.infer<typeof CreatePersonInput>) {
  if (!canCreatePerson(ctx.actor)) throw forbidden();
  const id = await ctx.db.transaction(async (tx) => {
    const values = { ...input, email: input.email?.toLowerCase() ?? null };
    const [row] = await tx
      .insert(people)
      .values({ ...values, districtId: ctx.actor.districtId, searchText: personSearchText(values) })
      .returning();
    await recordAudit(tx, ctx, { action: 'person.create', entityType: 'person', entityId: row!.id, after: row });
    return row!.id;
  });
  return personView(ctx, id);
}

/**
 * Edits a person if `version` is still the current one; otherwise 409 with the current person,
 * so the second of two admins editing at once sees what the first saved.
 */
export async function updatePerson(ctx: Ctx, id: string, input: z.infer<typeof UpdatePersonInput>) {
  return changePerson(ctx, id, input.version, 'person.update', (current) => {
    const { version: _version, ...fields } = input;
    const next = { ...current, ...fields, email: fields.email === undefined ? current.email : (fields.email?.toLowerCase() ?? null) };
    return { ...fields, email: next.email, searchText: personSearchText(next) };
  });
}

/**
 * Deactivates or reactivates a person; nobody is ever deleted. Deactivation also ends their
 * sessions, calendar feeds and set-password links, which reactivation does not bring back.
 */
export async function setPersonActive(ctx: Ctx, id: string, version: number, active: boolean) {
  const afterWrite = active ? undefined : (tx: Tx) => endAccessOf(tx, ctx.actor.districtId, [id]);
  return changePerson(ctx, id, version, active ? 'person.reactivate' : 'person.deactivate', () => ({ active }), afterWrite);
}

async function changePerson(
  ctx: Ctx,
  id: string,
  version: number,
  action: string,
  change: (current: typeof people.$inferSelect) => Partial<typeof people.$inferInsert>,
  afterWrite?: (tx: Tx) => Promise<void>,
) {
  const { person: current, assignments, adminGrant } = await loadReadablePerson(ctx, id);
  const abilities = personAbilities(ctx.actor, { adminGrant });
  if (!(action.endsWith('activate') ? abilities.deactivate : abilities.update)) throw forbidden();
  if (current.version !== version) throw conflict(presentPerson(ctx.actor, current, assignments, adminGrant));
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(people)
      .set({ ...change(current), version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(people.id, id), eq(people.districtId, ctx.actor.districtId), eq(people.version, version)))
      .returning();
    if (!updated) {
      // Another write landed between the read and this update.
      const { person: latest, assignments: latestRoles } = await loadReadablePerson(ctx, id, tx);
      throw conflict(presentPerson(ctx.actor, latest, latestRoles, adminGrant));
    }
    await afterWrite?.(tx);
    await recordAudit(tx, ctx, { action, entityType: 'person', entityId: id, before: current, after: updated });
  });
  return personView(ctx, id);
}
