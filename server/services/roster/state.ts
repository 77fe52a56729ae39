import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { PlacementRefusal } from '../../../common/schemas/placements.ts';
import type { Executor } from '../../db/client.ts';
import { orgUnits, pathwaySteps, people, roleAssignments, stepPlacements } from '../../db/schema/index.ts';
import { stepsForPlacement } from '../placements/eligibility.ts';

/** What the district already holds, keyed the way a roster file refers to it. */
export interface DistrictState {
  orgsBySourcedId: Map<string, typeof orgUnits.$inferSelect>;
  orgsByIdentifier: Map<string, typeof orgUnits.$inferSelect>;
  peopleBySourcedId: Map<string, typeof people.$inferSelect>;
  rolesBySourcedId: Map<string, typeof roleAssignments.$inferSelect>;
  /** Career steps by lower-cased code (the staff spreadsheet's step_code), with why one takes no placement. */
  stepsByCode: Map<string, { id: string; refusal: PlacementRefusal | null }>;
  /** The open step placement of each person who has one. */
  openPlacements: Map<string, { id: string; stepId: string; startDate: string; version: number }>;
}

/** Loads every org unit, person and role assignment of the district that a roster can match. */
export async function loadDistrictState(db: Executor, districtId: string): Promise<DistrictState> {
  // One after another: on a transaction's single connection they would queue anyway.
  const orgRows = await db.select().from(orgUnits).where(eq(orgUnits.districtId, districtId));
  const peopleRows = await db
    .select()
    .from(people)
    .where(and(eq(people.districtId, districtId), isNotNull(people.sourcedId)));
  const roleRows = await db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), isNotNull(roleAssignments.sourcedId)));
  const state: DistrictState = {
    orgsBySourcedId: new Map(),
    orgsByIdentifier: new Map(),
    peopleBySourcedId: new Map(),
    rolesBySourcedId: new Map(),
    stepsByCode: new Map(),
    openPlacements: new Map(),
  };
  const coded = await db
    .select({ id: pathwaySteps.id })
    .from(pathwaySteps)
    .where(and(eq(pathwaySteps.districtId, districtId), isNotNull(pathwaySteps.code)));
  for (const s of await stepsForPlacement(db, districtId, { ids: coded.map((c) => c.id) })) {
    state.stepsByCode.set(s.code!.toLowerCase(), { id: s.id, refusal: s.refusal });
  }
  const open = await db
    .select({
      id: stepPlacements.id,
      personId: stepPlacements.personId,
      stepId: stepPlacements.stepId,
      startDate: stepPlacements.startDate,
      version: stepPlacements.version,
    })
    .from(stepPlacements)
    .where(and(eq(stepPlacements.districtId, districtId), isNull(stepPlacements.endDate)));
  for (const { personId, ...p } of open) state.openPlacements.set(personId, p);
  for (const o of orgRows) {
    if (o.sourcedId) state.orgsBySourcedId.set(o.sourcedId, o);
    if (o.identifier) state.orgsByIdentifier.set(o.identifier.toLowerCase(), o);
  }
  for (const p of peopleRows) state.peopleBySourcedId.set(p.sourcedId!, p);
  for (const r of roleRows) state.rolesBySourcedId.set(r.sourcedId!, r);
  return state;
}
