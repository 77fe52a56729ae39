import { z } from 'zod';
import { CREATABLE_OBSERVATION_KINDS, NON_SCHOOL_DAY_KINDS, OBSERVATION_KINDS, OBSERVATION_LIMITS } from '../observation.ts';
import { IsoDate, PageQuery } from './common.ts';

/**
 * Observation settings (non-negotiables, observation types, the action-step library) and the
 * district school calendar: the API contract.
 */

const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().positive();
const activeFilter = z.enum(['true', 'false', 'all']);

export const SettingsAbilities = z.object({ update: z.boolean() });

// --- Non-negotiables -------------------------------------------------------------------------

/** A framework with a published version (a choice for scored observations). */
export const ObservationFrameworkChoice = z.object({ id: z.uuid(), title: z.string(), publishedVersionId: z.uuid() });

export const NonNegotiables = z.object({
  scoredObservationsPerTerm: z.number().int(),
  feedbackWithinSchoolDays: z.number().int(),
  /** The framework chosen; null: the first active framework with a published version. */
  observationFrameworkId: z.uuid().nullable(),
  /** The framework scored observations use now (the choice, or the default), and its published version. */
  effectiveFrameworkId: z.uuid().nullable(),
  effectiveVersionId: z.uuid().nullable(),
  frameworks: z.array(ObservationFrameworkChoice),
  /** A look-for seen on a published walkthrough records evidence for its tagged competency. */
  walkthroughEvidence: z.boolean(),
  version: z.number().int(),
  abilities: SettingsAbilities,
});
export type NonNegotiables = z.infer<typeof NonNegotiables>;

export const NON_NEGOTIABLE_LIMITS = { scoredObservationsPerTerm: 20, feedbackWithinSchoolDays: 30 } as const;

export const UpdateNonNegotiablesInput = z.object({
  scoredObservationsPerTerm: z.number().int().min(0).max(NON_NEGOTIABLE_LIMITS.scoredObservationsPerTerm),
  feedbackWithinSchoolDays: z.number().int().min(0).max(NON_NEGOTIABLE_LIMITS.feedbackWithinSchoolDays),
  observationFrameworkId: z.uuid().nullable(),
  walkthroughEvidence: z.boolean().optional(),
  version,
});

// --- Observation types -----------------------------------------------------------------------

export const ObservationType = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  description: z.string().nullable(),
  lookFors: z.array(z.string()),
  defaultDurationMinutes: z.number().int().nullable(),
  countsTowardRequirement: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), deactivate: z.boolean() }),
});
export type ObservationType = z.infer<typeof ObservationType>;

export const ObservationTypeList = z.object({ items: z.array(ObservationType), total: z.number().int() });
export const ObservationTypeListQuery = z.object({ active: activeFilter.default('all') });

const lookFors = z.array(z.string().trim().min(1).max(OBSERVATION_LIMITS.lookForChars)).max(OBSERVATION_LIMITS.lookFors);
const typeFields = {
  name: text(200).min(1),
  description: text(2000).nullable().optional(),
  /** Walkthroughs only: at least one. */
  lookFors: lookFors.optional(),
  defaultDurationMinutes: z.number().int().min(1).max(600).nullable().optional(),
  /** Scored types only. */
  countsTowardRequirement: z.boolean().optional(),
};
export const CreateObservationTypeInput = z.object({ ...typeFields, kind: z.enum(CREATABLE_OBSERVATION_KINDS) });
/** The kind is fixed once created. */
export const UpdateObservationTypeInput = z.object(typeFields).partial().extend({ version });

// --- Action-step library ---------------------------------------------------------------------

/** The competency a library step is tagged with. */
export const TaggedItem = z.object({
  id: z.uuid(),
  humanCode: z.string().nullable(),
  statement: z.string(),
  frameworkTitle: z.string(),
  versionNumber: z.number().int(),
});

export const LibraryStep = z.object({
  id: z.uuid(),
  title: z.string(),
  practicePrompt: z.string().nullable(),
  item: TaggedItem.nullable(),
  active: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ update: z.boolean(), deactivate: z.boolean() }),
});
export type LibraryStep = z.infer<typeof LibraryStep>;

