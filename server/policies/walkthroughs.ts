import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * The walkthrough report: HR and district admins for any school (or the whole district), school
 * leaders for the schools they lead (another school: 404). Coaches and staff: 403 (coaching is not
 * evaluation; the report compares classrooms of a school).
 */
export const canReadAnyWalkthroughReport = (actor: Actor) => isHrOrAdmin(actor) || actor.leaderOrgUnitIds.length > 0;

export const canReadWalkthroughReportAt = (actor: Actor, schoolId: string | null) =>
  isHrOrAdmin(actor) || (schoolId !== null && actor.leaderOrgUnitIds.includes(schoolId));
