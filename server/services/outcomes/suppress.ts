import { isShown } from '../../../common/outcomes.ts';
import type { OutcomeFigure } from '../../../common/schemas/outcomes.ts';

/**
 * The one place an outcome number becomes something the browser may receive: under the minimum
 * count, neither the value nor the count is sent. Every outcome figure in every response passes here.
 */
export function figure(value: number | null, count: number, minCount: number): OutcomeFigure {
  if (value === null || !isShown(count, minCount)) return { value: null, count: null, suppressed: true };
  return { value: Math.round(value * 100) / 100, count, suppressed: false };
}
