import type { DataSourceFacts } from '../../../common/schemas/action-plans.ts';
import { formatDate, formatNumber } from '../../app/format.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The problem step's first words, written from a data source in the reader's language: an item with
 * its consensus score against the scale's maximum and the team's note; an outcome value with its
 * unit and how many students it stands for. The team edits it before saving.
 */
export function problemFromSource(t: T, facts: DataSourceFacts): string {
  if (facts.kind === 'survey_result')
    return t('actionPlans:prefill.surveyResult', {
      measure: facts.measure.name,
      school: facts.school.name,
      period: facts.period.label,
      value: `${formatNumber(facts.value)}${facts.measure.unit}`,
      students: formatNumber(facts.count),
    });
  const a = facts.administration;
  const scored = t('actionPlans:prefill.assessmentItem', {
    instrument: a.instrument,
    where: a.team?.name ?? a.orgUnit.name,
    date: formatDate(a.heldOn),
    item: facts.item.text,
    section: facts.item.section,
    score: formatNumber(facts.score.value),
    max: formatNumber(facts.scaleMax),
    label: facts.score.label,
  });
  return facts.score.note ? `${scored} ${t('actionPlans:prefill.note', { note: facts.score.note })}` : scored;
}
