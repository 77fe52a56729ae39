import { z } from 'zod';
import { ACTION_STEP_CHECK_RESULTS, ACTION_STEP_STATUSES, OBSERVATION_LIMITS } from '../observation.ts';

/** Action steps agreed with a teacher (assigned -> practicing -> mastered): the API contract. */

export const PersonRef = z.object({ id: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** The competency an action step (or a note) is tagged with. */
export const ItemRef = z.object({ id: z.uuid(), humanCode: z.string().nullable(), fullStatement: z.string() });
export type ItemRef = z.infer<typeof ItemRef>;

export const ActionStepAbilities = z.object({
  /** Move assigned -> practicing (the teacher too). */
  changeStatus: z.boolean(),
  /** Mark mastered, or move back from mastered: those supporting the teacher only. */
  markMastered: z.boolean(),
  /** Edit wording and due date: those supporting the teacher only. */
  edit: z.boolean(),
});
export type ActionStepAbilities = z.infer<typeof ActionStepAbilities>;

/** The latest check a later observation recorded about the step. */
export const ActionStepLastCheck = z.object({
  observationId: z.uuid(),
  observedOn: z.string(),
  result: z.enum(ACTION_STEP_CHECK_RESULTS),
  comment: z.string().nullable(),
});
export type ActionStepLastCheck = z.infer<typeof ActionStepLastCheck>;

export const ActionStep = z.object({
  id: z.uuid(),
  person: PersonRef,
  /** The observation it was agreed in (null when written outside an observation). */
  observationId: z.uuid().nullable(),
  /** Whether that observation is published (steps of a draft are not shown to the teacher yet). */
  observationPublished: z.boolean(),
  libraryStepId: z.uuid().nullable(),
  item: ItemRef.nullable(),
  title: z.string(),
  practicePrompt: z.string().nullable(),
  /** yyyy-mm-dd */
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STEP_STATUSES),
  masteredAt: z.string().nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastCheck: ActionStepLastCheck.nullable(),
  version: z.number().int(),
  abilities: ActionStepAbilities,
});
export type ActionStep = z.infer<typeof ActionStep>;

export const ActionStepList = z.object({ items: z.array(ActionStep), total: z.number().int() });
export type ActionStepList = z.infer<typeof ActionStepList>;

/** `status` may list several, comma separated (`assigned,practicing`); `open=true` is assigned + practicing. */
export const ActionStepListQuery = z.object({
  personId: z.uuid().optional(),
  observationId: z.uuid().optional(),
  status: z.string().max(100).optional(),
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ActionStepListQuery = z.infer<typeof ActionStepListQuery>;

const stepTitle = z
  .string()
  .trim()
  .min(1)
  .max(OBSERVATION_LIMITS.actionStepChars, { message: `An action step can be at most ${OBSERVATION_LIMITS.actionStepChars} characters` });
const prompt = z
  .string()
  .trim()
  .max(OBSERVATION_LIMITS.actionStepChars, {
    message: `A practice prompt can be at most ${OBSERVATION_LIMITS.actionStepChars} characters`,
  });

/**
 * POST /api/observations/:id/action-steps: from the library (`libraryStepId`; its title, prompt and
 * competency are copied unless given) or written fresh (`title`).
 */
export const CreateActionStepInput = z
  .object({
    libraryStepId: z.uuid().optional(),
    title: stepTitle.optional(),
    practicePrompt: prompt.nullable().optional(),
    itemId: z.uuid().nullable().optional(),
    dueOn: z.iso.date().nullable().optional(),
  })
  .refine((v) => v.libraryStepId !== undefined || v.title !== undefined, {
    message: 'Pick a step from the library or write a title',
    path: ['title'],
  });
export type CreateActionStepInput = z.infer<typeof CreateActionStepInput>;

/** PATCH /api/action-steps/:id */
export const UpdateActionStepInput = z.object({
  version: z.number().int().positive(),
  status: z.enum(ACTION_STEP_STATUSES).optional(),
  dueOn: z.iso.date().nullable().optional(),
  title: stepTitle.optional(),
  practicePrompt: prompt.nullable().optional(),
});
export type UpdateActionStepInput = z.infer<typeof UpdateActionStepInput>;
