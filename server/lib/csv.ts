/**
 * Spreadsheet-safe CSV, shared by every download that offers one (framework versions and
 * templates, the tracker, content translations).
 */

/**
 * A cell that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return that hides one) gets a leading apostrophe; the framework spreadsheet import removes it again.
 */
export const neutralize = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** CSV, UTF-8 with a BOM (Excel then shows accents right) and CRLF line ends. */
export function toCsv(header: readonly string[], rows: string[][]): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
