import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * Who may see and do what in implementation (initiatives, stages, teams, drivers, fidelity, PDSA).
 * HR and district admins manage initiatives; everyone in the district reads an initiative's page (it
 * shows aggregates only); a vendor guest reaches its one initiative and nothing else (404 elsewhere).
 * Fidelity of one person is not evaluation: see `canReadPersonFidelity`.
 */

export const isGuest = (actor: Actor) => Boolean(actor.guestInitiativeId);

/** May the actor create initiatives and edit their profile, coverage, waves, funding and guests? */
export const canManageInitiatives = (actor: Actor) => !isGuest(actor) && isHrOrAdmin(actor);

/** May the actor read this initiative's page (aggregates)? A guest only its own initiative. */
export function canReadInitiative(actor: Actor, row: { districtId: string; id: string }): boolean {
  if (row.districtId !== actor.districtId) return false;
  return !isGuest(actor) || actor.guestInitiativeId === row.id;
}
