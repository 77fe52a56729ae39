import { z } from 'zod';
import { ACTION_PLAN_LIMITS, BARRIER_KINDS, BARRIER_STATUSES, BARRIER_TRANSITIONS } from '../action-plans.ts';
import { Uuid } from './common.ts';
import { PersonRef } from './teams.ts';

/** Practice-policy feedback (issue 15 part 6): barriers raised by staff, routed to implementation teams. */

const DateTime = z.iso.datetime({ offset: true });
const Ref = z.object({ id: Uuid, name: z.string() });
const Text = z.string().max(ACTION_PLAN_LIMITS.textChars);

export const BarrierStatusSchema = z.enum(BARRIER_STATUSES);

export const RaiseBarrierInput = z.object({
  kind: z.enum(BARRIER_KINDS),
  initiativeId: Uuid,
  /** The practice (a component of the initiative's practice profile) it blocks, if one. */
  itemId: Uuid.nullable().optional(),
  /** The school where it blocks the practice (one the initiative covers). */
  orgUnitId: Uuid,
  description: z.string().trim().min(1).max(ACTION_PLAN_LIMITS.textChars),
});
export type RaiseBarrierInput = z.infer<typeof RaiseBarrierInput>;

export const MoveBarrierInput = z.object({
  version: z.number().int().positive(),
  to: z.enum(BARRIER_TRANSITIONS),
  /** What goes back to the person who raised it; required to resolve or to decline. */
  answer: Text.optional(),
});
export type MoveBarrierInput = z.infer<typeof MoveBarrierInput>;

export const BarrierNotesInput = z.object({ version: z.number().int().positive(), internalNotes: Text });
export type BarrierNotesInput = z.infer<typeof BarrierNotesInput>;

export const BarrierListQuery = z.object({
  status: z.enum(['open', 'closed', ...BARRIER_STATUSES]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type BarrierListQuery = z.infer<typeof BarrierListQuery>;

/** A barrier as its reader may see it: `internalNotes` is null for the person who raised it (and anyone outside the teams). */
export const Barrier = z.object({
  id: Uuid,
  kind: z.enum(BARRIER_KINDS),
  initiative: Ref,
  component: Ref.nullable(),
  school: Ref,
  description: z.string(),
  raisedBy: PersonRef,
  routedTeam: Ref,
  firstTeam: Ref,
  status: BarrierStatusSchema,
  answer: z.string(),
  internalNotes: z.string().nullable(),
  escalatedAt: DateTime.nullable(),
  closedAt: DateTime.nullable(),
  version: z.number().int(),
  createdAt: DateTime,
  updatedAt: DateTime,
  abilities: z.object({ move: z.boolean(), moves: z.array(z.enum(BARRIER_TRANSITIONS)), editNotes: z.boolean() }),
});
export type Barrier = z.infer<typeof Barrier>;

export const BarrierList = z.object({ items: z.array(Barrier), total: z.number().int() });
export type BarrierList = z.infer<typeof BarrierList>;

/** What the raise form offers: the initiatives with the schools they cover and their components, and the caller's own school. */
export const BarrierOptions = z.object({
  initiatives: z.array(Ref.extend({ schools: z.array(Ref), components: z.array(Ref) })),
  mySchoolIds: z.array(Uuid),
});
export type BarrierOptions = z.infer<typeof BarrierOptions>;
