import { z } from 'zod';

export const IMPORT_STATUSES = ['validated', 'running', 'applied', 'failed', 'discarded'] as const;

const Counts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  deactivate: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});
export type ImportCounts = z.infer<typeof Counts>;

export const ImportIssue = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  severity: z.enum(['error', 'warning']),
  /** i18n key under `roster:issue.` */
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  field: z.string().optional(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportReport = z.object({
  /** `placements`: career steps named by a staff spreadsheet's step_code column (absent in older reports). */
  counts: z.object({ orgs: Counts, people: Counts, roles: Counts, placements: Counts.optional() }),
  /** Errors first, at most 1,000; `issuesOmitted` says how many more there were. */
  issues: z.array(ImportIssue),
  issuesOmitted: z.number().int().default(0),
  ignored: z.object({ nonStaffUsers: z.number().int(), nonStaffRoles: z.number().int(), files: z.array(z.string()) }),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const RosterImport = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  format: z.string(),
  mode: z.enum(['bulk', 'delta']),
  fileNames: z.array(z.string()),
  report: ImportReport,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  /** Why an import failed, as an i18n key under `roster:failure.` (`interrupted`, `write_failed`). */
  error: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  abilities: z.object({ apply: z.boolean(), discard: z.boolean() }),
});
export type RosterImport = z.infer<typeof RosterImport>;

export const ImportList = z.object({ items: z.array(RosterImport.omit({ report: true })) });
