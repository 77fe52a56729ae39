import type { Ctx } from '../../lib/context.ts';
import { recordAudit } from '../audit.ts';
import { loadVersion } from '../frameworks/access.ts';
import { exportCsv, exportXlsx } from './spreadsheet/export.ts';
import { buildPackage, loadVersionContent } from './export.ts';

export const EXPORT_FORMATS = ['case', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  case: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const EXTENSIONS: Record<ExportFormat, string> = { case: 'json', csv: 'csv', xlsx: 'xlsx' };

/** A file name safe in a Content-Disposition header: ASCII letters, digits and dashes. */
export const fileSlug = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 60) || 'framework';

/**
 * Any version the caller may read (loadVersion: 404 for another district or an unreadable draft),
 * as a CASE 1.1 CFPackage or a spreadsheet. Each export leaves a trace in the audit log. Text too
 * long for an Excel cell is cut with a marker in `lang` (the CSV and CASE exports keep it whole).
 */
export async function exportVersion(ctx: Ctx, versionId: string, format: ExportFormat, baseUrl: string, lang = 'en') {
  const { version } = await loadVersion(ctx, versionId);
  const content = await loadVersionContent(ctx.db, version);
  let body: Buffer;
  let cutCells = 0;
  if (format === 'case') body = Buffer.from(JSON.stringify(buildPackage(content, baseUrl), null, 2));
  else if (format === 'csv') body = exportCsv(content);
  else ({ body, cutCells } = await exportXlsx(content, lang));
  await recordAudit(ctx.db, ctx, {
    action: 'framework.export',
    entityType: 'framework_version',
    entityId: version.id,
    after: { format, items: content.items.length, ...(cutCells > 0 ? { cutCells } : {}) },
  });
  return {
    body,
    /** XLSX cells whose text was longer than a cell holds, cut with a marker (0 for other formats). */
    cutCells,
    contentType: CONTENT_TYPES[format],
    fileName: `${fileSlug(version.title)}-v${version.versionNumber}.${EXTENSIONS[format]}`,
  };
}
