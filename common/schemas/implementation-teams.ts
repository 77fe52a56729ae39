import { z } from 'zod';
import { DRIVERS, IMPLEMENTATION_TEAM_KINDS, IMPLEMENTATION_TEAM_ROLES } from '../implementation.ts';
import { IsoDate, Uuid, VersionInput } from './common.ts';
import { PersonRef } from './teams.ts';

/**
 * Implementation teams (district, school, talent management), their members, meetings, decisions
 * and action items. Not the school's grade-level teams (schemas/teams.ts).
 */

const DateTime = z.iso.datetime({ offset: true });
const Name = z.string().trim().min(1).max(200);
const LongText = z.string().max(10_000);
const Ref = z.object({ id: Uuid, name: z.string() });

export const ImplementationTeamMember = z.object({
  id: Uuid,
  person: PersonRef,
  role: z.enum(IMPLEMENTATION_TEAM_ROLES),
  startsOn: IsoDate,
  /** The first day they are no longer on the team; null: goes on. */
  endsOn: IsoDate.nullable(),
  current: z.boolean(),
  version: z.number().int(),
});
export type ImplementationTeamMember = z.infer<typeof ImplementationTeamMember>;

export const ImplementationTeam = z.object({
  id: Uuid,
  kind: z.enum(IMPLEMENTATION_TEAM_KINDS),
  name: z.string(),
  orgUnit: Ref,
  initiative: Ref.nullable(),
  reportsTo: Ref.nullable(),
  termsOfReference: z.string(),
  reportsWhat: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  facilitators: z.array(PersonRef),
  memberCount: z.number().int(),
  abilities: z.object({
    /** Edit the team itself (name, terms of reference, reports-to). */
    edit: z.boolean(),
    /** Add, end and change the role of members. */
    manageMembers: z.boolean(),
    /** Hold meetings and record decisions and action items (current members). */
    editRecords: z.boolean(),
  }),
});
export type ImplementationTeam = z.infer<typeof ImplementationTeam>;

