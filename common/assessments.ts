/**
 * The assessment engine's rules, shared by browser and server: instrument kinds, the roles people
 * take in an administration, the limits of a version, and how a version is scored (sum of consensus
 * scores, percent of the maximum per section and in total, an optional target line).
 */

export const INSTRUMENT_KINDS = ['fit', 'drivers', 'capacity', 'practice', 'custom'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export const INSTRUMENT_VERSION_STATUSES = ['draft', 'published'] as const;
export type InstrumentVersionStatus = (typeof INSTRUMENT_VERSION_STATUSES)[number];

/**
 * Who takes part in an administration: the facilitator and the note taker record consensus scores,
 * voting members vote, an administrator attends (so decisions can be acted on) and never votes.
 */
export const ADMINISTRATION_ROLES = ['facilitator', 'note_taker', 'voting_member', 'administrator'] as const;
export type AdministrationRole = (typeof ADMINISTRATION_ROLES)[number];

/**
 * A team role's usual part in an administration: the facilitator leads, the data lead takes the
 * notes (and so records the consensus), an administrator attends without voting, the rest vote.
 */
export const ADMINISTRATION_ROLE_FOR_TEAM_ROLE: Record<string, AdministrationRole> = {
  facilitator: 'facilitator',
  data_lead: 'note_taker',
  administrator: 'administrator',
};

/** Roles that record the consensus score of an item (and run the live voting: open items, reveal). */
export const RECORDING_ROLES: readonly AdministrationRole[] = ['facilitator', 'note_taker'];

/**
 * Roles that vote in the live voting: voting members only. The facilitator and the note taker run
 * the discussion and record its outcome (a neutral facilitator, as the NIRN protocols have it); an
 * administrator attends and never votes.
 */
export const VOTING_ROLES: readonly AdministrationRole[] = ['voting_member'];

export const ADMINISTRATION_STATUSES = ['open', 'closed'] as const;
export type AdministrationStatus = (typeof ADMINISTRATION_STATUSES)[number];

/**
 * Where the live voting stands on the current item: `open` (members vote, nobody sees a value),
 * `revealed` (the votes are shown together and locked), `decided` (the consensus score is recorded).
 */
export const ITEM_STATES = ['open', 'revealed', 'decided'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export const ASSESSMENT_LIMITS = {
  nameChars: 200,
  textChars: 5_000,
  sections: 30,
  itemsPerSection: 60,
  scalePoints: 11,
  csvRows: 1_000,
} as const;

export interface ScalePoint {
  /** The score this point gives (0, 1, 2...); unique within a scale. */
  value: number;
  label: string;
  /** What the point looks like in practice (the anchor a team reads before it scores). */
  anchor: string;
}

/** Sum and percent of maximum for a set of scored items; null percent with nothing scored. */
export function percentOfMax(values: number[], maxValue: number): { sum: number; max: number; pct: number | null } {
  const sum = values.reduce((a, b) => a + b, 0);
  const max = values.length * maxValue;
  return { sum, max, pct: max > 0 ? Math.round((sum / max) * 1000) / 10 : null };
}

export const scaleMax = (points: Pick<ScalePoint, 'value'>[]) => Math.max(0, ...points.map((p) => p.value));

/**
 * A consensus score low enough to plan an action from: under the version's target line (a percent of
 * the scale's maximum) where it has one, else at most half the scale's maximum. On a 0-1-2 scale
 * with no target, "partly" and "not in place"; on 1-5 with an 80% target, 1 to 3.
 *
 * @example
 * isLowScore(3, 5, 80); // true: 60% is under the 80% line
 * isLowScore(1, 2, null); // true: half the maximum
 */
export function isLowScore(value: number, maxValue: number, targetPct: number | null): boolean {
  if (maxValue <= 0) return false;
  if (targetPct !== null) return (value / maxValue) * 100 < targetPct;
  return value <= maxValue / 2;
}

/** Common scales a builder starts from. */
export const SCALE_PRESETS: Record<'one_to_five' | 'in_place' | 'zero_one_two' | 'progress', ScalePoint[]> = {
  one_to_five: [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value), anchor: '' })),
  in_place: [
    { value: 0, label: 'Not in place', anchor: 'No part of this is happening yet.' },
    { value: 1, label: 'Partly in place', anchor: 'Some parts happen, or it happens in some places.' },
    { value: 2, label: 'In place', anchor: 'It happens as described, everywhere it should.' },
  ],
  zero_one_two: [0, 1, 2].map((value) => ({ value, label: String(value), anchor: '' })),
  progress: [
    { value: 1, label: 'Getting aware', anchor: 'We are learning what the practice asks of us.' },
    { value: 2, label: 'Getting ready', anchor: 'We have a plan, people and time set aside.' },
    { value: 3, label: 'Getting started', anchor: 'We have begun, in some places, with support.' },
    { value: 4, label: 'Getting better', anchor: 'It is done in most places and we use data to improve it.' },
    { value: 5, label: 'Keep improving', anchor: 'It is how we work; we keep checking and refining it.' },
  ],
};
