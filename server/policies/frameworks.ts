import type { VersionStatus } from '../../common/competency.ts';
import type { Actor } from '../lib/actor.ts';
import { isHrOrAdmin } from './app.ts';

/**
 * Competency architecture. HR and district admins edit frameworks, scales, pathways and rubrics;
 * design-team members (framework collaborators) comment on drafts; everyone in the district reads
 * published and retired versions; nobody outside the editors and the design team sees a draft
 * (it answers 404, as if it did not exist).
 */
export const canEditFrameworks = (actor: Actor) => isHrOrAdmin(actor);

/**
 * A vendor guest (issue 14) sees only the framework of its initiative's practice profile, and
 * edits that framework's drafts (its fidelity tool); nothing else of the district's frameworks.
 */
const guestFramework = (actor: Actor, frameworkId: string | undefined) =>
  Boolean(actor.guestInitiativeId) && frameworkId !== undefined && frameworkId === actor.guestFrameworkId;

export interface VersionAccess {
  districtId: string;
  status: VersionStatus | string;
  /** Whether the actor is on the framework's design team. */
  isCollaborator: boolean;
  /** The version's framework: a guest reads only its initiative's profile framework. */
  frameworkId?: string;
}

export function canReadVersion(actor: Actor, v: VersionAccess): boolean {
  if (v.districtId !== actor.districtId) return false;
  if (actor.guestInitiativeId) return guestFramework(actor, v.frameworkId);
  return v.status !== 'draft' || canEditFrameworks(actor) || v.isCollaborator;
}

export function versionAbilities(actor: Actor, v: VersionAccess) {
  const editor = canEditFrameworks(actor);
  const draft = v.status === 'draft';
  return {
    /** Change the version, its items, associations and rubrics (drafts only); a guest reaches only the rubric routes. */
    edit: (editor || guestFramework(actor, v.frameworkId)) && draft,
    publish: editor && draft,
    /** Start the next draft from this published version. */
    newVersion: editor && v.status === 'published',
    retire: editor && v.status === 'published',
    comment: draft && (editor || v.isCollaborator),
    resolveComments: editor && draft,
    manageDesignTeam: editor,
  };
}

/** Scales and pathways: everyone in the district reads them, editors change them. */
export function catalogAbilities(actor: Actor) {
  const editor = canEditFrameworks(actor);
  return { update: editor, deactivate: editor };
}
