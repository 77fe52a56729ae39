/**
 * Networks (regions): an org unit of type `network` groups the schools that name it as their parent.
 * Whoever holds a school-leader role in a network (an instructional superintendent) leads every
 * school in it, as if they held that role in each; nothing of another network.
 */

/** A current role assignment as the session loads it: the unit, and the schools in it when it is a network. */
export interface ScopedAssignment {
  role: string;
  orgUnitId: string;
  /** Active schools whose parent is this unit, when the unit is a network; empty otherwise. */
  networkSchoolIds?: string[];
}

/**
 * The org units a school-leader assignment reaches: its own unit and, for a network, its schools.
 *
 * @example leaderReach({ role: 'instructional_superintendent', orgUnitId: 'n1', networkSchoolIds: ['s1', 's2'] }) // ['n1', 's1', 's2']
 */
export function leaderReach(assignment: ScopedAssignment): string[] {
  return [assignment.orgUnitId, ...(assignment.networkSchoolIds ?? [])];
}

/** The leader scope of all assignments that give school-leader access, without repeats. */
export function leaderOrgUnits(assignments: ScopedAssignment[], isLeaderRole: (role: string) => boolean): string[] {
  const units = new Set<string>();
  for (const a of assignments) if (isLeaderRole(a.role)) for (const id of leaderReach(a)) units.add(id);
  return [...units];
}
