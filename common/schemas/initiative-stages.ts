import { z } from 'zod';
import { IMPLEMENTATION_STAGES, INITIATIVE_LIMITS } from '../implementation.ts';
import { Uuid } from './common.ts';

/** Stages per school for an initiative: checklists, moves with evidence, the full-implementation suggestion (issue 14 item 2). */

export const StageName = z.enum(IMPLEMENTATION_STAGES);

/** One activity or exit criterion: a short id (kept across edits, ticks point at it) and its text. */
export const StageChecklistItem = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/i),
  text: z.string().trim().min(1).max(INITIATIVE_LIMITS.checklistItemChars),
});
export type StageChecklistItem = z.infer<typeof StageChecklistItem>;

const Checklist = z.array(StageChecklistItem).max(INITIATIVE_LIMITS.checklistItems);

export const StageDefinition = z.object({
  stage: StageName,
  activities: z.array(StageChecklistItem),
  exitCriteria: z.array(StageChecklistItem),
  /** Null while the built-in checklist shows (nothing written yet); saving writes it. */
  version: z.number().int().nullable(),
  builtIn: z.boolean(),
});
export type StageDefinition = z.infer<typeof StageDefinition>;

export const StageDefinitionList = z.object({
  items: z.array(StageDefinition),
  abilities: z.object({ edit: z.boolean() }),
});
export type StageDefinitionList = z.infer<typeof StageDefinitionList>;

export const StageDefinitionInput = z
  .object({
    activities: Checklist,
    exitCriteria: Checklist,
    /** The version read; null when saving the built-in checklist for the first time. */
    version: z.number().int().positive().nullable(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    for (const [list, items] of [
      ['activities', v.activities],
      ['exitCriteria', v.exitCriteria],
    ] as const) {
      items.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: 'Each item needs its own id' });
        seen.add(item.id);
      });
    }
  });
export type StageDefinitionInput = z.infer<typeof StageDefinitionInput>;

export const StageParams = z.object({ id: Uuid, stage: StageName });
export const StageUnitParams = z.object({ id: Uuid, orgUnitId: Uuid });

/** The stated rule behind "ready for full implementation": never applied by itself. */
export const FullImplementationSuggestion = z.object({
  eligible: z.boolean(),
  atFidelity: z.number().int(),
  covered: z.number().int(),
  /** Share of covered staff at fidelity on their latest check, 0-100 (0 with nobody covered). */
  pct: z.number().int(),
  rule: z.object({ minPct: z.number().int(), fidelityThresholdPct: z.number().int() }),
});
export type FullImplementationSuggestion = z.infer<typeof FullImplementationSuggestion>;

export const SchoolStage = z.object({
  orgUnitId: Uuid,
  orgUnitName: z.string(),
  /** The district's own row (the district-level stage). */
  isDistrict: z.boolean(),
  stage: StageName,
  /** Checklist item id -> when and by whom it was ticked (current stage only). */
  done: z.record(z.string(), z.object({ at: z.string(), by: z.string() })),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  enteredAt: z.string(),
  version: z.number().int(),
  suggestFull: FullImplementationSuggestion.nullable(),
  abilities: z.object({ act: z.boolean() }),
});
export type SchoolStage = z.infer<typeof SchoolStage>;

export const SchoolStageList = z.object({ initiative: z.object({ id: Uuid, name: z.string() }), items: z.array(SchoolStage) });
export type SchoolStageList = z.infer<typeof SchoolStageList>;

export const StageMove = z.object({
  id: Uuid,
  fromStage: StageName.nullable(),
  toStage: StageName,
  evidence: z.string(),
  criteriaMet: z.array(z.string()),
  movedBy: z.object({ userId: Uuid, name: z.string() }),
  movedAt: z.string(),
  /** Moved to an earlier stage. */
  back: z.boolean(),
});
export type StageMove = z.infer<typeof StageMove>;

/** One school's stage with the checklist it is working through and every move so far. */
export const SchoolStageDetail = SchoolStage.extend({
  definition: StageDefinition,
  history: z.array(StageMove),
});
export type SchoolStageDetail = z.infer<typeof SchoolStageDetail>;

export const ChecklistTickInput = z.object({
  itemId: z.string().trim().min(1).max(40),
  done: z.boolean(),
  version: z.number().int().positive(),
});
export type ChecklistTickInput = z.infer<typeof ChecklistTickInput>;

export const StageMoveInput = z.object({
  toStage: StageName,
  evidence: z.string().trim().min(1).max(INITIATIVE_LIMITS.textChars),
  version: z.number().int().positive(),
});
export type StageMoveInput = z.infer<typeof StageMoveInput>;

export const BulkStageMoveInput = z.object({
  /** Each school with the version of its stage row the person saw. */
  schools: z
    .array(z.object({ orgUnitId: Uuid, version: z.number().int().positive() }))
    .min(1)
    .max(1_000),
  toStage: StageName,
  evidence: z.string().trim().min(1).max(INITIATIVE_LIMITS.textChars),
});
export type BulkStageMoveInput = z.infer<typeof BulkStageMoveInput>;

export const BulkStageMoveResult = z.object({ moved: z.number().int(), items: z.array(SchoolStage) });
export type BulkStageMoveResult = z.infer<typeof BulkStageMoveResult>;
