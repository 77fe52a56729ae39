import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';
import { PersonRef } from './teams.ts';

/** One coachee on a coach's caseload for a period (`endsOn` exclusive; null while it goes on). */
export const CaseloadAssignment = z.object({
  id: Uuid,
  coach: PersonRef,
  coachee: PersonRef,
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  current: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ end: z.boolean() }),
});
export type CaseloadAssignment = z.infer<typeof CaseloadAssignment>;

/** People a team lead coaches through their team (not assignments: they follow the team's rows). */
export const TeamCoachee = z.object({ person: PersonRef, team: z.object({ id: Uuid, name: z.string() }), since: IsoDate });

export const CaseloadListQuery = z.object({
  /** Whose caseload (default: the caller's own). */
  coachPersonId: Uuid.optional(),
  /** Every coach of this coachee instead. */
  personId: Uuid.optional(),
  includeEnded: z.coerce.boolean().default(false),
});

export const CaseloadList = z.object({
  items: z.array(CaseloadAssignment),
  teamCoachees: z.array(TeamCoachee),
  abilities: z.object({ assign: z.boolean() }),
});

const Dates = { startsOn: IsoDate.optional(), endsOn: IsoDate.nullable().optional() };

export const AssignCoacheeInput = z.object({ coachPersonId: Uuid, personId: Uuid, ...Dates });

/** Assigns a whole team's current members, or everyone teaching in a school, to a coach. */
export const AssignGroupInput = z
  .object({ coachPersonId: Uuid, teamId: Uuid.optional(), schoolId: Uuid.optional(), ...Dates })
  .refine((v) => !!v.teamId !== !!v.schoolId, { message: 'Name a team or a school', path: ['teamId'] });

export const AssignGroupResult = z.object({ added: z.number().int(), unchanged: z.number().int(), refused: z.number().int() });
