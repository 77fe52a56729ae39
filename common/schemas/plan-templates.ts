import { z } from 'zod';
import { SIGNER_ROLES } from '../performance.ts';

/**
 * Plan templates per career step (the district default has no step) and the goals / focus-area
 * spreadsheet import. Shared by the server and the web app.
 */

export const TEMPLATE_LIMITS = { maxGoals: 10, maxFocusAreas: 3, maxSections: 20 } as const;

export const TemplateSectionInput = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_]+$/, 'key_format'),
  title: z.string().trim().min(1).max(200),
  prompt: z.string().trim().max(2000).default(''),
});

export const SignatureBlockInput = z.object({
  signer: z.enum(SIGNER_ROLES),
  label: z.string().trim().min(1).max(120),
});

/** The editable fields of a template; refinements report on the field a person would fix. */
const TemplateFieldsBase = z.object({
  title: z.string().trim().min(1).max(200),
  sections: z.array(TemplateSectionInput).min(1).max(TEMPLATE_LIMITS.maxSections),
  minGoals: z.number().int().min(1).max(TEMPLATE_LIMITS.maxGoals),
  maxGoals: z.number().int().min(1).max(TEMPLATE_LIMITS.maxGoals),
  minFocusAreas: z.number().int().min(1).max(TEMPLATE_LIMITS.maxFocusAreas),
  maxFocusAreas: z.number().int().min(1).max(TEMPLATE_LIMITS.maxFocusAreas),
  signatureBlocks: z.array(SignatureBlockInput).max(SIGNER_ROLES.length),
});

function checkTemplate(v: z.infer<typeof TemplateFieldsBase>, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  v.sections.forEach((s, i) => {
    if (seen.has(s.key)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'key'], message: 'duplicate_key' });
    seen.add(s.key);
  });
  const signers = new Set<string>();
  v.signatureBlocks.forEach((b, i) => {
    if (signers.has(b.signer)) ctx.addIssue({ code: 'custom', path: ['signatureBlocks', i, 'signer'], message: 'duplicate_signer' });
    signers.add(b.signer);
  });
  if (v.minGoals > v.maxGoals) ctx.addIssue({ code: 'custom', path: ['maxGoals'], message: 'max_below_min' });
  if (v.minFocusAreas > v.maxFocusAreas) ctx.addIssue({ code: 'custom', path: ['maxFocusAreas'], message: 'max_below_min' });
}

export const PlanTemplateFields = TemplateFieldsBase.superRefine(checkTemplate);
export type PlanTemplateFields = z.infer<typeof PlanTemplateFields>;

export const CreatePlanTemplateInput = TemplateFieldsBase.extend({ stepId: z.uuid().nullable() }).superRefine(checkTemplate);
export const UpdatePlanTemplateInput = TemplateFieldsBase.extend({ version: z.number().int().positive() }).superRefine(checkTemplate);

export const PlanTemplate = z.object({
  /** Null for the built-in template (the district has not saved a default yet). */
  id: z.uuid().nullable(),
  stepId: z.uuid().nullable(),
  title: z.string(),
  sections: z.array(z.object({ key: z.string(), title: z.string(), prompt: z.string() })),
  minGoals: z.number().int(),
  maxGoals: z.number().int(),
  minFocusAreas: z.number().int(),
  maxFocusAreas: z.number().int(),
  signatureBlocks: z.array(z.object({ signer: z.string(), label: z.string() })),
  version: z.number().int().nullable(),
  /** The words of DEFAULT_PLAN_TEMPLATE: the web app shows them through i18n (templates.builtin.*). */
  builtIn: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type PlanTemplate = z.infer<typeof PlanTemplate>;

export const PlanTemplateList = z.object({
  /** The district default (stepId null); built-in when the district has none. */
  districtDefault: PlanTemplate,
  steps: z.array(
    z.object({
      stepId: z.uuid(),
      stepTitle: z.string(),
      stepCode: z.string().nullable(),
      pathwayTitle: z.string(),
      /** Null: the step uses the district default. */
      template: PlanTemplate.nullable(),
    }),
  ),
  abilities: z.object({ manage: z.boolean() }),
});
export type PlanTemplateList = z.infer<typeof PlanTemplateList>;

// ---------- Goals and focus areas from a spreadsheet ----------

export const PLAN_IMPORT_COLUMNS = [
  'person',
  'kind',
  'title',
  'metric',
  'baseline',
  'baseline_date',
  'target',
  'due_date',
  'competency',
  'development_actions',
] as const;

export const PLAN_IMPORT_KINDS = ['goal', 'focus_area'] as const;

export const PlanImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const PlanImportRowError = z.object({
  /** Row in the sheet (the header is row 1). */
  line: z.number().int(),
  /** A column of PLAN_IMPORT_COLUMNS. */
  field: z.string(),
  /** i18n key under `performance:templates.import.error.` */
  code: z.string(),
  value: z.string().optional(),
});
export type PlanImportRowError = z.infer<typeof PlanImportRowError>;

export const PlanImportResult = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  errors: z.array(PlanImportRowError),
});
export type PlanImportResult = z.infer<typeof PlanImportResult>;

/** The cycles HR may import into (newest first). */
export const ImportableCycles = z.array(z.object({ id: z.uuid(), title: z.string(), schoolYear: z.string(), status: z.string() }));
