import { z } from 'zod';
import { STAFF_ROLES } from '../roles.ts';
import { IsoDate } from './common.ts';

/** Career-step placements: where a person stands on a pathway, dated with history. */

export const PLACEMENT_SOURCES = ['manual', 'bulk', 'import'] as const;

/** Why a step takes no new placements (details.reason of an `invalid_state` error). */
export const PLACEMENT_REFUSALS = ['step_inactive', 'pathway_inactive', 'step_retired', 'already_on_step'] as const;
export type PlacementRefusal = (typeof PLACEMENT_REFUSALS)[number];

export const StepPlacement = z.object({
  id: z.uuid(),
  stepId: z.uuid(),
  stepTitle: z.string(),
  stepCode: z.string().nullable(),
  pathwayId: z.uuid(),
  pathwayName: z.string(),
  startDate: IsoDate,
  /** Null while the placement is current. */
  endDate: IsoDate.nullable(),
  source: z.enum(PLACEMENT_SOURCES),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type StepPlacement = z.infer<typeof StepPlacement>;

export const PersonPlacements = z.object({
  personId: z.uuid(),
  current: StepPlacement.nullable(),
  /** Every placement, newest first (the current one included). */
  history: z.array(StepPlacement),
  abilities: z.object({ place: z.boolean() }),
});
export type PersonPlacements = z.infer<typeof PersonPlacements>;

export const PlaceOnStepInput = z.object({
  stepId: z.uuid(),
  startDate: IsoDate,
  note: z.string().trim().max(500).nullable().optional(),
  /** The current placement the caller saw (null: none); another one answers 409 with the current state. */
  currentPlacementId: z.uuid().nullable(),
});

/** "Everyone with role R at these schools -> step X". A dry run counts without writing. */
export const BulkPlaceInput = z.object({
  role: z.enum(STAFF_ROLES),
  orgUnitIds: z.array(z.uuid()).min(1).max(500),
  stepId: z.uuid(),
  startDate: IsoDate,
  dryRun: z.boolean().default(true),
});

export const BulkPlaceResult = z.object({
  dryRun: z.boolean(),
  /** People holding the role now in those units. */
  matched: z.number().int(),
  /** Placed (or, in a dry run, who would be). */
  placed: z.number().int(),
  alreadyOnStep: z.number().int(),
  /** Their current placement starts after `startDate`: left as they are. */
  skippedLater: z.number().int(),
  /** The first people placed (or to be), by name. */
  sample: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type BulkPlaceResult = z.infer<typeof BulkPlaceResult>;
