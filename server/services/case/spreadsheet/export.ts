import i18next from 'i18next';
import en from '../../../../common/i18n/en/case.json' with { type: 'json' };
import es from '../../../../common/i18n/es/case.json' with { type: 'json' };
import { neutralize, toCsv } from '../../../lib/csv.ts';
import { loadExcelJS } from '../../../lib/lazy-modules.ts';
import { SPREADSHEET_COLUMNS, SPREADSHEET_EXTRA_COLUMNS } from '../../../../common/schemas/case.ts';
import type { VersionContent } from '../export.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { case: en }, es: { case: es } },
  ns: ['case'],
  defaultNS: 'case',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Excel keeps at most this many characters in a cell (and cuts or refuses longer text). */
export const XLSX_MAX_CELL_CHARS = 32_767;

const EXPORT_COLUMNS = [...SPREADSHEET_COLUMNS, ...SPREADSHEET_EXTRA_COLUMNS];

/** One row per item in tree order: code, parent code, type, statement, abbreviated statement, notes, identifier, parent identifier. */
export function sheetRows(content: VersionContent): string[][] {
  const byId = new Map(content.items.map((i) => [i.id, i]));
  return content.items.map((item) => {
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    return [
      item.humanCode ?? '',
      parent?.humanCode ?? '',
      item.itemType ?? '',
      item.fullStatement,
      item.abbreviatedStatement ?? '',
      item.notes ?? '',
      item.caseIdentifier,
      parent?.caseIdentifier ?? '',
    ].map(neutralize);
  });
}

/**
 * Text longer than a cell holds, cut so that it ends with a marker in the reader's language that
 * says how long the full text is and where it is whole (never a cell Excel would cut or refuse).
 */
export function fitCell(value: string, lang: string): { value: string; cut: boolean } {
  if (value.length <= XLSX_MAX_CELL_CHARS) return { value, cut: false };
  const marker = i18n.getFixedT(lang === 'es' ? 'es' : 'en', 'case')('export.truncated', { total: value.length });
  let keep = XLSX_MAX_CELL_CHARS - marker.length;
  // Never split a surrogate pair (an emoji or a rare letter) in two.
  const last = value.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;
  return { value: `${value.slice(0, keep)}${marker}`, cut: true };
}

async function toXlsx(header: readonly string[], rows: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Trellis';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<string, number> = { statement: 80, abbreviated_statement: 30, notes: 40, identifier: 38, parent_identifier: 38 };
  // Every column is text, so codes like "1.10" or "01" stay as written.
  sheet.columns = header.map((key) => ({ header: key, key, width: widths[key] ?? 16, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const exportCsv = (content: VersionContent) => toCsv(EXPORT_COLUMNS, sheetRows(content));
/** The XLSX export, and how many cells were cut to fit (see fitCell). */
export async function exportXlsx(content: VersionContent, lang: string): Promise<{ body: Buffer; cutCells: number }> {
  let cutCells = 0;
  const rows = sheetRows(content).map((row) =>
    row.map((cell) => {
      const fitted = fitCell(cell, lang);
      if (fitted.cut) cutCells++;
      return fitted.value;
    }),
  );
  return { body: await toXlsx(EXPORT_COLUMNS, rows, 'framework'), cutCells };
}

/** The template: the header row only (column names are machine keys, not translated). */
export const templateCsv = () => toCsv(SPREADSHEET_COLUMNS, []);
export const templateXlsx = () => toXlsx(SPREADSHEET_COLUMNS, [], 'framework');
