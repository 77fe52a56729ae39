import type { AppAbilities } from '../../common/schemas/auth.ts';
import type { Actor } from '../lib/actor.ts';
import { canRaiseBarrier } from './action-plans.ts';
import { canCoachAnyone } from './coaching.ts';
import { canManageObservationSettings, canObserveAnyone } from './observations.ts';
import { canManageInitiatives } from './implementation.ts';
import { canManagePerformance, canViewCompletion } from './performance.ts';
import { canManageAnyTeams } from './teams.ts';

export const isDistrictAdmin = (actor: Actor) => actor.adminGrant === 'district_admin';
export const isHrOrAdmin = (actor: Actor) => actor.adminGrant === 'district_admin' || actor.adminGrant === 'hr';

/** The app-wide abilities sent with the session; every route checks the same predicates. */
export function appAbilities(actor: Actor): AppAbilities {
  return {
    viewPeople: isHrOrAdmin(actor) || actor.access === 'school_leader' || actor.access === 'coach',
    managePeople: isHrOrAdmin(actor),
    manageOrgUnits: isDistrictAdmin(actor),
    importRoster: isDistrictAdmin(actor),
    viewAudit: isDistrictAdmin(actor),
    viewOutbox: isDistrictAdmin(actor),
    manageJobs: isDistrictAdmin(actor),
    manageNotificationSettings: isDistrictAdmin(actor),
    manageFrameworks: isHrOrAdmin(actor),
    observe: canObserveAnyone(actor),
    coach: canCoachAnyone(actor),
    viewTracker: isHrOrAdmin(actor) || actor.access === 'school_leader' || actor.access === 'coach' || actor.caseloadPersonIds.length > 0,
    viewDistrictTracker: isHrOrAdmin(actor),
    manageObservationSettings: canManageObservationSettings(actor),
    manageTeams: canManageAnyTeams(actor),
    caseloads: canCoachAnyone(actor) || canManageAnyTeams(actor),
    managePerformance: canManagePerformance(actor),
    viewPerformanceCompletion: canViewCompletion(actor),
    manageInitiatives: canManageInitiatives(actor),
    raiseBarriers: canRaiseBarrier(actor),
  };
}
