import { z } from 'zod';
import { INITIATIVE_LIMITS } from '../implementation.ts';
import { FocusItemRef } from './coaching.ts';
import { Uuid, VersionInput } from './common.ts';
import { DriverAbilities, InitiativeRef } from './driver-plans.ts';
import { PersonRef } from './teams.ts';

const Instant = z.iso.datetime({ offset: true });
const text = z.string().max(INITIATIVE_LIMITS.textChars).default('');

export const TrainingSessionParams = z.object({ id: Uuid, sessionId: Uuid });

const SessionFields = {
  topic: z.string().trim().min(1).max(INITIATIVE_LIMITS.nameChars),
  /** The essential component it teaches: an item of the initiative's practice profile. */
  itemId: Uuid.nullable().default(null),
  trainerName: z.string().trim().min(1).max(INITIATIVE_LIMITS.nameChars),
  trainerQualification: z.string().max(2000).default(''),
  durationMinutes: z.number().int().min(15).max(1440).default(180),
  location: z.string().max(INITIATIVE_LIMITS.nameChars).default(''),
  outcomes: text,
  /** How the outcomes are measured (pre/post assessment, observed practice...). */
  measures: text,
};

/** One session per time in `startsAt`: the same topic offered at several times so everyone can attend. */
export const CreateTrainingSessionsInput = z.object({ ...SessionFields, startsAt: z.array(Instant).min(1).max(20) });
export type CreateTrainingSessionsInput = z.infer<typeof CreateTrainingSessionsInput>;

export const UpdateTrainingSessionInput = VersionInput.extend({ ...SessionFields, startsAt: Instant });
export type UpdateTrainingSessionInput = z.infer<typeof UpdateTrainingSessionInput>;

export const TrainingSession = z.object({
  id: Uuid,
  topic: z.string(),
  item: FocusItemRef.nullable(),
  trainerName: z.string(),
  trainerQualification: z.string(),
  startsAt: Instant,
  durationMinutes: z.number().int(),
  location: z.string(),
  outcomes: z.string(),
  measures: z.string(),
  /** People recorded as present, and rows recorded at all (present or absent). */
  attended: z.number().int(),
  recorded: z.number().int(),
  version: z.number().int(),
});
export type TrainingSession = z.infer<typeof TrainingSession>;

export const TrainingSessionList = z.object({
  initiative: InitiativeRef,
  items: z.array(TrainingSession),
  /** The practice profile's components, to pick a session's component from. */
  components: z.array(FocusItemRef),
  abilities: DriverAbilities,
});
export type TrainingSessionList = z.infer<typeof TrainingSessionList>;

export const AttendanceRow = z.object({ person: PersonRef, attended: z.boolean() });
export const AttendanceList = z.object({ session: TrainingSession, items: z.array(AttendanceRow) });
export type AttendanceList = z.infer<typeof AttendanceList>;

/** Marks these people present (or absent) at the session; re-sending the same list changes nothing. */
export const RecordAttendanceInput = z.object({ personIds: z.array(Uuid).min(1).max(500), attended: z.boolean().default(true) });
export type RecordAttendanceInput = z.infer<typeof RecordAttendanceInput>;

export const RecordAttendanceResult = z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type RecordAttendanceResult = z.infer<typeof RecordAttendanceResult>;
