import type { WalkthroughPeriod } from '../../../common/schemas/walkthroughs.ts';
import { formatMonth, formatNumber } from '../../app/format.ts';

/** A month as "Nov 2026" in the reader's language; a term by its name. */
export const periodLabel = (period: WalkthroughPeriod, p: { key: string; label: string }) =>
  period === 'month' ? formatMonth(p.key, 'short') : p.label;

/** 0.666 -> "67" (the % sign comes from the translation). */
export const percent = (share: number) => formatNumber(Math.round(share * 100));
