import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../lib/lazy-modules.ts';
import type { Table, TableRow } from './csv.ts';
import { RosterFileError, type Issues, type RosterLimits } from './types.ts';
import { readZip } from './zip.ts';

/**
 * A cell as the text a person sees. exceljs hands back numbers, Dates, rich text, hyperlinks,
 * formulas (with their cached result) and error values; all become strings here so the rest of
 * the parser treats XLSX and CSV alike. A Date becomes YYYY-MM-DD (exceljs builds Dates in UTC).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => cellText(r.text)).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
  if ('hyperlink' in v) return cellText(v.text);
  // `{ error: '#N/A' }` and anything unforeseen: an empty cell is safer than "[object Object]".
  return '';
}

/**
 * Reads the first worksheet of an XLSX file into a table; the header is its first non-empty row.
 * The package is first inflated through `readZip` because exceljs would inflate a zip bomb without
 * any limit. Throws `invalid_xlsx` for a file exceljs cannot read; returns null (after reporting
 * `empty_file`) for a workbook without any filled row.
 */
export async function readXlsxTable(data: Buffer, file: string, limits: RosterLimits, issues: Issues): Promise<Table | null> {
  try {
    await readZip(data, file, limits, () => true);
  } catch (err) {
    if (err instanceof RosterFileError && err.code === 'invalid_zip') throw new RosterFileError('invalid_xlsx', { file });
    throw err;
  }
  const workbook = new (await loadExcelJS()).Workbook();
  try {
    // exceljs declares the pre-generic Buffer type; the bytes are the same.
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch {
    throw new RosterFileError('invalid_xlsx', { file });
  }
  const sheet = workbook.worksheets[0];
  const rows: TableRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  const [header, ...body] = rows;
  if (!header) {
    issues.error(file, null, 'empty_file');
    return null;
  }
  return { file, header: header.cells, headerLine: header.line, rows: body };
}
