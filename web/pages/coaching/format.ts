import type { FocusItemRef } from '../../../common/schemas/coaching.ts';

/** "2b Checks for understanding" */
export const focusLabel = (item: FocusItemRef) => [item.code, item.statement].filter(Boolean).join(' ');

export const PHASE_COLOR = { identify: 'grape', learn: 'blue', improve: 'teal', complete: 'green' } as const;
