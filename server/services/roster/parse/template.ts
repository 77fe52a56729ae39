import { loadExcelJS } from '../../../lib/lazy-modules.ts';
import { STAFF_ROLES } from '../../../../common/roles.ts';
import { STAFF_TEMPLATE_COLUMNS } from './staff-sheet.ts';

/**
 * The staff template as CSV: the header row only, UTF-8 with a BOM (so Excel shows accents
 * right when it opens the file) and CRLF line ends. Column names are machine keys, not translated.
 */
export function buildStaffTemplateCsv(): Buffer {
  return Buffer.from(`\uFEFF${STAFF_TEMPLATE_COLUMNS.join(',')}\r\n`, 'utf8');
}

const TEXT_COLUMNS = new Set(['staff_id', 'phone', 'school_code']);
const DATE_COLUMNS = new Set(['begin_date', 'end_date']);
const LAST_ROW = 2000;

type Validation = { type: 'list'; allowBlank: boolean; formulae: string[]; showErrorMessage?: boolean };
// exceljs supports range validations but does not declare `dataValidations` in its types.
type WithValidations = { dataValidations: { add(range: string, validation: Validation): void } };

/**
 * The staff template as XLSX: the data sheet first (the parser reads the first sheet), with
 * ids and phones formatted as text so leading zeros survive, dates as YYYY-MM-DD, and drop-down
 * lists for role, primary and status; a second sheet lists the role keys.
 */
export async function buildStaffTemplateXlsx(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Trellis';
  const sheet = workbook.addWorksheet('staff', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = STAFF_TEMPLATE_COLUMNS.map((key) => ({
    header: key,
    key,
    width: Math.max(14, key.length + 4),
    style: TEXT_COLUMNS.has(key) ? { numFmt: '@' } : DATE_COLUMNS.has(key) ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };

  const roles = workbook.addWorksheet('roles');
  STAFF_ROLES.forEach((role, i) => (roles.getCell(i + 1, 1).value = role));
  roles.getColumn(1).width = 28;

  const letter = (key: (typeof STAFF_TEMPLATE_COLUMNS)[number]) => String.fromCharCode(65 + STAFF_TEMPLATE_COLUMNS.indexOf(key));
  const validations = (sheet as unknown as WithValidations).dataValidations;
  const list = (key: (typeof STAFF_TEMPLATE_COLUMNS)[number], formula: string) =>
    validations.add(`${letter(key)}2:${letter(key)}${LAST_ROW}`, { type: 'list', allowBlank: true, formulae: [formula] });
  // Not enforced (no error box): the parser also accepts OneRoster words such as "aide".
  list('role', `roles!$A$1:$A$${STAFF_ROLES.length}`);
  list('primary', '"yes,no"');
  list('status', '"active,inactive"');

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
