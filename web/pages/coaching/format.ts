import type { FocusItemRef } from '../../../common/schemas/coaching.ts';

/** "2b Checks for understanding" */
export const focusLabel = (item: FocusItemRef) => [item.code, item.statement].filter(Boolean).join(' ');

/** A Date as the value of an `<input type="datetime-local">` (local time, minutes). */
export function localDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export const PHASE_COLOR = { identify: 'grape', learn: 'blue', improve: 'teal', complete: 'green' } as const;
