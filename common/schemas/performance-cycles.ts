import { z } from 'zod';
import { CYCLE_PHASES, CYCLE_STATUSES } from '../performance.ts';
import { STAFF_ROLES } from '../roles.ts';
import { IsoDate } from './common.ts';
import { SchoolYear } from './settings.ts';

/** Performance cycles: a school year's review process for a population (issue 13, item 1). */

/** Who the cycle is for; every list empty means everyone with a current role in the district. */
export const CyclePopulation = z.object({
  roles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length).default([]),
  stepIds: z.array(z.uuid()).max(200).default([]),
  /** Schools or departments: a person matches through any current role assignment there. */
  orgUnitIds: z.array(z.uuid()).max(2000).default([]),
});

export const CyclePhase = z.object({
  key: z.enum(CYCLE_PHASES),
  startsOn: IsoDate,
  endsOn: IsoDate,
});

export const CutScore = z.object({ min: z.number().min(0).max(100), label: z.string().trim().min(1).max(100) });

export const RatingMethod = z.object({
  /** Per-competency levels always; `overall` adds a weighted overall score and its label. */
  overall: z.boolean(),
  /** Framework item id -> percent; must total 100 when `overall` (none at all: equal weights). */
  weights: z.record(z.uuid(), z.number().min(0).max(100)).default({}),
  /** Lowest overall score for each label, ascending. */
  cutScores: z.array(CutScore).max(10).default([]),
});

const cycleFields = {
  title: z.string().trim().min(1).max(200),
  schoolYear: SchoolYear,
  population: CyclePopulation,
  /** The phases the cycle uses, in CYCLE_PHASES order, each ending before the next starts. */
  phases: z.array(CyclePhase).min(1).max(CYCLE_PHASES.length),
  /** Check-in dates (quarterly by default), ascending. */
  checkInDates: z.array(IsoDate).max(12).default([]),
  ratingMethod: RatingMethod,
};

/** Sum of the weights, to two decimals (what the form shows live). */
export const weightTotal = (weights: Record<string, number>) =>
  Math.round(Object.values(weights).reduce((sum, w) => sum + w, 0) * 100) / 100;

type CycleShape = z.infer<z.ZodObject<typeof cycleFields>>;

/** The rules across fields; each issue names the field it is about (`ratingMethod.weights`). */
function checkCycle(v: CycleShape, ctx: z.RefinementCtx) {
  const order = (key: string) => CYCLE_PHASES.indexOf(key as (typeof CYCLE_PHASES)[number]);
  v.phases.forEach((p, i) => {
    if (p.endsOn < p.startsOn)
      ctx.addIssue({ code: 'custom', path: ['phases', i, 'endsOn'], message: 'A phase ends on or after its start' });
    const prev = v.phases[i - 1];
    if (!prev) return;
    if (order(p.key) <= order(prev.key))
      ctx.addIssue({ code: 'custom', path: ['phases', i, 'key'], message: 'Phases come once each, in order' });
    else if (p.startsOn <= prev.endsOn)
      ctx.addIssue({ code: 'custom', path: ['phases', i, 'startsOn'], message: 'A phase starts after the one before it ends' });
  });
  v.checkInDates.forEach((d, i) => {
    if (i > 0 && d <= v.checkInDates[i - 1]!)
      ctx.addIssue({ code: 'custom', path: ['checkInDates', i], message: 'Check-in dates are in order, each once' });
  });
  const { overall, weights, cutScores } = v.ratingMethod;
  if (overall && Object.keys(weights).length > 0 && weightTotal(weights) !== 100)
    ctx.addIssue({
      code: 'custom',
      path: ['ratingMethod', 'weights'],
      message: `The weights must total 100% (they total ${weightTotal(weights)}%)`,
    });
  cutScores.forEach((c, i) => {
    if (i > 0 && c.min <= cutScores[i - 1]!.min)
      ctx.addIssue({
        code: 'custom',
        path: ['ratingMethod', 'cutScores', i, 'min'],
        message: 'Cut scores go up, each above the one before',
      });
  });
  if (!overall && cutScores.length > 0)
    ctx.addIssue({ code: 'custom', path: ['ratingMethod', 'cutScores'], message: 'Cut scores need an overall rating' });
}

export const CreateCycleInput = z.object(cycleFields).superRefine(checkCycle);
export type CreateCycleInput = z.infer<typeof CreateCycleInput>;

export const UpdateCycleInput = z
  .object({ ...cycleFields, version: z.number().int().positive() })
  .superRefine((v, ctx) => checkCycle(v, ctx));

const Counts = z.object({
  plans: z.number().int(),
  selfAssessed: z.number().int(),
  submitted: z.number().int(),
  signed: z.number().int(),
  reviewed: z.number().int(),
  acknowledged: z.number().int(),
  /** People with no step and no roster role that maps to a rubric (listed for HR). */
  noRubric: z.number().int(),
});

export const CycleSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  schoolYear: z.string(),
  status: z.enum(CYCLE_STATUSES),
  population: z.object({ roles: z.array(z.string()), stepIds: z.array(z.uuid()), orgUnitIds: z.array(z.uuid()) }),
  openedAt: z.iso.datetime({ offset: true }).nullable(),
  /** From the completion summaries (people who left are not counted). */
  counts: Counts,
});
export type CycleSummary = z.infer<typeof CycleSummary>;

export const CycleList = z.object({ items: z.array(CycleSummary) });

export const Cycle = CycleSummary.extend({
  phases: z.array(CyclePhase),
  checkInDates: z.array(z.string()),
  ratingMethod: z.object({
    overall: z.boolean(),
    weights: z.record(z.string(), z.number()),
    cutScores: z.array(z.object({ min: z.number(), label: z.string() })),
  }),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  /** People of the population with their plan in another cycle of the same school year, per cycle. */
  plannedElsewhere: z.array(z.object({ cycleId: z.uuid(), title: z.string(), people: z.number().int() })),
  /** The open or sync job last sent: its state (`created`, `active`, `completed`, `failed`...). */
  job: z.object({ id: z.string(), state: z.string() }).nullable(),
  /** While a job runs: plans made so far against the people in the population. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  /** Step ids, org units and competencies by name, for the page. */
  names: z.object({
    steps: z.array(z.object({ id: z.uuid(), title: z.string() })),
    orgUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
    competencies: z.array(z.object({ id: z.uuid(), code: z.string().nullable(), title: z.string() })),
  }),
  abilities: z.object({ edit: z.boolean(), open: z.boolean(), sync: z.boolean(), close: z.boolean() }),
});
export type Cycle = z.infer<typeof Cycle>;

export const CycleActionInput = z.object({ version: z.number().int().positive() });

/** Someone in the cycle with no rubric to be held to. */
export const UnmatchedPerson = z.object({
  planId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  orgUnitName: z.string().nullable(),
  roles: z.array(z.string()),
});
export const UnmatchedList = z.object({ items: z.array(UnmatchedPerson), total: z.number().int() });
export const UnmatchedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** What the new-cycle form offers: steps (with whether they have a rubric) and the competencies to weigh. */
export const CycleOptions = z.object({
  steps: z.array(z.object({ id: z.uuid(), title: z.string(), pathwayName: z.string(), hasRubric: z.boolean() })),
  competencies: z.array(z.object({ id: z.uuid(), code: z.string().nullable(), title: z.string() })),
  schoolYear: z.string(),
});
export type CycleOptions = z.infer<typeof CycleOptions>;
