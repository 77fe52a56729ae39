import type { TFunction } from 'i18next';
import type { FidelityComponent } from '../../../common/schemas/fidelity.ts';
import { formatNumber } from '../../app/format.ts';

/** A share of the tool's maximum for reading, e.g. "83.3%" / "83,3 %", or a dash when there is none. */
export function pct(t: TFunction, value: number | null | undefined): string {
  if (value === null || value === undefined) return t('implementation:fidelity.none');
  return t('implementation:fidelity.pct', { value: formatNumber(Math.round(value * 10) / 10) });
}

/** "1a Phonemic awareness". */
export const componentLabel = (c: FidelityComponent) => (c.humanCode ? `${c.humanCode} ${c.title}` : c.title);
