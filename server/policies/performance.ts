import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * Who may see and do what in performance management. The person, their evaluator, the leaders of
 * their school (the plan's school or a current one), HR and admins. Coaches see none of it; a
 * caseload coach sees only goals and focus areas the person shared with their coach
 * (`canReadSharedGoals`). Everything outside the rules is 404. Coaching stays apart: nothing here
 * reads coaching notes.
 */

/** The fields of a plan the rules look at. */
export interface PlanAccessRow {
  districtId: string;
  personId: string;
  evaluatorPersonId: string | null;
  orgUnitId: string | null;
  status: string;
}

/** May the actor manage cycles, templates, expectations and imports (HR and district admins)? */
export const canManagePerformance = (actor: Actor) => isHrOrAdmin(actor);

const leadsSchoolOf = (actor: Actor, row: Pick<PlanAccessRow, 'orgUnitId'>, personOrgUnitIds: string[]) =>
  (row.orgUnitId !== null && actor.leaderOrgUnitIds.includes(row.orgUnitId)) ||
  personOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id));

/** Is the actor the plan's evaluator, a leader of the person's school, HR or an admin? */
export function supervisesPlan(actor: Actor, row: PlanAccessRow, personOrgUnitIds: string[]): boolean {
  if (row.districtId !== actor.districtId || row.personId === actor.personId) return false;
  return isHrOrAdmin(actor) || row.evaluatorPersonId === actor.personId || leadsSchoolOf(actor, row, personOrgUnitIds);
}

/** May the actor read the whole plan? `personOrgUnitIds`: the person's current org units. */
export function canReadPlan(actor: Actor, row: PlanAccessRow, personOrgUnitIds: string[]): boolean {
  if (row.districtId !== actor.districtId) return false;
  return row.personId === actor.personId || supervisesPlan(actor, row, personOrgUnitIds);
}

/** May a caseload coach read the goals and focus areas the person shared with them (only those)? */
export const canReadSharedGoals = (actor: Actor, row: PlanAccessRow) =>
  row.districtId === actor.districtId && actor.caseloadPersonIds.includes(row.personId);

const ORDER = ['self_assessment', 'goal_setting', 'submitted', 'approved', 'signed', 'reviewed', 'acknowledged'];
const atLeast = (status: string, least: string) => ORDER.indexOf(status) >= ORDER.indexOf(least);

/** What the actor may do with a plan they can read. Nothing is final: reopening undoes signing. */
export function planAbilities(actor: Actor, row: PlanAccessRow, personOrgUnitIds: string[]) {
  const self = row.districtId === actor.districtId && row.personId === actor.personId;
  const supervisor = supervisesPlan(actor, row, personOrgUnitIds);
  const unsigned = !atLeast(row.status, 'signed');
  return {
    selfAssess: self && unsigned,
    editPlan: (self || supervisor) && unsigned,
    submit: self && (row.status === 'self_assessment' || row.status === 'goal_setting'),
    approve: supervisor && row.status === 'submitted',
    returnToPerson: supervisor && row.status === 'submitted',
    sign: (self || supervisor) && row.status === 'approved',
    reopen: supervisor && atLeast(row.status, 'signed'),
    checkIn: (self || supervisor) && atLeast(row.status, 'signed'),
    review: supervisor && atLeast(row.status, 'signed') && row.status !== 'acknowledged',
    acknowledge: self && row.status === 'reviewed',
  };
}
export type PlanAbilities = ReturnType<typeof planAbilities>;

/** The fields of a professionalism concern or improvement plan the rules look at. */
export interface ConcernAccessRow {
  districtId: string;
  personId: string;
  /** Who raised the concern or owns the improvement plan. */
  ownerPersonId: string;
}

/**
 * Professionalism concerns and improvement plans: the person (to see and respond), who raised or
 * owns it, the leaders of the person's current schools, HR and admins. Never coaches as coaches.
 */
export function canReadConcern(actor: Actor, row: ConcernAccessRow, personOrgUnitIds: string[]): boolean {
  if (row.districtId !== actor.districtId) return false;
  if (row.personId === actor.personId || row.ownerPersonId === actor.personId || isHrOrAdmin(actor)) return true;
  return personOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id));
}

/** May the actor document a concern about, or open an improvement plan for, this person? */
export function canRaiseConcern(actor: Actor, personId: string, personOrgUnitIds: string[]): boolean {
  if (personId === actor.personId) return false;
  return isHrOrAdmin(actor) || personOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id));
}

/** May the actor see the completion view: HR and admins over the district, leaders over their schools. */
export const canViewCompletion = (actor: Actor) => isHrOrAdmin(actor) || actor.leaderOrgUnitIds.length > 0;
