import { z } from 'zod';

export const ScaleAbilities = z.object({ update: z.boolean(), deactivate: z.boolean() });

export const ScaleLevel = z.object({
  id: z.uuid(),
  /** 0 is the highest level. */
  position: z.number().int(),
  label: z.string(),
  levelScore: z.number(),
  description: z.string().nullable(),
  proficient: z.boolean(),
});
export type ScaleLevel = z.infer<typeof ScaleLevel>;

export const Scale = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  isDefault: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
  /** Used by a published (or retired) framework version or one of its rubrics: its levels are fixed. */
  inUse: z.boolean(),
  levels: z.array(ScaleLevel),
  abilities: ScaleAbilities,
});
export type Scale = z.infer<typeof Scale>;

export const ScaleList = z.object({ items: z.array(Scale) });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const ScaleLevelInput = z.object({
  /** An existing level of the scale being changed (keeps descriptors and evidence pointing at it). */
  id: z.uuid().optional(),
  label: z.string().trim().min(1).max(100),
  levelScore: z.number().finite().min(-1000).max(1000),
  description: optionalText(2000),
  proficient: z.boolean(),
});
export type ScaleLevelInput = z.infer<typeof ScaleLevelInput>;

/** At least two levels, highest first with strictly decreasing distinct scores, at least one proficient. */
export const ScaleLevelsInput = z
  .array(ScaleLevelInput)
  .min(2)
  .max(20)
  .superRefine((levels, ctx) => {
    const seen = new Set<number>();
    levels.forEach((level, i) => {
      if (seen.has(level.levelScore)) {
        ctx.addIssue({ code: 'custom', path: [i, 'levelScore'], message: 'Scores must be distinct' });
      }
      seen.add(level.levelScore);
      if (i > 0 && level.levelScore > levels[i - 1]!.levelScore) {
        ctx.addIssue({ code: 'custom', path: [i, 'levelScore'], message: 'Levels must be ordered highest score first' });
      }
    });
    if (!levels.some((l) => l.proficient)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'At least one level must count as proficient' });
    }
    const ids = levels.flatMap((l) => (l.id ? [l.id] : []));
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: [], message: 'A level appears twice' });
  });

export const CreateScaleInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: optionalText(2000),
  levels: ScaleLevelsInput,
});

export const UpdateScaleInput = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(200).optional(),
  description: optionalText(2000),
  /** Replaces the levels (levels given with an `id` keep it). Refused once the scale is in use. */
  levels: ScaleLevelsInput.optional(),
  active: z.boolean().optional(),
});
