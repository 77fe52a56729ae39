import { ONEROSTER_ROLE_MAP, STAFF_ROLES, type StaffRole } from '../../../../common/roles.ts';
import { gradesCell } from '../../../../common/grades.ts';
import { clip } from './dates.ts';
import type { Issues, RecordStatus } from './types.ts';

/**
 * Maps a role cell onto a staff role: our own names (`instructional_assistant`,
 * "Instructional Assistant") or OneRoster's vocabulary (`aide`, `siteAdministrator`), case and
 * separators ignored. `null` = a known non-staff role (student, guardian...); `undefined` = unknown.
 */
export function mapRole(value: string): StaffRole | null | undefined {
  const words = value
    .trim()
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
  const snake = words.join('_');
  const own = STAFF_ROLES.find((r) => r === snake);
  if (own) return own;
  const joined = words.join('');
  return Object.hasOwn(ONEROSTER_ROLE_MAP, joined) ? ONEROSTER_ROLE_MAP[joined] : undefined;
}

/**
 * Reads a `status` cell. Empty means active (OneRoster bulk files leave it blank). `inactive` is
 * not a OneRoster 1.1/1.2 value (it was dropped after 1.0) but exporters still write it; the
 * safest reading is "no longer active", i.e. tobedeleted, which deactivates and never deletes.
 * In OneRoster files that gets a warning; in our staff sheet `inactive` is a documented value.
 * Returns undefined (and reports `invalid_status`) for anything else.
 */
export function statusCell(value: string, file: string, line: number, issues: Issues, warnInactive: boolean): RecordStatus | undefined {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'active') return 'active';
  if (v === 'tobedeleted') return 'tobedeleted';
  if (v === 'inactive') {
    if (warnInactive) issues.warn(file, line, 'inactive_status', undefined, 'status');
    return 'tobedeleted';
  }
  issues.error(file, line, 'invalid_status', { value: clip(value) }, 'status');
  return undefined;
}

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[^\s@"<>,;.]{2,}$/;

/** Checks an e-mail cell; a malformed address is dropped with `invalid_email` rather than stored. */
export function emailCell(value: string, field: string, file: string, line: number, issues: Issues): string | null {
  if (value === '') return null;
  if (EMAIL.test(value)) return value;
  issues.warn(file, line, 'invalid_email', { value: clip(value) }, field);
  return null;
}

/** Reads yes/no/true/false/1/0 (any case); '' -> undefined; anything else -> `invalid_value`, undefined. */
export function booleanCell(value: string, field: string, file: string, line: number, issues: Issues): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (['yes', 'y', 'true', '1', 'x'].includes(v)) return true;
  if (['no', 'n', 'false', '0'].includes(v)) return false;
  issues.warn(file, line, 'invalid_value', { value: clip(value) }, field);
  return undefined;
}

/** An empty optional cell is null, never ''. */
export function optional(value: string): string | null {
  return value === '' ? null : value;
}

/**
 * The longest text each kind of column takes: the limits of the people and org unit forms
 * (common/schemas/people.ts, org-units.ts), 254 for e-mail addresses and usernames, 255 for ids.
 */
export const MAX_LENGTH = { id: 255, name: 100, orgName: 200, email: 254, phone: 40, identifier: 50, username: 254 } as const;

/**
 * Reports `value_too_long` for each cell longer than its limit (an error: the caller skips the
 * row) and says whether every cell fits. Checked while parsing, so that what the dry run accepts
 * the database also takes: a 20 MB name would otherwise fail only at apply.
 */
export function fitsLimits(cells: [field: string, value: string, max: number][], file: string, line: number, issues: Issues): boolean {
  let fits = true;
  for (const [field, value, max] of cells) {
    if (value.length <= max) continue;
    issues.error(file, line, 'value_too_long', { column: field, max, length: value.length }, field);
    fits = false;
  }
  return fits;
}

/** Reads a grades cell ("03,04", "K; 1"): the grade codes; a part that is no grade is warned about and left out. */
export function gradesOf(value: string, field: string, file: string, line: number, issues: Issues): string[] {
  const { grades, invalid } = gradesCell(value);
  for (const part of invalid) issues.warn(file, line, 'invalid_grade', { value: clip(part) }, field);
  return grades;
}
