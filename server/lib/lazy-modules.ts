/**
 * Libraries only exports and spreadsheet uploads use, loaded on their first use instead of at
 * start: together they are most of the server's start-up parsing and memory (issue 11), and a
 * server that never exports never pays for them. Each is imported once and then reused.
 * @example const ExcelJS = await loadExcelJS(); const workbook = new ExcelJS.Workbook();
 */
const once = <T>(load: () => Promise<T>) => {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
};

export const loadExcelJS = once(async () => (await import('exceljs')).default);
export const loadPdfmake = once(async () => (await import('pdfmake')).default);
export const loadDocx = once(() => import('docx'));
