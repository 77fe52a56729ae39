import { PLAN_IMPORT_COLUMNS } from '../../../../common/schemas/plan-templates.ts';
import { AppError } from '../../../lib/errors.ts';
import { readXlsxTable } from '../../roster/parse/xlsx.ts';
import { Issues, RosterFileError } from '../../roster/parse/types.ts';
import { readCsv, templateCsv, type CsvRecord } from '../../teams/csv.ts';

/** Limits for an uploaded workbook (inflated size and entries), so a zip bomb is refused. */
const XLSX_LIMITS = { maxUncompressedBytes: 50 * 1024 * 1024, maxEntries: 100 };

const unreadable = () =>
  new AppError('validation_failed', 'The file is not a readable CSV or XLSX', [
    { path: 'file', message: 'unreadable', code: 'unreadable' },
  ]);

const isXlsx = (name: string, data: Buffer) => name.toLowerCase().endsWith('.xlsx') || (data[0] === 0x50 && data[1] === 0x4b);

/**
 * The rows of an uploaded CSV (a BOM and CRLF are fine) or XLSX (first sheet) with the import's
 * header row; `person`, `kind` and `title`... columns are matched in any case and order.
 */
export async function readPlanSheet(name: string, data: Buffer): Promise<CsvRecord[]> {
  const required = ['person', 'kind'];
  if (!isXlsx(name, data)) return readCsv(data.toString('utf8'), required);
  let table;
  try {
    table = await readXlsxTable(data, name, XLSX_LIMITS, new Issues());
  } catch (err) {
    if (err instanceof RosterFileError) throw unreadable();
    throw err;
  }
  if (!table) return [];
  const columns = table.header.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new AppError('validation_failed', `Missing columns: ${missing.join(', ')}`, [
      { path: 'file', message: 'missing_columns', code: 'missing_columns', columns: missing },
    ]);
  }
  return table.rows.map((row) => ({ line: row.line, get: (column) => (row.cells[columns.indexOf(column)] ?? '').trim() }));
}

/** The downloadable template: the header and two example rows (a goal and a focus area). */
export const planImportTemplateCsv = () =>
  templateCsv(
    [...PLAN_IMPORT_COLUMNS],
    ['teacher@example.org', 'goal', 'Raise reading growth', 'Students at benchmark', '45%', '2026-09-01', '60%', '2027-05-15', '', ''],
  ) +
  ['teacher@example.org', 'focus_area', '', '', '', '', '', '', 'T1.2', 'coaching: weekly sessions; course: questioning'].join(',') +
  '\r\n';
