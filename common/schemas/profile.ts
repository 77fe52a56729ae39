import { z } from 'zod';

/** A person's competency profile and the "my growth" home widgets: the API contract. */

export const EvidencePoint = z.object({
  id: z.uuid(),
  observedAt: z.string(),
  levelScore: z.number().nullable(),
  label: z.string().nullable(),
  proficient: z.boolean().nullable(),
  /** common/competency.ts EVIDENCE_SOURCES */
  source: z.string(),
  sourceId: z.uuid().nullable(),
});
export type EvidencePoint = z.infer<typeof EvidencePoint>;

export const ProfileCompetency = z.object({
  itemId: z.uuid(),
  humanCode: z.string().nullable(),
  statement: z.string(),
  framework: z.object({ versionId: z.uuid(), title: z.string(), versionNumber: z.number().int() }),
  /** Oldest first. */
  points: z.array(EvidencePoint),
  latest: EvidencePoint.nullable(),
  /** The levels of the scale its evidence was scored on, lowest first (a chart's axis runs over them); empty when unscored. */
  scaleLevels: z.array(z.object({ label: z.string(), levelScore: z.number() })),
});
export type ProfileCompetency = z.infer<typeof ProfileCompetency>;

export const CompetencyProfile = z.object({
  personId: z.uuid(),
  /** `development`: a coach's view (development observations only). */
  view: z.enum(['full', 'development']),
  competencies: z.array(ProfileCompetency),
});
export type CompetencyProfile = z.infer<typeof CompetencyProfile>;

export const HomeObservation = z.object({
  id: z.uuid(),
  observedOn: z.string(),
  typeName: z.string(),
  kind: z.string(),
  /** The other person: the observer on "mine", the teacher on an observer's lists. */
  personName: z.string(),
  feedbackDueOn: z.string().nullable(),
  acknowledged: z.boolean(),
});
export type HomeObservation = z.infer<typeof HomeObservation>;

export const HomeActionStep = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  dueOn: z.string().nullable(),
  observationId: z.uuid().nullable(),
});

export const HomeGrowth = z.object({
  mine: z.object({
    observations: z.array(HomeObservation),
    actionSteps: z.array(HomeActionStep),
    coaching: z.object({
      heldThisTerm: z.number().int(),
      next: z.object({ id: z.uuid(), startsAt: z.string(), activity: z.string(), coachName: z.string() }).nullable(),
    }),
  }),
  /** Present for people who observe (coaches, school leaders, HR, admins). */
  observer: z
    .object({
      drafts: z.array(HomeObservation),
      overdueFeedback: z.array(HomeObservation),
      missing: z.object({
        items: z.array(z.object({ personId: z.uuid(), name: z.string(), scoredThisTerm: z.number().int() })),
        total: z.number().int(),
        requiredPerTerm: z.number().int(),
      }),
    })
    .nullable(),
});
export type HomeGrowth = z.infer<typeof HomeGrowth>;
