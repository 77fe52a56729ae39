import { describe, expect, it } from 'vitest';
import type { AssessmentItemFacts, SurveyResultFacts } from '../../../common/schemas/action-plans.ts';
import { problemFromSource } from './sourceProblem.ts';

/** A stand-in for i18next: the key and its values, so the test reads what the sentence is made of. */
const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options)}`;
const id = 'a7f3c2de-0000-4000-8000-000000000001';

const item: AssessmentItemFacts = {
  kind: 'assessment_item',
  id,
  administrationId: id,
  label: 'Selection criteria are written',
  administration: {
    id,
    title: '',
    heldOn: '2026-09-15',
    instrument: 'Drivers review',
    team: { id, name: 'Alder team' },
    orgUnit: { id, name: 'Alder' },
  },
  item: { text: 'Selection criteria are written', section: 'Selection' },
  score: { value: 0, label: 'Not in place', note: 'Nothing on paper' },
  scaleMax: 2,
  targetPct: 80,
  low: true,
};
const value: SurveyResultFacts = {
  kind: 'survey_result',
  id,
  orgUnitId: id,
  periodId: id,
  label: 'Benchmark · Alder · Fall',
  measure: { id, name: 'Benchmark', unit: '%', higherIsBetter: true },
  school: { id, name: 'Alder' },
  period: { id, label: 'Fall' },
  value: 41.5,
  count: 40,
};

describe('the problem written from a data source', () => {
  it("states an item's consensus score against the scale's maximum, who scored it, and the team's note", () => {
    const text = problemFromSource(t, item);
    expect(text).toContain('actionPlans:prefill.assessmentItem');
    expect(text).toContain('"score":"0","max":"2","label":"Not in place"');
    expect(text).toContain('"where":"Alder team"');
    expect(text).toContain('actionPlans:prefill.note {"note":"Nothing on paper"}');
    expect(problemFromSource(t, { ...item, score: { ...item.score, note: '' } })).not.toContain('prefill.note');
  });

  it('states an outcome value with its unit and how many students it stands for', () => {
    const text = problemFromSource(t, value);
    expect(text).toContain('actionPlans:prefill.surveyResult');
    expect(text).toContain('"value":"41.5%","students":"40"');
  });
});
