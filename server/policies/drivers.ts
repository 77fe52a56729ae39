import type { Driver } from '../../common/implementation.ts';
import type { DriverAbilities } from '../../common/schemas/driver-plans.ts';
import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';
import { isGuest } from './implementation.ts';

/**
 * Who does what on an initiative's drivers (plans, training, coaching). Everyone in the district
 * reads them (the initiative is loaded through `loadInitiative`, which answers a guest 404). HR,
 * admins and current members of the initiative's district implementation team edit every driver
 * plan; a plan's owner edits that plan. Training sessions are run by the plan editors and the
 * training plan's owner (the district's trainer lead); they, and school leaders, record attendance.
 * Coaching assignments and coaching-system reviews: the plan editors and the coaching plan's owner.
 */
export interface DriverFacts {
  /** A current member of a district implementation team of this initiative. */
  districtTeamMember: boolean;
  /** Drivers of this initiative whose plan the actor owns. */
  ownedDrivers: Driver[];
}

/** May the actor edit every driver plan of the initiative? */
export const canEditDriverPlans = (actor: Actor, f: DriverFacts) => !isGuest(actor) && (isHrOrAdmin(actor) || f.districtTeamMember);

/** May the actor edit this driver's plan (editors, or its owner)? */
export function canEditDriverPlan(actor: Actor, f: DriverFacts, plan: { ownerPersonId: string | null }): boolean {
  if (isGuest(actor)) return false;
  return canEditDriverPlans(actor, f) || (plan.ownerPersonId !== null && plan.ownerPersonId === actor.personId);
}

/** May the actor create and edit the initiative's training sessions? */
export const canManageTraining = (actor: Actor, f: DriverFacts) =>
  canEditDriverPlans(actor, f) || (!isGuest(actor) && f.ownedDrivers.includes('training'));

/** May the actor record who attended a training session (trainers, HR, admins, school leaders)? */
export const canRecordAttendance = (actor: Actor, f: DriverFacts) =>
  canManageTraining(actor, f) || (!isGuest(actor) && actor.leaderOrgUnitIds.length > 0);

/** May the actor assign initiative coaching and record coaching-system reviews? */
export const canManageInitiativeCoaching = (actor: Actor, f: DriverFacts) =>
  canEditDriverPlans(actor, f) || (!isGuest(actor) && f.ownedDrivers.includes('coaching'));

export const driverAbilities = (actor: Actor, f: DriverFacts): DriverAbilities => ({
  editPlans: canEditDriverPlans(actor, f),
  manageTraining: canManageTraining(actor, f),
  recordAttendance: canRecordAttendance(actor, f),
  manageCoaching: canManageInitiativeCoaching(actor, f),
});
