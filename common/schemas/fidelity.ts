import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

/**
 * Fidelity checks and views (issue 14 item 5). A check is an observation of kind `fidelity`: it is
 * started here and then edited and published through the observation routes. Individual reads
 * follow server/policies/fidelity.ts; the summary and school views carry no names.
 */

const Named = z.object({ id: Uuid, name: z.string() });
/** A share of the tool's maximum, 0-100, or null when nothing was scored. */
const Pct = z.number().min(0).max(100).nullable();

export const InitiativeFidelityParams = z.object({ id: Uuid });
export const InitiativeSchoolParams = z.object({ id: Uuid, orgUnitId: Uuid });

export const StartFidelityCheckInput = z.object({
  /** A covered staff member of the initiative (current role at a covered school, in a covered role). */
  observedPersonId: Uuid,
  /** The day of the check (district time zone); today when left out. */
  observedOn: IsoDate.optional(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
  durationMinutes: z.number().int().min(1).max(600).nullable().optional(),
  classLabel: z.string().trim().max(200).nullable().optional(),
});
export type StartFidelityCheckInput = z.infer<typeof StartFidelityCheckInput>;

export const FidelityCheck = z.object({
  id: Uuid,
  /** Open and edit the check at /observations/:observationId. */
  observationId: Uuid,
  initiativeId: Uuid,
  person: Named,
  observer: Named,
  school: Named.nullable(),
  checkedOn: IsoDate,
  status: z.enum(['draft', 'published']),
  scorePct: Pct,
  atFidelity: z.boolean().nullable(),
  tool: z.object({
    rubricId: Uuid,
    title: z.string(),
    /** A later tool version is in use: the check is readable, no longer editable. */
    retired: z.boolean(),
  }),
});
export type FidelityCheck = z.infer<typeof FidelityCheck>;

export const FidelityCheckListQuery = z.object({ personId: Uuid });
export const FidelityCheckList = z.object({ items: z.array(FidelityCheck), total: z.number().int() });
export type FidelityCheckList = z.infer<typeof FidelityCheckList>;

export const CoveredPeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const CoveredPerson = z.object({ id: Uuid, name: z.string(), school: Named });
export const CoveredPeople = z.object({ items: z.array(CoveredPerson), total: z.number().int() });
export type CoveredPeople = z.infer<typeof CoveredPeople>;

export const FidelityComponent = z.object({ itemId: Uuid, humanCode: z.string().nullable(), title: z.string() });
export type FidelityComponent = z.infer<typeof FidelityComponent>;

/**
 * `suppressed`: the figure covers fewer than FIDELITY_MIN_GROUP people or checks and this reader may
 * not read individuals there, so its average (and share at fidelity) is withheld as null.
 */
const Suppressed = z.boolean();
const ComponentFigure = z.object({ itemId: Uuid, checks: z.number().int(), averagePct: Pct, suppressed: Suppressed });

const InitiativeRef = z.object({ id: Uuid, name: z.string(), thresholdPct: z.number().int() });

/** Aggregates only: per school and per component, the share at fidelity, and the trend by month. */
export const FidelitySummary = z.object({
  initiative: InitiativeRef.extend({ hasTool: z.boolean(), principalsSeeIndividualFidelity: z.boolean() }),
  components: z.array(FidelityComponent),
  schools: z.array(
    z.object({
      orgUnitId: Uuid,
      name: z.string(),
      /** People with a published check (their latest counts). */
      peopleChecked: z.number().int(),
      atFidelity: z.number().int(),
      atFidelityPct: Pct,
      averagePct: Pct,
      suppressed: Suppressed,
      components: z.array(ComponentFigure),
    }),
  ),
  /** First day of each month (district time zone), oldest first. */
  months: z.array(
    z.object({ month: IsoDate, checks: z.number().int(), averagePct: Pct, suppressed: Suppressed, components: z.array(ComponentFigure) }),
  ),
  totals: z.object({ peopleChecked: z.number().int(), atFidelity: z.number().int(), atFidelityPct: Pct, suppressed: Suppressed }),
  abilities: z.object({ startCheck: z.boolean() }),
});
export type FidelitySummary = z.infer<typeof FidelitySummary>;

/** One school's trend per component by month, beside coaching dosage and training attended on it. */
export const FidelitySchoolTrend = z.object({
  initiative: InitiativeRef,
  school: Named,
  components: z.array(FidelityComponent),
  months: z.array(
    z.object({
      month: IsoDate,
      components: z.array(
        ComponentFigure.extend({
          /** Checks that scored the component at the tool's top level. */
          present: z.number().int(),
          /** Held coaching sessions of the initiative's coaching pairs on this component at this school. */
          coachingSessions: z.number().int(),
          /** Attendances at the initiative's training sessions on this component, by staff of this school. */
          trainingAttended: z.number().int(),
        }),
      ),
    }),
  ),
});
export type FidelitySchoolTrend = z.infer<typeof FidelitySchoolTrend>;

export const PersonFidelity = z.object({
  person: Named,
  initiatives: z.array(
    z.object({
      initiative: InitiativeRef,
      checks: z.array(FidelityCheck),
      components: z.array(FidelityComponent.extend({ checks: z.number().int(), latestPct: Pct, averagePct: Pct })),
    }),
  ),
});
export type PersonFidelity = z.infer<typeof PersonFidelity>;
