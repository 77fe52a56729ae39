import { parse } from 'csv-parse/sync';
import type { CsvRowError } from '../../../common/schemas/teams.ts';
import { AppError } from '../../lib/errors.ts';

export interface CsvRecord {
  line: number;
  get: (column: string) => string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day cell: empty -> null, an ISO day -> itself, anything else -> an error row. */
export function dayCell(value: string, field: string, line: number, errors: CsvRowError[]): string | null | undefined {
  if (!value) return null;
  if (ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return value;
  errors.push({ line, code: 'bad_date', field, value });
  return undefined;
}

/**
 * Parses a CSV with a header row whose columns include `required` (any case, any order). A file
 * that cannot be read or misses a column answers 400 `validation_failed` with the reason.
 */
export function readCsv(text: string, required: string[]): CsvRecord[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch {
    throw new AppError('validation_failed', 'The file is not a readable CSV', [{ path: 'csv', message: 'unreadable', code: 'unreadable' }]);
  }
  const [header, ...body] = rows;
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new AppError('validation_failed', `Missing columns: ${missing.join(', ')}`, [
      { path: 'csv', message: 'missing_columns', code: 'missing_columns', columns: missing },
    ]);
  }
  return body.map((cells, i) => ({ line: i + 2, get: (column) => (cells[columns.indexOf(column)] ?? '').trim() }));
}

/** Text of a template: the header and one example row. */
export const templateCsv = (header: string[], example: string[]) => `${header.join(',')}\r\n${example.join(',')}\r\n`;