export const LibraryStepList = z.object({ items: z.array(LibraryStep), total: z.number().int() });
export const LibraryStepListQuery = PageQuery.extend({
  itemId: z.uuid().optional(),
  q: text(200).optional(),
  active: activeFilter.default('true'),
});

const stepFields = {
  /** "What to do" language, e.g. "Post the learning target and refer to it at the start and end". */
  title: text(OBSERVATION_LIMITS.actionStepChars).min(1),
  practicePrompt: text(OBSERVATION_LIMITS.actionStepChars).nullable().optional(),
  itemId: z.uuid(),
};
export const CreateLibraryStepInput = z.object(stepFields);
export const UpdateLibraryStepInput = z.object(stepFields).partial().extend({ version });

// --- School calendar -------------------------------------------------------------------------

/** "2026-27": the school year from July 1, 2026 to June 30, 2027. */
export const SchoolYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'A school year looks like 2026-27')
  .refine((v) => (Number(v.slice(0, 4)) + 1) % 100 === Number(v.slice(5)), 'The second year must follow the first (2026-27)');

/** First and last day of a school year (July 1 to June 30). */
export function schoolYearRange(schoolYear: string): { from: string; to: string } {
  const start = Number(schoolYear.slice(0, 4));
  return { from: `${start}-07-01`, to: `${start + 1}-06-30` };
}

/** The school year a date falls in. */
export function schoolYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export const SchoolTerm = z.object({
  id: z.uuid(),
  name: z.string(),
  schoolYear: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  version: z.number().int(),
});
export type SchoolTerm = z.infer<typeof SchoolTerm>;

export const NonSchoolDay = z.object({ id: z.uuid(), day: IsoDate, kind: z.enum(NON_SCHOOL_DAY_KINDS), label: z.string() });
export type NonSchoolDay = z.infer<typeof NonSchoolDay>;

export const SchoolCalendar = z.object({
  schoolYear: z.string(),
  from: IsoDate,
  to: IsoDate,
  terms: z.array(SchoolTerm),
  nonSchoolDays: z.array(NonSchoolDay),
  /** School days in each term (weekdays that are not non-school days). */
  termSchoolDays: z.record(z.string(), z.number().int()),
  abilities: z.object({ edit: z.boolean() }),
});
export type SchoolCalendar = z.infer<typeof SchoolCalendar>;

export const SchoolCalendarQuery = z.object({ schoolYear: SchoolYear });

const termFields = { name: text(100).min(1), startsOn: IsoDate, endsOn: IsoDate };
const ordered = (v: { startsOn?: string; endsOn?: string }) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn;
const orderIssue = { message: 'A term cannot end before it starts', path: ['endsOn'] };
export const CreateTermInput = z.object({ ...termFields, schoolYear: SchoolYear }).refine(ordered, orderIssue);
export const UpdateTermInput = z.object(termFields).partial().extend({ version }).refine(ordered, orderIssue);

/** Longest run of days one request may mark (a break). */
export const MAX_NON_SCHOOL_DAY_RUN = 60;

export const CreateNonSchoolDaysInput = z
  .object({
    day: IsoDate,
    /** The last day of a break (inclusive); weekends in between are skipped. */
    through: IsoDate.nullable().optional(),
    kind: z.enum(NON_SCHOOL_DAY_KINDS),
    label: text(200).min(1),
  })
  .refine((v) => !v.through || v.through >= v.day, { message: 'The last day cannot be before the first', path: ['through'] });
export const NonSchoolDayList = z.object({ items: z.array(NonSchoolDay) });

export const SchoolDaysQuery = z.object({ from: IsoDate, to: IsoDate });
export const SchoolDaysCount = z.object({
  from: IsoDate,
  to: IsoDate,
  /** School days after `from` up to and including `to` (common/school-days.ts schoolDaysBetween). */
  schoolDays: z.number().int(),
  nonSchoolDays: z.array(NonSchoolDay),
});