export const MeetingSummary = z.object({
  id: Uuid,
  meetsAt: DateTime,
  agenda: z.string(),
  reviewed: z.boolean(),
  decisions: z.number().int(),
  openActionItems: z.number().int(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const ImplementationTeamDetail = ImplementationTeam.extend({
  /** Current members first (facilitator first), then ended memberships. */
  members: z.array(ImplementationTeamMember),
  /** Teams that report to this one. */
  reportingTeams: z.array(Ref),
  /** Newest first. */
  meetings: z.array(MeetingSummary),
});
export type ImplementationTeamDetail = z.infer<typeof ImplementationTeamDetail>;

export const ImplementationTeamListQuery = z.object({
  initiativeId: Uuid.optional(),
  orgUnitId: Uuid.optional(),
  includeInactive: z.coerce.boolean().default(false),
});
export const ImplementationTeamList = z.object({
  items: z.array(ImplementationTeam),
  /** The district's active initiatives, for the team form's picker. */
  initiatives: z.array(Ref),
  /** May the caller create district teams (HR, admins); school teams of their schools (leaders). */
  abilities: z.object({ createDistrictTeams: z.boolean(), createSchoolTeamsAt: z.array(Uuid) }),
});
export type ImplementationTeamList = z.infer<typeof ImplementationTeamList>;

const TeamFields = {
  name: Name,
  /** The district's org unit for district and talent-management teams; a school for school teams. */
  orgUnitId: Uuid,
  /** The initiative it leads; a school team's school must be covered by it. */
  initiativeId: Uuid.nullable().optional(),
  termsOfReference: LongText.optional(),
  /** A district team of the same district (not the team itself). */
  reportsToTeamId: Uuid.nullable().optional(),
  reportsWhat: LongText.optional(),
};

export const CreateImplementationTeamInput = z.object({ kind: z.enum(IMPLEMENTATION_TEAM_KINDS), ...TeamFields });
export type CreateImplementationTeamInput = z.infer<typeof CreateImplementationTeamInput>;

export const UpdateImplementationTeamInput = VersionInput.extend({
  name: Name.optional(),
  orgUnitId: Uuid.optional(),
  initiativeId: TeamFields.initiativeId,
  termsOfReference: TeamFields.termsOfReference,
  reportsToTeamId: TeamFields.reportsToTeamId,
  reportsWhat: TeamFields.reportsWhat,
  /** False retires the team (its records stay). */
  active: z.boolean().optional(),
});
export type UpdateImplementationTeamInput = z.infer<typeof UpdateImplementationTeamInput>;

/** Adds several people in one role; anyone already a current member is left as they are. */
export const AddImplementationMembersInput = z.object({
  personIds: z.array(Uuid).min(1).max(200),
  role: z.enum(IMPLEMENTATION_TEAM_ROLES).default('member'),
  startsOn: IsoDate.optional(),
});
export const AddImplementationMembersResult = z.object({ added: z.number().int(), unchanged: z.number().int() });

/** A new role: the current row ends today and a new one starts today. */
export const ChangeImplementationRoleInput = VersionInput.extend({ role: z.enum(IMPLEMENTATION_TEAM_ROLES) });
export const EndImplementationMemberInput = VersionInput.extend({ endsOn: IsoDate.optional() });

// ---------- Meetings, decisions, action items ----------

export const MeetingDataReview = z.object({
  takenAt: DateTime,
  fidelity: z.object({
    checks: z.number().int(),
    atFidelityPct: z.number().nullable(),
    /** Fewer than FIDELITY_MIN_GROUP people checked: the share at fidelity is withheld (absent in snapshots before it). */
    suppressed: z.boolean().optional(),
    byComponent: z.array(
      z.object({ itemId: Uuid, title: z.string(), averagePct: z.number().nullable(), suppressed: z.boolean().optional() }),
    ),
  }),
  observations: z.object({ published: z.number().int() }),
  coaching: z.object({ sessions: z.number().int(), people: z.number().int() }),
  training: z.object({ sessions: z.number().int(), attended: z.number().int() }),
  workSamples: z.string(),
});

export const Decision = z.object({
  id: Uuid,
  text: z.string(),
  driver: z.enum(DRIVERS).nullable(),
  createdAt: DateTime,
});
export type Decision = z.infer<typeof Decision>;

export const ActionItem = z.object({
  id: Uuid,
  teamId: Uuid,
  meetingId: Uuid.nullable(),
  decisionId: Uuid.nullable(),
  text: z.string(),
  owner: PersonRef,
  dueOn: IsoDate,
  doneAt: DateTime.nullable(),
  version: z.number().int(),
});
export type ActionItem = z.infer<typeof ActionItem>;

export const Meeting = z.object({
  id: Uuid,
  team: z.object({ id: Uuid, name: z.string(), kind: z.enum(IMPLEMENTATION_TEAM_KINDS) }),
  meetsAt: DateTime,
  agenda: z.string(),
  notes: z.string(),
  dataReview: MeetingDataReview.nullable(),
  version: z.number().int(),
  /**
   * Grows with every change to the meeting, its decisions and its action items: the id of its live
   * `meeting.changed` events (GET .../live), which a page compares to know it must refetch.
   */
  revision: z.number().int(),
  updatedAt: DateTime,
  decisions: z.array(Decision),
  actionItems: z.array(ActionItem),
  abilities: z.object({ edit: z.boolean() }),
});
export type Meeting = z.infer<typeof Meeting>;

export const CreateMeetingInput = z.object({ meetsAt: DateTime, agenda: LongText.default('') });
export const UpdateMeetingInput = VersionInput.extend({
  meetsAt: DateTime.optional(),
  agenda: LongText.optional(),
  notes: LongText.optional(),
});
/** Snapshots the team's data into the meeting (taken again, it replaces the earlier snapshot). */
export const TakeDataReviewInput = VersionInput.extend({ workSamples: LongText.default('') });

export const DecisionInput = z.object({ text: z.string().trim().min(1).max(5_000), driver: z.enum(DRIVERS).nullable().default(null) });

export const ActionItemInput = z.object({
  text: z.string().trim().min(1).max(2_000),
  /** A person of the district. */
  ownerPersonId: Uuid,
  dueOn: IsoDate,
  /** A decision of the same meeting. */
  decisionId: Uuid.nullable().optional(),
});
export const UpdateActionItemInput = VersionInput.extend({
  text: ActionItemInput.shape.text.optional(),
  ownerPersonId: Uuid.optional(),
  dueOn: IsoDate.optional(),
  done: z.boolean().optional(),
});

export const OpenActionItemsQuery = z.object({ initiativeId: Uuid });
export const OpenActionItem = ActionItem.extend({ teamName: z.string(), overdue: z.boolean() });
export const OpenActionItems = z.object({ items: z.array(OpenActionItem) });
export type OpenActionItems = z.infer<typeof OpenActionItems>;
