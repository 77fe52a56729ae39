import type { TFunction } from 'i18next';
import i18n from '../../app/i18n.ts';

/** Whole US dollars for the reader's locale, e.g. "$52,000" / "52.000 US$". */
export function formatUsd(value: number): string {
  return new Intl.NumberFormat(i18n.language || 'en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(value);
}

/** A pay band as one phrase: "$50,000 – $60,000", "from $50,000", "up to $60,000", or "not set". */
export function formatPayBand(t: TFunction, min: number | null, max: number | null): string {
  if (min !== null && max !== null) return t('pathways:payBand.range', { min: formatUsd(min), max: formatUsd(max) });
  if (min !== null) return t('pathways:payBand.from', { min: formatUsd(min) });
  if (max !== null) return t('pathways:payBand.upTo', { max: formatUsd(max) });
  return t('pathways:payBand.none');
}
