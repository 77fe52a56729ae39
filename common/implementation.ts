/**
 * Implementation rules shared by browser and server: stages, team kinds and roles, drivers, PDSA.
 * An initiative puts a program into practice through its drivers, school by school, stage by stage.
 */

/** NIRN's stages, in order; the district's words for them are the i18n labels (getting ready...). */
export const IMPLEMENTATION_STAGES = ['exploration', 'installation', 'initial_implementation', 'full_implementation'] as const;
export type ImplementationStage = (typeof IMPLEMENTATION_STAGES)[number];

export const IMPLEMENTATION_TEAM_KINDS = ['district', 'school', 'talent_management'] as const;
export type ImplementationTeamKind = (typeof IMPLEMENTATION_TEAM_KINDS)[number];

export const IMPLEMENTATION_TEAM_ROLES = ['facilitator', 'data_lead', 'coach_representative', 'administrator', 'member'] as const;
export type ImplementationTeamRole = (typeof IMPLEMENTATION_TEAM_ROLES)[number];

/** Competency drivers first, then organisation drivers, then leadership. */
export const COMPETENCY_DRIVERS = ['selection', 'training', 'coaching', 'fidelity'] as const;
export const ORGANIZATION_DRIVERS = ['decision_support', 'facilitative_administration', 'systems_intervention'] as const;
export const DRIVERS = [...COMPETENCY_DRIVERS, ...ORGANIZATION_DRIVERS, 'leadership'] as const;
export type Driver = (typeof DRIVERS)[number];

/** Driver health, lowest to highest: nothing written, planned, in place, producing data. */
export const DRIVER_HEALTH = ['not_started', 'planned', 'in_place', 'producing_data'] as const;
export type DriverHealth = (typeof DRIVER_HEALTH)[number];

export const PDSA_STATUSES = ['plan', 'do', 'study', 'act', 'closed'] as const;
export type PdsaStatus = (typeof PDSA_STATUSES)[number];

export const PDSA_ACTS = ['adopt', 'adapt', 'abandon'] as const;
export type PdsaAct = (typeof PDSA_ACTS)[number];

/**
 * Not done as intended: fix the drivers (implementation problem). Done as intended and still no
 * result: question the program (innovation problem). Done and worked: neither.
 */
export const PDSA_PROBLEMS = ['implementation_problem', 'innovation_problem', 'none'] as const;
export type PdsaProblem = (typeof PDSA_PROBLEMS)[number];

/** The classification a closed cycle gets from its do and study answers. */
export function classifyPdsa(doneAsIntended: boolean, predictionMet: boolean): PdsaProblem {
  if (!doneAsIntended) return 'implementation_problem';
  return predictionMet ? 'none' : 'innovation_problem';
}

/**
 * The fewest people (a school's figures) or checks (a component in a month) a fidelity aggregate is
 * shown over to a reader who may not read individuals' fidelity: below it the figure is withheld
 * (`suppressed`), so an average never discloses one teacher's score to a colleague or a vendor.
 */
export const FIDELITY_MIN_GROUP = 3;

export const INITIATIVE_LIMITS = {
  nameChars: 200,
  textChars: 10_000,
  checklistItems: 40,
  checklistItemChars: 500,
  waves: 10,
  /** Days before a spend-by date when its warning shows. */
  fundingWarningDays: 90,
  /** Longest a vendor guest account may run, in days. */
  guestMaxDays: 366,
} as const;
