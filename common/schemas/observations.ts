import { z } from 'zod';
import {
  ACTION_STEP_CHECK_RESULTS,
  OBSERVATION_KINDS,
  OBSERVATION_LIMITS,
  OBSERVATION_PURPOSES,
  OBSERVATION_STATUSES,
} from '../observation.ts';
import { ActionStep, ItemRef, PersonRef } from './action-steps.ts';
import { GridCriterion, GridLevel } from './rubrics.ts';

/**
 * Observations of teachers: the API contract. Dates are `yyyy-mm-dd`, times ISO 8601 strings.
 * Errors: 409 `conflict` (details.current = the current Observation) for a stale version; 409
 * `invalid_state` with details `{ status: 'published', observation }` when a draft save arrives
 * after publishing; 400 `validation_failed` with details [{path, message}]; 413 for a body over
 * OBSERVATION_LIMITS.draftBodyBytes.
 */

const L = OBSERVATION_LIMITS;

export const ObservationAbilities = z.object({
  /** Edit the draft (observer or co-observer). */
  edit: z.boolean(),
  publish: z.boolean(),
  /** Edit after publishing (a new revision; the teacher is told). */
  revise: z.boolean(),
  /** Delete a draft that was never published. */
  discard: z.boolean(),
  scheduleFeedback: z.boolean(),
  acknowledge: z.boolean(),
  reply: z.boolean(),
  addActionSteps: z.boolean(),
});
export type ObservationAbilities = z.infer<typeof ObservationAbilities>;

export const ObservationTypeRef = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  lookFors: z.array(z.string()),
  countsTowardRequirement: z.boolean(),
});
export type ObservationTypeRef = z.infer<typeof ObservationTypeRef>;

export const OrgUnitRef = z.object({ id: z.uuid(), name: z.string() });

/** One row of the list (no notes, scores or replies). */
export const ObservationListItem = z.object({
  id: z.uuid(),
  type: ObservationTypeRef,
  kind: z.enum(OBSERVATION_KINDS),
  purpose: z.enum(OBSERVATION_PURPOSES),
  status: z.enum(OBSERVATION_STATUSES),
  observed: PersonRef,
  observer: PersonRef,
  coObserver: PersonRef.nullable(),
  school: OrgUnitRef.nullable(),
  observedOn: z.string(),
  scheduledAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  classLabel: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** 0 while a draft; 1 when first published; +1 for each published edit. */
  revision: z.number().int(),
  feedbackDueOn: z.string().nullable(),
  feedbackMeetingAt: z.string().nullable(),
  feedbackHeldAt: z.string().nullable(),
  /** Published, feedback not held and today (district time zone) is after feedbackDueOn. */
  feedbackOverdue: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedRevision: z.number().int().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities: ObservationAbilities,
});
export type ObservationListItem = z.infer<typeof ObservationListItem>;

