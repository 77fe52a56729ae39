import type { TFunction } from 'i18next';
import { FIDELITY_MIN_GROUP } from '../../../common/implementation.ts';
import type { FidelityComponent } from '../../../common/schemas/fidelity.ts';
import { formatNumber } from '../../app/format.ts';

/**
 * A share of the tool's maximum for reading, e.g. "83.3%" / "83,3 %", a dash when there is none, or
 * "Fewer than 3" when the figure is withheld from this reader (FIDELITY_MIN_GROUP).
 */
export function pct(t: TFunction, value: number | null | undefined, suppressed = false): string {
  if (suppressed) return t('implementation:fidelity.suppressed', { min: FIDELITY_MIN_GROUP });
  if (value === null || value === undefined) return t('implementation:fidelity.none');
  return t('implementation:fidelity.pct', { value: formatNumber(Math.round(value * 10) / 10) });
}

/** "1a Phonemic awareness". */
export const componentLabel = (c: FidelityComponent) => (c.humanCode ? `${c.humanCode} ${c.title}` : c.title);
