import { CYCLE_PHASES, type CyclePhaseKey } from '../../../../common/performance.ts';
import { weightTotal, type CreateCycleInput } from '../../../../common/schemas/performance-cycles.ts';

/** The new-cycle form: every phase listed with a switch, weights kept at 0 for competencies left out. */
export interface CycleFormValues {
  title: string;
  schoolYear: string;
  population: { roles: string[]; stepIds: string[]; orgUnitIds: string[] };
  phases: { key: CyclePhaseKey; use: boolean; startsOn: string; endsOn: string }[];
  checkInDates: string[];
  ratingMethod: { overall: boolean; weights: Record<string, number>; cutScores: { min: number | string; label: string }[] };
}

const start = (schoolYear: string) => Number(schoolYear.slice(0, 4));

/** Default phase dates of a school year (August to June). */
export function defaultPhases(schoolYear: string): CycleFormValues['phases'] {
  const y = start(schoolYear);
  const dates: Record<CyclePhaseKey, [string, string]> = {
    self_assessment: [`${y}-08-15`, `${y}-09-15`],
    goal_setting: [`${y}-09-16`, `${y}-10-15`],
    mid_year_check_in: [`${y + 1}-01-05`, `${y + 1}-01-31`],
    end_of_year_review: [`${y + 1}-05-01`, `${y + 1}-05-31`],
    sign_off: [`${y + 1}-06-01`, `${y + 1}-06-15`],
  };
  return CYCLE_PHASES.map((key) => ({ key, use: true, startsOn: dates[key][0], endsOn: dates[key][1] }));
}

/** Quarterly check-ins after goal setting: mid-November, mid-February, mid-April. */
export const quarterlyCheckIns = (schoolYear: string) => [
  `${start(schoolYear)}-11-15`,
  `${start(schoolYear) + 1}-02-15`,
  `${start(schoolYear) + 1}-04-15`,
];

export function initialValues(schoolYear: string, competencyIds: string[]): CycleFormValues {
  return {
    title: '',
    schoolYear,
    population: { roles: [], stepIds: [], orgUnitIds: [] },
    phases: defaultPhases(schoolYear),
    checkInDates: quarterlyCheckIns(schoolYear),
    ratingMethod: { overall: false, weights: Object.fromEntries(competencyIds.map((id) => [id, 0])), cutScores: [] },
  };
}

/** The weights HR set (0 left out; none at all means equal weights). */
export const chosenWeights = (weights: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(weights)
      .filter(([, w]) => Number(w) > 0)
      .map(([id, w]) => [id, Number(w)]),
  );

export const liveTotal = (v: CycleFormValues) => weightTotal(chosenWeights(v.ratingMethod.weights));

/** The API input: used phases only, weights over 0, cut scores as numbers. */
export function toInput(v: CycleFormValues): CreateCycleInput {
  return {
    title: v.title,
    schoolYear: v.schoolYear,
    population: v.population as CreateCycleInput['population'],
    phases: v.phases.filter((p) => p.use).map(({ key, startsOn, endsOn }) => ({ key, startsOn, endsOn })),
    checkInDates: v.checkInDates.filter(Boolean),
    ratingMethod: {
      overall: v.ratingMethod.overall,
      weights: v.ratingMethod.overall ? chosenWeights(v.ratingMethod.weights) : {},
      cutScores: v.ratingMethod.overall
        ? v.ratingMethod.cutScores.map((c) => ({ min: c.min === '' ? Number.NaN : Number(c.min), label: c.label }))
        : [],
    },
  };
}

/** Field messages the schema's own would word too vaguely (keys of the form's values). */
export function checkForm(v: CycleFormValues, msg: { phaseOrder: string; weights: (total: number) => string; cuts: string }) {
  const errors: Record<string, string> = {};
  let prevEnd = '';
  v.phases.forEach((p, i) => {
    if (!p.use) return;
    if (!p.startsOn || !p.endsOn || p.endsOn < p.startsOn || (prevEnd && p.startsOn <= prevEnd))
      errors[`phases.${i}.startsOn`] = msg.phaseOrder;
    prevEnd = p.endsOn;
  });
  const total = liveTotal(v);
  if (v.ratingMethod.overall && total !== 0 && total !== 100) errors['ratingMethod.weights'] = msg.weights(total);
  v.ratingMethod.cutScores.forEach((c, i) => {
    const prev = v.ratingMethod.cutScores[i - 1];
    if (prev && Number(c.min) <= Number(prev.min)) errors[`ratingMethod.cutScores.${i}.min`] = msg.cuts;
  });
  return errors;
}
