import type { PathwayCategory } from '../../common/competency.ts';
import type {
  CentralOfficeFunction,
  Pathway,
  PathwayStep,
  PathwaySummary,
  StepEquivalence,
  StepRubricLink,
} from '../../common/schemas/pathways.ts';
import type { StaffRole } from '../../common/roles.ts';
import type { careerPathways, pathwaySteps } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { catalogAbilities } from '../policies/frameworks.ts';

type PathwayRow = typeof careerPathways.$inferSelect;
type StepRow = typeof pathwaySteps.$inferSelect;

export function presentStep(
  actor: Actor,
  step: StepRow,
  pathwayName: string,
  equivalences: StepEquivalence[] = [],
  rubrics: StepRubricLink[] = [],
): PathwayStep {
  return {
    id: step.id,
    pathwayId: step.pathwayId,
    pathwayName,
    position: step.position,
    title: step.title,
    code: step.code,
    staffRole: step.staffRole as StaffRole | null,
    responsibilityLevel: step.responsibilityLevel,
    summary: step.summary,
    responsibilities: step.responsibilities,
    prerequisites: {
      minYearsExperience: step.prerequisites.minYearsExperience ?? null,
      credentials: step.prerequisites.credentials ?? [],
      evidence: step.prerequisites.evidence ?? [],
    },
    payBandMinUsd: step.payBandMinUsd,
    payBandMaxUsd: step.payBandMaxUsd,
    active: step.active,
    version: step.version,
    equivalences,
    rubrics,
    abilities: catalogAbilities(actor),
  };
}

export function presentPathway(actor: Actor, row: PathwayRow, steps: PathwayStep[]): Pathway {
  return {
    id: row.id,
    name: row.name,
    category: row.category as PathwayCategory,
    function: row.function as CentralOfficeFunction | null,
    description: row.description,
    active: row.active,
    version: row.version,
    steps,
    abilities: catalogAbilities(actor),
  };
}

export function presentPathwaySummary(actor: Actor, row: PathwayRow, steps: StepRow[]): PathwaySummary {
  return {
    ...presentPathway(actor, row, []),
    steps: steps.map((s) => ({
      id: s.id,
      title: s.title,
      position: s.position,
      active: s.active,
      responsibilityLevel: s.responsibilityLevel,
    })),
  };
}
