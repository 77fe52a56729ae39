import { parse } from 'csv-parse/sync';
import type { Issues } from './types.ts';

/** A sheet of text cells, whatever file it came from (CSV or XLSX). */
export interface Table {
  file: string;
  header: string[];
  /** Line of the header (1 for CSV unless blank lines precede it; the first filled row for XLSX). */
  headerLine: number;
  rows: TableRow[];
}

export interface TableRow {
  /** Line where the record starts in the file (1-based), as a spreadsheet user counts it. */
  line: number;
  cells: string[];
}

interface Span {
  /** End of the record's text (exclusive). */
  end: number;
  /** Where the next record starts, and how many line breaks lie before it. */
  next: number;
  breaks: number;
  /** Just after the record's first line break: where to resume if the record is malformed. */
  afterFirstLine: number;
}

/**
 * Finds where a record ends: the first line break (LF, CRLF or CR) outside quotes. Quotes simply
 * toggle, which also handles `""` escapes; a stray quote makes the span run on, and the record
 * then fails to parse and is retried line by line.
 */
function scanRecord(text: string, from: number): Span {
  let quoted = false;
  let breaks = 0;
  let afterFirstLine = -1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a || c === 0x0d) {
      const next = c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
      breaks++;
      if (afterFirstLine < 0) afterFirstLine = next;
      if (!quoted) return { end: i, next, breaks, afterFirstLine };
      i = next - 1;
    }
  }
  return { end: text.length, next: text.length, breaks, afterFirstLine: afterFirstLine < 0 ? text.length : afterFirstLine };
}

/** Excel writes `;` in locales where the comma is the decimal mark, and some tools use tabs. */
function delimiterOf(headerText: string): string {
  const count = (d: string) => headerText.split(d).length - 1;
  if (count(',') > 0) return ',';
  return count(';') >= count('\t') && count(';') > 0 ? ';' : count('\t') > 0 ? '\t' : ',';
}

/** Splits one record into cells: by hand when it has no quotes, else by csv-parse. Null if malformed. */
function cellsOf(record: string, delimiter: string): string[] | null {
  if (!record.includes('"')) return record.split(delimiter);
  try {
    const parsed: string[][] = parse(record, { delimiter, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] });
    return parsed.length === 1 ? (parsed[0] ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Parses CSV text into a table, record by record, so line numbers are exact (also after cells
 * spanning lines) and a malformed record (stray or unclosed quote) costs that record only: it is
 * reported as `malformed_csv` and reading resumes on its next line. Blank lines are skipped.
 * Returns null, after reporting why, when the file has no usable header row.
 */
export function parseCsvTable(text: string, file: string, issues: Issues): Table | null {
  let table: Table | null = null;
  let delimiter = ',';
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < text.length) {
    const span = scanRecord(text, pos);
    const record = text.slice(pos, span.end);
    const start = line;
    if (record === '') {
      pos = span.next;
      line += span.breaks;
      continue;
    }
    if (!table) delimiter = delimiterOf(record);
    const cells = cellsOf(record, delimiter);
    if (!cells) {
      issues.error(file, start, 'malformed_csv', { line: start });
      // Without its header row no cell of the file can be attributed to a column.
      if (!table) return null;
      pos = span.afterFirstLine;
      line = start + 1;
      continue;
    }
    if (!table) table = { file, header: cells, headerLine: start, rows: [] };
    else if (cells.some((c) => c.trim() !== '')) table.rows.push({ line: start, cells });
    pos = span.next;
    line += span.breaks;
  }
  // A zero-byte users.csv in a bulk set would read as "everyone left": refuse rather than guess.
  if (!table) issues.error(file, null, 'empty_file');
  return table;
}
