import { parse } from 'csv-parse/sync';
import type { Issues } from './types.ts';

/** A sheet of text cells, whatever file it came from (CSV or XLSX). */
export interface Table {
  file: string;
  header: string[];
  /** Line of the header (1 for CSV; the first non-empty row for XLSX). */
  headerLine: number;
  rows: TableRow[];
}

export interface TableRow {
  /** Line where the record starts in the file (1-based), as a spreadsheet user counts it. */
  line: number;
  cells: string[];
}

type CsvEvent = { kind: 'record'; end: number; cells: string[] } | { kind: 'error'; end: number; code: string };

/**
 * Parses CSV text into a table. Records that csv-parse rejects (bad quotes...) are reported as
 * `malformed_csv` with their line and skipped one by one, so a single stray quote costs one row,
 * not the file; an unterminated quote necessarily swallows the rest of the file, and the rows before
 * it are kept. Returns null, after reporting why, when the file has no usable header row.
 */
export function parseCsvTable(text: string, file: string, issues: Issues): Table | null {
  const events: CsvEvent[] = [];
  parse(text, {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (record: string[], context) => {
      events.push({ kind: 'record', end: context.lines, cells: record });
      return null;
    },
    on_skip: (err) => {
      const end = typeof err?.lines === 'number' ? err.lines : 0;
      events.push({ kind: 'error', end, code: err?.code ?? 'unknown' });
      return undefined;
    },
  });

  // csv-parse reports where a record ends; a multi-line record starts after the previous one
  // and any blank lines in between.
  const blank = text.split(/\r\n|\n|\r/).map((l) => l.length === 0);
  let previousEnd = 0;
  const startOf = (end: number) => {
    let start = previousEnd + 1;
    while (start < end && blank[start - 1]) start++;
    return Math.min(start, Math.max(end, 1));
  };

  if (events.length === 0) {
    // A zero-byte users.csv in a bulk set would read as "everyone left": refuse rather than guess.
    issues.error(file, null, 'empty_file');
    return null;
  }
  let table: Table | null = null;
  for (const [index, event] of events.entries()) {
    const start = startOf(event.end);
    if (event.kind === 'error') {
      // An unterminated quote is only noticed at the end of the file: point at where it opened.
      const line = event.code === 'CSV_QUOTE_NOT_CLOSED' ? start : event.end;
      issues.error(file, line, 'malformed_csv', { line });
      // Without its header row no cell of the file can be attributed to a column.
      if (index === 0) return null;
    } else if (!table) {
      table = { file, header: event.cells, headerLine: start, rows: [] };
    } else if (event.cells.some((c) => c.trim() !== '')) {
      table.rows.push({ line: start, cells: event.cells });
    }
    previousEnd = Math.max(previousEnd, event.end);
  }
  return table;
}
