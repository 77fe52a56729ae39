import { z } from 'zod';
import { CONCERN_STATUSES, IMPROVEMENT_OUTCOMES, IMPROVEMENT_STATUSES } from '../performance.ts';
import { IsoDate, Uuid } from './common.ts';

/** Professionalism expectations, escalation steps, concerns and improvement plans: the API contract. */

/** The two district lists HR keeps: expectations and escalation steps. */
export const PROFESSIONALISM_LISTS = ['expectations', 'escalation-steps'] as const;
export const ListKindParams = z.object({ kind: z.enum(PROFESSIONALISM_LISTS) });
export const ListItemParams = ListKindParams.extend({ id: Uuid });

export const ListItem = z.object({
  id: Uuid,
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export type ListItem = z.infer<typeof ListItem>;

export const ListItemInput = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
});
export const ListItemUpdate = ListItemInput.extend({ active: z.boolean(), version: z.number().int().positive() });
export const ReorderInput = z.object({
  /** Every item of the list, in the new order, with the version the caller saw. */
  items: z.array(z.object({ id: Uuid, version: z.number().int().positive() })).min(1),
});

export const ProfessionalismSetup = z.object({
  expectations: z.array(ListItem),
  escalationSteps: z.array(ListItem),
  canManage: z.boolean(),
});
export type ProfessionalismSetup = z.infer<typeof ProfessionalismSetup>;

const PersonRef = z.object({ id: Uuid, name: z.string() });
const Ref = z.object({ id: Uuid, title: z.string() });

export const ConcernInput = z.object({
  expectationId: Uuid,
  escalationStepId: Uuid.nullable().default(null),
  occurredOn: IsoDate,
  description: z.string().trim().min(1).max(10000),
});

export const Concern = z.object({
  id: Uuid,
  person: PersonRef,
  raisedBy: PersonRef,
  expectation: Ref,
  escalationStep: Ref.nullable(),
  occurredOn: IsoDate,
  description: z.string(),
  personResponse: z.string().nullable(),
  respondedAt: z.string().nullable(),
  status: z.enum(CONCERN_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({ respond: z.boolean(), resolve: z.boolean(), openPlan: z.boolean() }),
});
export type Concern = z.infer<typeof Concern>;

export const ConcernListQuery = z.object({
  status: z.enum(CONCERN_STATUSES).optional(),
  personId: Uuid.optional(),
  expectationId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ConcernList = z.object({ items: z.array(Concern), total: z.number().int() });

export const ResponseInput = z.object({ response: z.string().trim().min(1).max(10000), version: z.number().int().positive() });
export const VersionOnly = z.object({ version: z.number().int().positive() });

export const PlanGoal = z.object({ text: z.string().trim().min(1).max(2000), measure: z.string().trim().max(2000).default('') });
export const PlanSupport = z.object({ text: z.string().trim().min(1).max(2000), owner: z.string().trim().max(200).default('') });
export const PlanCheckDate = z.object({ on: IsoDate, note: z.string().trim().max(5000).default(''), held: z.boolean().default(false) });

export const ImprovementPlanFields = z.object({
  startsOn: IsoDate,
  endsOn: IsoDate,
  goals: z.array(PlanGoal).max(20),
  supports: z.array(PlanSupport).max(20),
  checkDates: z.array(PlanCheckDate).max(30),
});
export const ImprovementPlanInput = ImprovementPlanFields.extend({ concernId: Uuid.nullable().default(null) });
export const ImprovementPlanUpdate = ImprovementPlanFields.extend({ version: z.number().int().positive() });
export const ClosePlanInput = z.object({
  outcome: z.enum(IMPROVEMENT_OUTCOMES),
  note: z.string().trim().max(5000).default(''),
  version: z.number().int().positive(),
});

export const ImprovementPlan = z.object({
  id: Uuid,
  person: PersonRef,
  owner: PersonRef,
  concernId: Uuid.nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  goals: z.array(z.object({ text: z.string(), measure: z.string() })),
  supports: z.array(z.object({ text: z.string(), owner: z.string() })),
  checkDates: z.array(z.object({ on: IsoDate, note: z.string(), held: z.boolean() })),
  status: z.enum(IMPROVEMENT_STATUSES),
  outcome: z.enum(IMPROVEMENT_OUTCOMES).nullable(),
  outcomeNote: z.string(),
  personResponse: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean(), activate: z.boolean(), close: z.boolean(), respond: z.boolean() }),
});
export type ImprovementPlan = z.infer<typeof ImprovementPlan>;

export const ImprovementPlanListQuery = z.object({
  status: z.enum(IMPROVEMENT_STATUSES).optional(),
  personId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const ImprovementPlanList = z.object({ items: z.array(ImprovementPlan), total: z.number().int() });
