import type { Table } from './csv.ts';
import type { Issues } from './types.ts';

/**
 * Header spellings seen in real exports, keyed by their normalised form. The OneRoster reference
 * set itself ships `dataLastModified` and `prefferedGivenName`; vendors write `sourceId`.
 */
const ALIASES: Record<string, string> = {
  datalastmodified: 'datelastmodified',
  prefferedgivenname: 'preferredgivenname',
  prefferedmiddlename: 'preferredmiddlename',
  prefferedfamilyname: 'preferredfamilyname',
  primaryorg: 'primaryorgsourcedid',
  sourceid: 'sourcedid',
  firstname: 'givenname',
  lastname: 'familyname',
  employeeid: 'staffid',
  grade: 'grades',
  gradelevels: 'grades',
};

/**
 * The key a header is matched by: case, surrounding blanks, a stray BOM and the separators
 * people vary (`staff_id`, `Staff ID`, `staff-id`) do not matter; known typos map to the right name.
 */
export function normaliseHeader(header: string): string {
  const key = header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  return ALIASES[key] ?? key;
}

/** One data row; `get` returns the trimmed cell of a column, or '' when the column is absent. */
export interface Row {
  line: number;
  get(column: string): string;
}

/** A table whose columns are looked up by name, in any order, ignoring unknown ones. */
export class Sheet {
  readonly file: string;
  private readonly index = new Map<string, number>();

  /** Maps the header once; a repeated column is reported and its first occurrence used. */
  constructor(
    private readonly table: Table,
    private readonly issues: Issues,
  ) {
    this.file = table.file;
    table.header.forEach((cell, i) => {
      const key = normaliseHeader(cell);
      // Blank trailing header cells (`...,orgSourcedId,,`) are common and mean nothing.
      if (key === '') return;
      if (this.index.has(key)) issues.warn(table.file, table.headerLine, 'duplicate_column', { column: cell.trim() });
      else this.index.set(key, i);
    });
  }

  /** Whether the file has this column (matched as `normaliseHeader` does). */
  has(column: string): boolean {
    return this.index.has(normaliseHeader(column));
  }

  /** Reports `missing_column` for each absent column and says whether all were there. */
  require(columns: string[]): boolean {
    const missing = columns.filter((c) => !this.has(c));
    for (const column of missing) this.issues.error(this.file, null, 'missing_column', { column });
    return missing.length === 0;
  }

  /**
   * The data rows. A row with non-empty cells beyond the header usually means an unquoted comma
   * shifted its columns (`Smith, Jr.`), so it is flagged rather than read silently.
   */
  rows(): Row[] {
    const width = this.table.header.length;
    // Callers ask by the same few names on every row: normalise each name once.
    const positions = new Map<string, number | undefined>();
    const position = (column: string) => {
      if (!positions.has(column)) positions.set(column, this.index.get(normaliseHeader(column)));
      return positions.get(column);
    };
    return this.table.rows.map(({ line, cells }) => {
      for (let i = width; i < cells.length; i++) {
        if (cells[i]!.trim() === '') continue;
        this.issues.warn(this.file, line, 'column_count_mismatch', { expected: width, actual: cells.length });
        break;
      }
      return {
        line,
        get: (column: string) => {
          const i = position(column);
          return i === undefined ? '' : (cells[i] ?? '').trim();
        },
      };
    });
  }
}
