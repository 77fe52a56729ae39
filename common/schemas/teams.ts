import { z } from 'zod';
import { GRADE_CODES } from '../grades.ts';
import { IsoDate, Uuid, VersionInput } from './common.ts';

/** What a team is for: grade-level team, department, instructional leadership team, any other named group. */
export const TEAM_KINDS = ['grade_level', 'department', 'ilt', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_ROLES = ['lead', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const PersonRef = z.object({ id: Uuid, givenName: z.string(), familyName: z.string(), preferredName: z.string().nullable() });
export type PersonRef = z.infer<typeof PersonRef>;

/** A membership period: `endsOn` is the first day the person is no longer on the team (null: goes on). */
export const TeamMember = z.object({
  id: Uuid,
  person: PersonRef,
  role: z.enum(TEAM_ROLES),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  current: z.boolean(),
  version: z.number().int(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const Team = z.object({
  id: Uuid,
  school: z.object({ id: Uuid, name: z.string() }),
  kind: z.enum(TEAM_KINDS),
  name: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  current: z.boolean(),
  version: z.number().int(),
  leads: z.array(PersonRef),
  memberCount: z.number().int(),
  abilities: z.object({ manage: z.boolean() }),
});
export type Team = z.infer<typeof Team>;

export const TeamDetail = Team.extend({
  /** Every membership period, current first, then the history (ended rows). */
  members: z.array(TeamMember),
});
export type TeamDetail = z.infer<typeof TeamDetail>;

export const TeamListQuery = z.object({
  schoolId: Uuid,
  /** Include teams that have ended. */
  includeEnded: z.coerce.boolean().default(false),
});
export const TeamList = z.object({
  items: z.array(Team),
  abilities: z.object({ create: z.boolean() }),
});

const Dates = { startsOn: IsoDate.optional(), endsOn: IsoDate.nullable().optional() };

export const CreateTeamInput = z.object({
  schoolId: Uuid,
  kind: z.enum(TEAM_KINDS),
  name: z.string().trim().min(1).max(120),
  ...Dates,
});

export const UpdateTeamInput = VersionInput.extend({
  kind: z.enum(TEAM_KINDS).optional(),
  name: z.string().trim().min(1).max(120).optional(),
  /** Ends the team on this day (exclusive); its members and history stay. */
  endsOn: IsoDate.nullable().optional(),
  /** The current member who leads the team afterwards (other leads become members); null for no lead. */
  leadMemberId: Uuid.nullable().optional(),
});

export const AddTeamMemberInput = z.object({ personId: Uuid, role: z.enum(TEAM_ROLES).default('member'), ...Dates });

/** Ends a membership on a day (the first day they are no longer on the team); defaults to today. */
export const EndPeriodInput = VersionInput.extend({ endsOn: IsoDate.optional() });

/** Makes a current member the lead (or back): their row ends today and a new one starts. */
export const ChangeTeamRoleInput = VersionInput.extend({ role: z.enum(TEAM_ROLES) });

/** Adds everyone holding a current role of these kinds in the team's school. */
export const AddTeamMembersByRoleInput = z.object({ roles: z.array(z.string().min(1)).min(1).max(20), startsOn: IsoDate.optional() });

export const BulkResult = z.object({ added: z.number().int(), unchanged: z.number().int() });

// ---------- CSV imports (teams and caseloads share the shape) ----------

/** A CSV sent as text; `dryRun` checks every row and writes nothing. */
export const CsvImportInput = z.object({ csv: z.string().max(2_000_000), dryRun: z.boolean().default(true) });

export const CsvRowError = z.object({
  /** Line in the file (the header is line 1). */
  line: z.number().int(),
  /** i18n key under `teams:import.error.` */
  code: z.string(),
  field: z.string().optional(),
  value: z.string().optional(),
});
export type CsvRowError = z.infer<typeof CsvRowError>;

export const CsvImportResult = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  counts: z.object({ create: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  errors: z.array(CsvRowError),
});
export type CsvImportResult = z.infer<typeof CsvImportResult>;

// ---------- Grade-level teams from the roster ----------

/**
 * Creates or fills one grade-level team per grade with everyone holding one of `roles` at the
 * school today whose roster grades include that grade. Each team is named by the caller (in their
 * language); a current team of the school with that name is filled rather than made anew.
 */
export const GradeTeamsInput = z.object({
  schoolId: Uuid,
  roles: z.array(z.string().min(1)).min(1).max(20).default(['teacher']),
  teams: z
    .array(z.object({ grade: z.enum(GRADE_CODES), name: z.string().trim().min(1).max(120) }))
    .min(1)
    .max(20),
  startsOn: IsoDate.optional(),
  /** Shows who would be added and writes nothing. */
  dryRun: z.boolean().default(true),
});

export const GradeTeamsResult = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  teams: z.array(
    z.object({
      grade: z.enum(GRADE_CODES),
      name: z.string(),
      /** The team filled; null when it is new (and, on a dry run, not made yet). */
      teamId: Uuid.nullable(),
      add: z.array(PersonRef),
      /** People of the grade already on the team. */
      unchanged: z.number().int(),
    }),
  ),
  counts: z.object({ newTeams: z.number().int(), added: z.number().int(), unchanged: z.number().int() }),
});
export type GradeTeamsResult = z.infer<typeof GradeTeamsResult>;
