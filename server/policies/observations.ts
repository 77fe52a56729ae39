import type { ObservationPurpose } from '../../common/observation.ts';
import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * Who may observe whom and read what. "Coaching is not evaluation": a scored observation by a
 * school leader, HR or an admin is an evaluation record, which coaches never see; a coach's
 * observation or a walkthrough is a development record, shared with the teacher's caseload coaches.
 * Drafts belong to the observer and co-observer only. Everything outside the rules is 404.
 */

/** The teacher being observed, with the org units of their current role assignments. */
export interface ObservedPerson {
  id: string;
  districtId: string;
  currentOrgUnitIds: string[];
}

/** The fields of an observation the rules look at. */
export interface ObservationAccessRow {
  districtId: string;
  observedPersonId: string;
  observerPersonId: string;
  coObserverPersonId: string | null;
  orgUnitId: string | null;
  status: string;
  purpose: string;
}

/** May the actor start observations at all (coaches, school leaders, HR, admins)? Else 403. */
export function canObserveAnyone(actor: Actor): boolean {
  return isHrOrAdmin(actor) || actor.access === 'school_leader' || actor.access === 'coach';
}

function leadsSchoolOf(actor: Actor, person: ObservedPerson): boolean {
  return person.currentOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id));
}

/** May the actor observe this person? Outside their scope the person does not exist for them (404). */
export function canObservePerson(actor: Actor, person: ObservedPerson): boolean {
  if (person.districtId !== actor.districtId || person.id === actor.personId) return false;
  if (isHrOrAdmin(actor)) return true;
  return leadsSchoolOf(actor, person) || actor.caseloadPersonIds.includes(person.id);
}

/** The purpose an observation gets when this actor starts one of this kind of this person. */
export function observationPurpose(actor: Actor, kind: string, person: ObservedPerson): ObservationPurpose {
  if (kind !== 'scored') return 'development';
  return isHrOrAdmin(actor) || leadsSchoolOf(actor, person) ? 'evaluation' : 'development';
}

function isObserver(actor: Actor, row: ObservationAccessRow): boolean {
  return row.observerPersonId === actor.personId || row.coObserverPersonId === actor.personId;
}

/** The school leaders' scope: the school the observation was in, or the teacher's current schools. */
function leadsObservation(actor: Actor, row: ObservationAccessRow, observedOrgUnitIds: string[]): boolean {
  return (
    (row.orgUnitId !== null && actor.leaderOrgUnitIds.includes(row.orgUnitId)) ||
    observedOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id))
  );
}

/** May the actor read this observation? `observedOrgUnitIds`: the teacher's current org units. */
export function canReadObservation(actor: Actor, row: ObservationAccessRow, observedOrgUnitIds: string[]): boolean {
  if (row.districtId !== actor.districtId) return false;
  if (isObserver(actor, row)) return true;
  if (row.status !== 'published') return false;
  if (row.observedPersonId === actor.personId) return true;
  if (isHrOrAdmin(actor)) return true;
  if (leadsObservation(actor, row, observedOrgUnitIds)) return true;
  return row.purpose === 'development' && actor.caseloadPersonIds.includes(row.observedPersonId);
}

/** What the actor may do with an observation they can read. */
export function observationAbilities(actor: Actor, row: ObservationAccessRow) {
  const observer = isObserver(actor, row);
  const draft = row.status === 'draft';
  const published = row.status === 'published';
  const teacher = row.observedPersonId === actor.personId;
  return {
    /** Edit the draft (observer or co-observer). */
    edit: observer && draft,
    publish: row.observerPersonId === actor.personId && draft,
    /** Edit after publishing: a new revision is kept and the teacher is told. */
    revise: row.observerPersonId === actor.personId && published,
    /** Delete a draft that was never published. */
    discard: row.observerPersonId === actor.personId && draft,
    scheduleFeedback: observer && published,
    acknowledge: teacher && published,
    reply: (teacher || observer) && published,
    addActionSteps: observer,
  };
}

/** Action steps: the teacher, whoever agreed them, the teacher's school leaders and caseload coaches, HR and admins. */
export interface ActionStepAccessRow {
  districtId: string;
  personId: string;
  createdByPersonId: string | null;
}

export function canReadActionStep(actor: Actor, row: ActionStepAccessRow, personOrgUnitIds: string[]): boolean {
  if (row.districtId !== actor.districtId) return false;
  if (row.personId === actor.personId || row.createdByPersonId === actor.personId || isHrOrAdmin(actor)) return true;
  return personOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id)) || actor.caseloadPersonIds.includes(row.personId);
}

export function actionStepAbilities(actor: Actor, row: ActionStepAccessRow) {
  const supporter = row.personId !== actor.personId;
  return {
    /** The teacher moves it to practicing; everyone who can read it may move it on. */
    changeStatus: true,
    /** Only those supporting the teacher mark it mastered or edit its wording and due date. */
    markMastered: supporter,
    edit: supporter,
  };
}

/** District non-negotiables, observation types and the action-step library: HR and admins. */
export const canManageObservationSettings = (actor: Actor) => isHrOrAdmin(actor);
/** The district school calendar (terms and non-school days): district admins and HR. */
export const canManageSchoolCalendar = (actor: Actor) => isHrOrAdmin(actor);
