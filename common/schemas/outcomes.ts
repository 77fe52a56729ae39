import { z } from 'zod';
import { DEFAULT_MIN_COUNT, FLOOR_MIN_COUNT } from '../outcomes.ts';
import { IsoDate, Uuid, VersionInput } from './common.ts';
import { CsvRowError } from './teams.ts';

/** A district's outcome rules. */
export const OutcomeSettings = z.object({
  /** Cells under this many students are never sent (never below 5). */
  minCount: z.number().int(),
  /** Whether values per teacher may be imported and kept. */
  perTeacherAllowed: z.boolean(),
  version: z.number().int(),
});
export type OutcomeSettings = z.infer<typeof OutcomeSettings>;

export const OutcomeSettingsInput = VersionInput.extend({
  minCount: z.number().int().min(FLOOR_MIN_COUNT).max(1000).default(DEFAULT_MIN_COUNT),
  perTeacherAllowed: z.boolean(),
});
export type OutcomeSettingsInput = z.infer<typeof OutcomeSettingsInput>;

const MeasureFields = z.object({
  /** What the CSV's `measure` column names, e.g. `dibels_benchmark_pct`. */
  key: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only'),
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(40).default(''),
  higherIsBetter: z.boolean().default(true),
  description: z.string().max(4000).default(''),
  /** Initiatives that watch this measure (of the caller's district). */
  initiativeIds: z.array(Uuid).max(100).default([]),
});

export const OutcomeMeasureInput = MeasureFields;
export type OutcomeMeasureInput = z.infer<typeof OutcomeMeasureInput>;
export const OutcomeMeasureUpdate = MeasureFields.extend(VersionInput.shape);
export type OutcomeMeasureUpdate = z.infer<typeof OutcomeMeasureUpdate>;

export const OutcomeMeasure = z.object({
  id: Uuid,
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  higherIsBetter: z.boolean(),
  description: z.string(),
  initiativeIds: z.array(Uuid),
  version: z.number().int(),
});
export type OutcomeMeasure = z.infer<typeof OutcomeMeasure>;

export const OutcomeMeasureList = z.object({
  items: z.array(OutcomeMeasure),
  settings: OutcomeSettings,
  initiatives: z.array(z.object({ id: Uuid, name: z.string() })),
  abilities: z.object({ manage: z.boolean() }),
});
export type OutcomeMeasureList = z.infer<typeof OutcomeMeasureList>;

/**
 * One outcome figure. Under the district's minimum count, `suppressed` is true and `value` and
 * `count` are null: the number never leaves the server ("fewer than N" in words).
 */
export const OutcomeFigure = z.object({
  value: z.number().nullable(),
  count: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type OutcomeFigure = z.infer<typeof OutcomeFigure>;

export const OutcomePeriodRef = z.object({ id: Uuid, label: z.string(), startsOn: IsoDate, endsOn: IsoDate });
export type OutcomePeriodRef = z.infer<typeof OutcomePeriodRef>;

/** A measure over time: one figure per period, oldest first. */
export const OutcomeSeries = z.object({
  measureId: Uuid,
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  higherIsBetter: z.boolean(),
  points: z.array(OutcomeFigure.extend({ period: OutcomePeriodRef })),
});
export type OutcomeSeries = z.infer<typeof OutcomeSeries>;

/** GET /api/outcomes/measures/:id/values: a measure's school values, per period (suppressed below the minimum). */
export const OutcomeMeasureValues = z.object({
  measure: OutcomeMeasure,
  minCount: z.number().int(),
  periods: z.array(OutcomePeriodRef),
  schools: z.array(
    z.object({
      orgUnitId: Uuid,
      name: z.string(),
      figures: z.array(OutcomeFigure.extend({ periodId: Uuid })),
      /** Writes action plans of a team that may plan from this school's values (its school team, a district team; HR, admins). */
      planActions: z.boolean(),
    }),
  ),
});
export type OutcomeMeasureValues = z.infer<typeof OutcomeMeasureValues>;
export const OutcomeValuesQuery = z.object({ orgUnitId: Uuid.optional() });

export const OutcomeImportInput = z.object({ csv: z.string().max(5_000_000), dryRun: z.boolean().default(true) });
export type OutcomeImportInput = z.infer<typeof OutcomeImportInput>;

/** A row as the import read it; a row under the minimum count shows neither its value nor its count. */
export const OutcomeImportPreviewRow = z.object({
  line: z.number().int(),
  measure: z.string(),
  period: z.string(),
  school: z.string(),
  perTeacher: z.boolean(),
  value: z.number().nullable(),
  count: z.number().int().nullable(),
  /** Under the minimum count: accepted, but it will never be shown. */
  neverShown: z.boolean(),
  change: z.enum(['create', 'update', 'unchanged']),
});

export const OutcomeImportResult = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  minCount: z.number().int(),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    /** Values of the file's measures and periods that the file no longer holds (replaced). */
    remove: z.number().int(),
    neverShown: z.number().int(),
    error: z.number().int(),
  }),
  errors: z.array(CsvRowError),
  preview: z.array(OutcomeImportPreviewRow),
});
export type OutcomeImportResult = z.infer<typeof OutcomeImportResult>;

/** One of a teacher's own outcome figures: a measure at a school in a period (suppressed below the minimum). */
export const PersonOutcomePoint = OutcomeFigure.extend({ period: OutcomePeriodRef, school: z.object({ id: Uuid, name: z.string() }) });

/**
 * GET /api/outcomes/people/:id: a teacher's own outcome values, measure by measure, oldest period
 * first. Only where the district keeps values per teacher: otherwise `perTeacherAllowed` is false
 * and `measures` empty (values kept before the district turned them off stay unread).
 */
export const PersonOutcomes = z.object({
  person: z.object({ id: Uuid, name: z.string() }),
  perTeacherAllowed: z.boolean(),
  minCount: z.number().int(),
  measures: z.array(
    z.object({
      measureId: Uuid,
      key: z.string(),
      name: z.string(),
      unit: z.string(),
      higherIsBetter: z.boolean(),
      points: z.array(PersonOutcomePoint),
    }),
  ),
});
export type PersonOutcomes = z.infer<typeof PersonOutcomes>;
