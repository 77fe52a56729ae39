import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutcomeFigure as Figure } from '../../../common/schemas/outcomes.ts';
import { formatNumber } from '../../app/format.ts';

/** An outcome figure in words: the value with its unit and student count, or "fewer than N students" when suppressed. */
export function outcomeText(
  t: (key: string, options?: Record<string, unknown>) => string,
  f: Figure | undefined,
  unit: string,
  minCount: number,
) {
  if (!f) return t('figure.none');
  if (f.suppressed || f.value === null || f.count === null) return t('figure.suppressed', { count: minCount });
  return t('figure.value', { value: `${formatNumber(f.value)}${unit}`, students: formatNumber(f.count) });
}

/** The figure as a link to the records behind it (a measure's values, optionally one school's). */
export function OutcomeFigureLink({
  figure,
  unit,
  minCount,
  to,
}: {
  figure: Figure | undefined;
  unit: string;
  minCount: number;
  to: string;
}) {
  const { t } = useTranslation('outcomes');
  const text = outcomeText(t, figure, unit, minCount);
  if (!figure) return <>{text}</>;
  return (
    <Anchor component={Link} to={to}>
      {text}
    </Anchor>
  );
}
