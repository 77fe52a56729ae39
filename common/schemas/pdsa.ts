import { z } from 'zod';
import { INITIATIVE_LIMITS, PDSA_ACTS, PDSA_PROBLEMS, PDSA_STATUSES } from '../implementation.ts';
import { IsoDate, Uuid } from './common.ts';

/** Plan-Do-Study-Act cycles on one component at one school (issue 14 item 6). */

const Text = z.string().max(INITIATIVE_LIMITS.textChars);

export const PdsaStatusSchema = z.enum(PDSA_STATUSES);

/** The fields a cycle's steps fill; every one optional on a save, checked when the cycle moves on. */
export const PdsaFields = z.object({
  title: z.string().trim().min(1).max(INITIATIVE_LIMITS.nameChars).optional(),
  change: Text.optional(),
  prediction: Text.optional(),
  measures: Text.optional(),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional(),
  doneAsIntended: z.boolean().nullable().optional(),
  doNotes: Text.optional(),
  study: Text.optional(),
  predictionMet: z.boolean().nullable().optional(),
  act: z.enum(PDSA_ACTS).nullable().optional(),
  actNotes: Text.optional(),
});
export type PdsaFields = z.infer<typeof PdsaFields>;

export const PdsaCreateInput = z.object({
  orgUnitId: Uuid,
  /** The component of the practice profile the cycle works on. */
  itemId: Uuid,
  title: z.string().trim().min(1).max(INITIATIVE_LIMITS.nameChars),
  change: Text.default(''),
  prediction: Text.default(''),
  measures: Text.default(''),
  startsOn: IsoDate.nullable().default(null),
  endsOn: IsoDate.nullable().default(null),
});
export type PdsaCreateInput = z.infer<typeof PdsaCreateInput>;

export const PdsaSaveInput = PdsaFields.extend({ version: z.number().int().positive() });
export type PdsaSaveInput = z.infer<typeof PdsaSaveInput>;

/** Saves the fields given, then moves the cycle to its next step (plan -> do -> study -> act -> closed). */
export const PdsaAdvanceInput = PdsaSaveInput;
export type PdsaAdvanceInput = z.infer<typeof PdsaAdvanceInput>;

export const PdsaListQuery = z.object({
  orgUnitId: Uuid.optional(),
  itemId: Uuid.optional(),
  status: PdsaStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PdsaListQuery = z.infer<typeof PdsaListQuery>;

export const PdsaParams = z.object({ id: Uuid, cycleId: Uuid });

const Named = z.object({ id: Uuid, name: z.string() });

export const PdsaCycle = z.object({
  id: Uuid,
  initiativeId: Uuid,
  school: Named,
  component: z.object({ id: Uuid, code: z.string().nullable(), name: z.string() }).nullable(),
  title: z.string(),
  status: PdsaStatusSchema,
  change: z.string(),
  prediction: z.string(),
  measures: z.string(),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  doneAsIntended: z.boolean().nullable(),
  doNotes: z.string(),
  study: z.string(),
  predictionMet: z.boolean().nullable(),
  act: z.enum(PDSA_ACTS).nullable(),
  actNotes: z.string(),
  problem: z.enum(PDSA_PROBLEMS).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean() }),
});
export type PdsaCycle = z.infer<typeof PdsaCycle>;

export const PdsaList = z.object({ items: z.array(PdsaCycle), total: z.number().int() });
export type PdsaList = z.infer<typeof PdsaList>;

/**
 * The fidelity data of the cycle's school and period (read-only, no names: fidelity is not
 * evaluation): each check's score, and the component's monthly figures.
 */
export const PdsaFidelity = z.object({
  from: IsoDate,
  to: IsoDate,
  checks: z.array(z.object({ id: Uuid, checkedOn: IsoDate, scorePct: z.number().nullable(), atFidelity: z.boolean().nullable() })),
  component: z.array(z.object({ month: IsoDate, checks: z.number().int(), averagePct: z.number().nullable(), present: z.number().int() })),
});
export type PdsaFidelity = z.infer<typeof PdsaFidelity>;

export const PdsaCycleDetail = PdsaCycle.extend({ fidelity: PdsaFidelity });
export type PdsaCycleDetail = z.infer<typeof PdsaCycleDetail>;

/** What the cycle list and form offer: the initiative, its covered schools (and the district), its profile's components. */
export const PdsaOptions = z.object({
  initiative: Named,
  schools: z.array(Named.extend({ canCreate: z.boolean() })),
  components: z.array(z.object({ id: Uuid, code: z.string().nullable(), name: z.string() })),
});
export type PdsaOptions = z.infer<typeof PdsaOptions>;
