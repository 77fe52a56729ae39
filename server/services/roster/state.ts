import { and, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits, people, roleAssignments } from '../../db/schema/index.ts';

/** What the district already holds, keyed the way a roster file refers to it. */
export interface DistrictState {
  orgsBySourcedId: Map<string, typeof orgUnits.$inferSelect>;
  orgsByIdentifier: Map<string, typeof orgUnits.$inferSelect>;
  peopleBySourcedId: Map<string, typeof people.$inferSelect>;
  rolesBySourcedId: Map<string, typeof roleAssignments.$inferSelect>;
}

/** Loads every org unit, person and role assignment of the district that a roster can match. */
export async function loadDistrictState(db: Executor, districtId: string): Promise<DistrictState> {
  // One after another: on a transaction's single connection they would queue anyway.
  const orgRows = await db.select().from(orgUnits).where(eq(orgUnits.districtId, districtId));
  const peopleRows = await db.select().from(people).where(and(eq(people.districtId, districtId), isNotNull(people.sourcedId)));
  const roleRows = await db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), isNotNull(roleAssignments.sourcedId)));
  const state: DistrictState = {
    orgsBySourcedId: new Map(),
    orgsByIdentifier: new Map(),
    peopleBySourcedId: new Map(),
    rolesBySourcedId: new Map(),
  };
  for (const o of orgRows) {
    if (o.sourcedId) state.orgsBySourcedId.set(o.sourcedId, o);
    if (o.identifier) state.orgsByIdentifier.set(o.identifier.toLowerCase(), o);
  }
  for (const p of peopleRows) state.peopleBySourcedId.set(p.sourcedId!, p);
  for (const r of roleRows) state.rolesBySourcedId.set(r.sourcedId!, r);
  return state;
}
