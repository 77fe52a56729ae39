import { z } from 'zod';

/**
 * Framework import and export (CASE 1.1 JSON and spreadsheets): the dry-run / apply report.
 * Messages carry a `code` (i18n key under `case:message.`), `params` for its placeholders and the
 * English text in `message` for API clients; the web app shows the code through i18n.
 */
export const IMPORT_FORMATS = ['case', 'spreadsheet'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const ImportMessage = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  /** Where in the file: a JSON path (`CFItems[3].fullStatement`) or `line 12` of a spreadsheet. */
  path: z.string().nullable(),
  /** Spreadsheet line (1-based, as the spreadsheet shows it); null for CASE JSON. */
  line: z.number().int().nullable(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** How many places had the same message (only the first path is listed). */
  count: z.number().int(),
  message: z.string(),
});
export type ImportMessage = z.infer<typeof ImportMessage>;

export const ImportCounts = z.object({
  items: z.number().int(),
  /** isChildOf links that became the tree (parent + position). */
  hierarchyLinks: z.number().int(),
  /** Other associations (exactMatchOf, isRelatedTo..., extra isChildOf, `ext:` types). */
  associations: z.number().int(),
  itemTypes: z.number().int(),
  rubrics: z.number().int(),
  criteria: z.number().int(),
  levels: z.number().int(),
  definitions: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** What to do with a package whose document is already a framework of the district (`existing`). */
export const EXISTING_CHOICES = ['new_version', 'new_framework'] as const;
export type ExistingChoice = (typeof EXISTING_CHOICES)[number];

/**
 * The district's framework that already has the package's document identifier (a vendor's revised
 * package): the revision can become its next version, a draft based on its published version.
 */
export const ExistingFramework = z.object({
  frameworkId: z.uuid(),
  title: z.string(),
  /** The framework's newest version. */
  versionId: z.uuid(),
  versionNumber: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  /** The number the import would get as the framework's next version. */
  nextVersionNumber: z.number().int(),
  /** A framework has at most one draft: while this one exists, the import cannot be a new version. */
  draftVersionId: z.uuid().nullable(),
});
export type ExistingFramework = z.infer<typeof ExistingFramework>;

export const FrameworkImportReport = z.object({
  format: z.enum(IMPORT_FORMATS),
  dryRun: z.boolean(),
  /** True once written (never for a dry run, nor when `alreadyImported`). */
  applied: z.boolean(),
  /** The same file (same bytes) was imported before into this district: nothing new is written. */
  alreadyImported: z.boolean(),
  title: z.string(),
  documentIdentifier: z.string(),
  status: z.enum(['draft', 'published']),
  counts: ImportCounts,
  /** Errors first; at most 500 entries (same code + params are merged with a count). */
  messages: z.array(ImportMessage),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  frameworkId: z.uuid().nullable(),
  versionId: z.uuid().nullable(),
  /** Set when the document is already a framework of the district; apply then needs `existing`. */
  existing: ExistingFramework.nullable(),
  /** Applied as the next version of `existing` (a draft). */
  asNewVersion: z.boolean(),
});
export type FrameworkImportReport = z.infer<typeof FrameworkImportReport>;

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const FrameworkImportQuery = z.object({
  /** Default true: report what would be imported and write nothing. */
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === undefined || v === 'true' || v === '1'),
  /** Import straight into a published version (default: a draft). */
  publish: flag,
  /**
   * When the document is already a framework of the district: `new_version` (a draft of its next
   * version) or `new_framework` (a separate framework). Required to apply such a file.
   */
  existing: z.enum(EXISTING_CHOICES).optional(),
  /** Spreadsheets only: the framework's title (default: the file name). */
  title: z.string().trim().min(1).max(300).optional(),
});

/** Body of a refused upload (400 `validation_failed`): `details.code` is an i18n key under `case:fatal.`. */
export const ImportRefusalDetails = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  report: FrameworkImportReport.optional(),
});

export const SPREADSHEET_COLUMNS = ['code', 'parent_code', 'type', 'statement', 'abbreviated_statement', 'notes'] as const;
/** Optional columns an export adds so a re-import keeps CASE identifiers. */
export const SPREADSHEET_EXTRA_COLUMNS = ['identifier', 'parent_identifier'] as const;

/** `limit`/`offset` of GET /ims/case/v1p1/CFDocuments (CASE REST paging). */
export const CaseListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CaseIdParams = z.object({ id: z.string().min(1).max(200) });
