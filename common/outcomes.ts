/**
 * Outcome data rules shared by server and web (issue 15, part 7). A value stands for `count`
 * students; a cell whose count is under the district's minimum is never sent to the browser.
 */

/** The smallest group shown unless the district sets its own. */
export const DEFAULT_MIN_COUNT = 10;
/** A district may raise the minimum, never lower it below this. */
export const FLOOR_MIN_COUNT = 5;

/** May a figure of `count` students be shown under `minCount`? */
export const isShown = (count: number, minCount: number) => count >= Math.max(minCount, FLOOR_MIN_COUNT);

/** The columns of an outcome CSV; `teacher` and the period dates may be empty. */
export const OUTCOME_CSV_COLUMNS = ['measure', 'period', 'period_start', 'period_end', 'school', 'teacher', 'value', 'count'] as const;
/** Columns a file must have. */
export const OUTCOME_CSV_REQUIRED = ['measure', 'period', 'school', 'value', 'count'] as const;

/** Why a row of an outcome CSV was refused (i18n `outcomes:import.error.<code>`). */
export const OUTCOME_IMPORT_ERRORS = [
  'unknown_measure',
  'unknown_school',
  'unknown_teacher',
  'per_teacher_not_allowed',
  'duplicate_row',
  'bad_value',
  'bad_count',
  'negative_count',
  'missing_period',
  'missing_period_dates',
  'bad_date',
  'period_dates_differ',
  'period_ends_before_start',
] as const;
export type OutcomeImportError = (typeof OUTCOME_IMPORT_ERRORS)[number];
