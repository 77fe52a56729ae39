import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * Team goals, school priorities, team reflections and 1:1s. A school's leaders (a role in the
 * school, or in a network above it: `leaderOrgUnitIds` holds both), HR and admins write a school's
 * priorities and goals; everyone with a current role in the school reads them. District goals:
 * HR and admins write, anyone of the district reads. A team's reflection: its current leads and
 * members and the school's leaders read, the leads and the school's leaders write (HR and admins
 * read). A 1:1: only its leader, its member and HR.
 */

/** Does the actor lead the school (or a network above it), or is HR / an admin? */
export const leadsSchool = (actor: Actor, schoolId: string) => isHrOrAdmin(actor) || actor.leaderOrgUnitIds.includes(schoolId);

/** May the actor read a school's priorities and goals? `actorUnitIds`: the actor's current org units. */
export const canReadSchoolGoals = (actor: Actor, schoolId: string, actorUnitIds: string[]) =>
  leadsSchool(actor, schoolId) || actorUnitIds.includes(schoolId);

/** May the actor write district goals? */
export const canWriteDistrictGoals = (actor: Actor) => isHrOrAdmin(actor);

/** May the actor write a team's goals: the school's leaders, HR, admins, and the team's current leads. */
export const canWriteTeamGoals = (actor: Actor, schoolId: string, leadsTeam: boolean) => leadsSchool(actor, schoolId) || leadsTeam;

/** Team reflection: who reads and who writes (`role`: the actor's current place on the team). */
export function reflectionAbilities(actor: Actor, schoolId: string, role: 'lead' | 'member' | null) {
  const schoolLeader = actor.leaderOrgUnitIds.includes(schoolId);
  return {
    read: schoolLeader || role !== null || isHrOrAdmin(actor),
    write: schoolLeader || role === 'lead',
  };
}

/** A 1:1 is seen by its two people and HR only (not other leaders, not coaches, not admins). */
export function canReadOneOnOne(actor: Actor, row: { districtId: string; leaderPersonId: string; memberPersonId: string }) {
  if (row.districtId !== actor.districtId) return false;
  return row.leaderPersonId === actor.personId || row.memberPersonId === actor.personId || actor.adminGrant === 'hr';
}

/** The two people edit the agenda, decisions and notes; only the leader deletes. */
export function oneOnOneAbilities(actor: Actor, row: { districtId: string; leaderPersonId: string; memberPersonId: string }) {
  const mine = row.districtId === actor.districtId;
  const leader = mine && row.leaderPersonId === actor.personId;
  return { edit: leader || (mine && row.memberPersonId === actor.personId), delete: leader };
}