export const ObservationList = z.object({
  items: z.array(ObservationListItem),
  /** Every match across all pages, exact up to 1,000; past that `totalIsLowerBound` and the list says "more than". */
  total: z.number().int(),
  totalIsLowerBound: z.boolean(),
  /** Pass as `cursor` for the page after this one; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type ObservationList = z.infer<typeof ObservationList>;

/** `mine=made`: I observe or co-observe; `mine=received`: I am observed (published only). */
export const ObservationListQuery = z.object({
  observedPersonId: z.uuid().optional(),
  observerPersonId: z.uuid().optional(),
  status: z.enum(OBSERVATION_STATUSES).optional(),
  kind: z.enum(OBSERVATION_KINDS).optional(),
  purpose: z.enum(OBSERVATION_PURPOSES).optional(),
  mine: z.enum(['made', 'received']).optional(),
  /** The teacher's school when observed. */
  schoolId: z.uuid().optional(),
  typeId: z.uuid().optional(),
  /** observedOn range, inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the page before (keyset paging: newest observed first). */
  cursor: z.string().max(200).optional(),
});
export type ObservationListQuery = z.infer<typeof ObservationListQuery>;

/** The teacher's role rubric as the observer scores it: levels highest first, criteria in order. */
export const ObservationRubric = z.object({
  id: z.uuid(),
  title: z.string(),
  scaleId: z.uuid().nullable(),
  levels: z.array(GridLevel),
  criteria: z.array(GridCriterion),
});
export type ObservationRubric = z.infer<typeof ObservationRubric>;

export const ObservationNote = z.object({
  /** Chosen by the client (uuid) so offline edits merge. */
  id: z.uuid(),
  position: z.number().int(),
  notedAt: z.string(),
  body: z.string(),
  itemId: z.uuid().nullable(),
});
export type ObservationNote = z.infer<typeof ObservationNote>;

export const ObservationScore = z.object({
  criterionId: z.uuid(),
  itemId: z.uuid(),
  scaleLevelId: z.uuid(),
  levelScore: z.number().nullable(),
  comment: z.string().nullable(),
  citedNoteIds: z.array(z.uuid()),
});
export type ObservationScore = z.infer<typeof ObservationScore>;

export const LookForResult = z.object({ lookFor: z.string(), seen: z.boolean().nullable(), comment: z.string().nullable() });
export type LookForResult = z.infer<typeof LookForResult>;

/** What this observation records about one of the teacher's open action steps. */
export const ObservationActionStepCheck = z.object({
  actionStepId: z.uuid(),
  result: z.enum(ACTION_STEP_CHECK_RESULTS),
  comment: z.string().nullable(),
});
export type ObservationActionStepCheck = z.infer<typeof ObservationActionStepCheck>;

export const ObservationReply = z.object({
  id: z.uuid(),
  author: PersonRef,
  body: z.string(),
  createdAt: z.string(),
});
export type ObservationReply = z.infer<typeof ObservationReply>;

export const ObservationRevisionSummary = z.object({
  revision: z.number().int(),
  reason: z.string().nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: z.string(),
});
export type ObservationRevisionSummary = z.infer<typeof ObservationRevisionSummary>;

/** What the teacher was shown at one revision (GET /api/observations/:id/revisions/:revision). */
export const ObservationSnapshot = z.object({
  observedOn: z.string(),
  durationMinutes: z.number().int().nullable(),
  classLabel: z.string().nullable(),
  glows: z.string(),
  grows: z.string(),
  notes: z.array(ObservationNote),
  scores: z.array(ObservationScore),
  lookForResults: z.array(LookForResult),
  actionStepChecks: z.array(ObservationActionStepCheck),
});
export type ObservationSnapshot = z.infer<typeof ObservationSnapshot>;

export const ObservationRevisionDetail = ObservationRevisionSummary.extend({ snapshot: ObservationSnapshot });
export type ObservationRevisionDetail = z.infer<typeof ObservationRevisionDetail>;

export const Observation = ObservationListItem.extend({
  /** Scored observations: the rubric and its scale; null for walkthroughs. */
  rubric: ObservationRubric.nullable(),
  notes: z.array(ObservationNote),
  scores: z.array(ObservationScore),
  lookForResults: z.array(LookForResult),
  glows: z.string(),
  grows: z.string(),
  /** Steps agreed in this observation. */
  actionSteps: z.array(ActionStep),
  /**
   * Observers: the teacher's open steps agreed elsewhere, which this observation may check, plus any
   * step it checked. Others: the steps it checked (to show `actionStepChecks` with their titles).
   */
  openActionSteps: z.array(ActionStep),
  actionStepChecks: z.array(ObservationActionStepCheck),
  replies: z.array(ObservationReply),
  /** Newest first. */
  revisions: z.array(ObservationRevisionSummary),
});
export type Observation = z.infer<typeof Observation>;

/** POST /api/observations */
export const CreateObservationInput = z.object({
  typeId: z.uuid(),
  observedPersonId: z.uuid(),
  observedOn: z.iso.date(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
  durationMinutes: z.number().int().min(1).max(600).nullable().optional(),
  classLabel: z.string().trim().max(200).nullable().optional(),
  coObserverPersonId: z.uuid().nullable().optional(),
});
export type CreateObservationInput = z.infer<typeof CreateObservationInput>;

export const DraftNote = z.object({
  id: z.uuid(),
  notedAt: z.iso.datetime({ offset: true }),
  body: z.string().max(L.noteChars, { message: `A note can be at most ${L.noteChars} characters; split it into several notes` }),
  itemId: z.uuid().nullable().optional(),
});
export type DraftNote = z.infer<typeof DraftNote>;

export const DraftScore = z.object({
  criterionId: z.uuid(),
  scaleLevelId: z.uuid(),
  comment: z
    .string()
    .max(L.commentChars, { message: `A score comment can be at most ${L.commentChars} characters` })
    .nullable()
    .optional(),
  citedNoteIds: z.array(z.uuid()).max(L.notesPerObservation).default([]),
});
export type DraftScore = z.infer<typeof DraftScore>;

export const DraftLookFor = z.object({
  lookFor: z.string().trim().min(1).max(L.lookForChars),
  seen: z.boolean().nullable(),
  comment: z
    .string()
    .max(L.commentChars, { message: `A comment can be at most ${L.commentChars} characters` })
    .nullable()
    .optional(),
});

export const DraftActionStepCheck = z.object({
  actionStepId: z.uuid(),
  result: z.enum(ACTION_STEP_CHECK_RESULTS),
  comment: z
    .string()
    .max(L.commentChars, { message: `A comment can be at most ${L.commentChars} characters` })
    .nullable()
    .optional(),
});

const longText = (what: string) => z.string().max(L.glowsGrowsChars, { message: `${what} can be at most ${L.glowsGrowsChars} characters` });

/**
 * The observation's content. Every field is optional: a field left out stays as it is; `notes`,
 * `scores`, `lookForResults` and `actionStepChecks` when sent replace the whole list.
 */
export const observationContentFields = {
  observedOn: z.iso.date().optional(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
  durationMinutes: z.number().int().min(1).max(600).nullable().optional(),
  classLabel: z.string().trim().max(200).nullable().optional(),
  notes: z
    .array(DraftNote)
    .max(L.notesPerObservation, { message: `An observation can have at most ${L.notesPerObservation} notes` })
    .optional(),
  scores: z.array(DraftScore).max(300).optional(),
  lookForResults: z.array(DraftLookFor).max(L.lookFors).optional(),
  glows: longText('Glows').optional(),
  grows: longText('Grows').optional(),
  actionStepChecks: z.array(DraftActionStepCheck).max(100).optional(),
};

/** PUT /api/observations/:id/draft -> SaveDraftResult */
export const SaveDraftInput = z.object({ version: z.number().int().positive(), ...observationContentFields });
export type SaveDraftInput = z.infer<typeof SaveDraftInput>;

export const SaveDraftResult = z.object({ version: z.number().int(), savedAt: z.string() });
export type SaveDraftResult = z.infer<typeof SaveDraftResult>;

/**
 * POST /api/observations/:id/publish -> Observation (the observer only; a scored observation needs at
 * least one score, else 400 on `scores`).
 */
export const PublishObservationInput = z.object({
  version: z.number().int().positive(),
  feedbackMeetingAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type PublishObservationInput = z.infer<typeof PublishObservationInput>;

/** POST /api/observations/:id/revise -> Observation (a published edit: new revision, teacher told). */
export const ReviseObservationInput = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1, { message: 'Say why the observation is being changed' }).max(2000),
  ...observationContentFields,
});
export type ReviseObservationInput = z.infer<typeof ReviseObservationInput>;

/** POST /api/observations/:id/acknowledge -> Observation (the teacher; the revision they read). */
export const AcknowledgeObservationInput = z.object({ revision: z.number().int().positive() });
export type AcknowledgeObservationInput = z.infer<typeof AcknowledgeObservationInput>;

/** POST /api/observations/:id/replies -> 201 ObservationReply */
export const CreateReplyInput = z.object({
  body: z
    .string()
    .trim()
    .min(1)
    .max(L.replyChars, { message: `A reply can be at most ${L.replyChars} characters` }),
});
export type CreateReplyInput = z.infer<typeof CreateReplyInput>;

/**
 * POST /api/observations/:id/feedback -> Observation: schedule the feedback meeting
 * (`feedbackMeetingAt`) and/or record it held (`held`; `heldAt` defaults to now).
 */
export const RecordFeedbackInput = z.object({
  feedbackMeetingAt: z.iso.datetime({ offset: true }).nullable().optional(),
  held: z.boolean().optional(),
  heldAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecordFeedbackInput = z.infer<typeof RecordFeedbackInput>;

/** DELETE /api/observations/:id?version= (draft only) -> 204 */
export const DiscardObservationQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const RevisionParams = z.object({ id: z.uuid(), revision: z.coerce.number().int().positive() });

export { ItemRef, PersonRef };
