import { z } from 'zod';

/**
 * District content a district may translate, and the fields of each. The original text is the one
 * the district entered; a translation is shown to readers of its locale, the original otherwise.
 */
export const TRANSLATABLE = {
  scale_level: ['label', 'description'],
  rubric_descriptor: ['quality', 'description'],
  observation_type: ['name', 'description'],
  action_step_library: ['title', 'practicePrompt'],
  career_pathway: ['name', 'description'],
  pathway_step: ['title', 'summary'],
} as const satisfies Record<string, readonly string[]>;

export type TranslatableType = keyof typeof TRANSLATABLE;
export const TRANSLATABLE_TYPES = Object.keys(TRANSLATABLE) as TranslatableType[];

/** Locales a translation may be entered for: every UI locale but English, the originals' language. */
export const TRANSLATION_LOCALES = ['es'] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

/** Longest translation accepted (descriptors are paragraphs; labels are short). */
export const TRANSLATION_MAX_CHARS = 10_000;

export const TranslationParams = z.object({ entityType: z.enum(TRANSLATABLE_TYPES as [TranslatableType, ...TranslatableType[]]) });

export const TranslationTableQuery = z.object({
  locale: z.enum(TRANSLATION_LOCALES).default('es'),
  /** rubric_descriptor: the rubric (required); scale_level: the scale; pathway_step: the pathway. */
  parentId: z.uuid().optional(),
});

export const TranslationRow = z.object({
  entityId: z.uuid(),
  field: z.string(),
  /** What the row belongs to, for the translator: the scale, the competency, the pathway. */
  group: z.string().nullable(),
  original: z.string(),
  /** '' when none yet (readers see the original). */
  text: z.string(),
  /** 0 when none yet; send it back with the edit. */
  version: z.number().int(),
});
export type TranslationRow = z.infer<typeof TranslationRow>;

export const TranslationTable = z.object({
  entityType: z.string(),
  locale: z.enum(TRANSLATION_LOCALES),
  rows: z.array(TranslationRow),
});
export type TranslationTable = z.infer<typeof TranslationTable>;

export const SaveTranslationInput = z.object({
  entityId: z.uuid(),
  field: z.string().min(1).max(40),
  locale: z.enum(TRANSLATION_LOCALES),
  /** '' removes the translation (readers see the original again). */
  text: z.string().trim().max(TRANSLATION_MAX_CHARS),
  /** The version the client last read (0: none existed); another answers 409 with the current one. */
  version: z.number().int().min(0),
});
export type SaveTranslationInput = z.infer<typeof SaveTranslationInput>;

export const SavedTranslation = z.object({
  entityType: z.string(),
  entityId: z.uuid(),
  field: z.string(),
  locale: z.enum(TRANSLATION_LOCALES),
  text: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SavedTranslation = z.infer<typeof SavedTranslation>;

export const TranslationImportQuery = z.object({
  locale: z.enum(TRANSLATION_LOCALES).default('es'),
  parentId: z.uuid().optional(),
  /** Default: a dry run that writes nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export const TranslationImportReport = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  rows: z.number().int(),
  changes: z.number().int(),
  unchanged: z.number().int(),
  /** `row` counts the header as row 1, as a spreadsheet shows it. */
  errors: z.array(
    z.object({ row: z.number().int(), code: z.enum(['unknown_record', 'unknown_field', 'too_long', 'changed_since_export', 'bad_row']) }),
  ),
});
export type TranslationImportReport = z.infer<typeof TranslationImportReport>;

/** The columns of a translations file (export and import). */
export const TRANSLATION_CSV_COLUMNS = ['entity_id', 'field', 'group', 'original', 'translation', 'version'] as const;
