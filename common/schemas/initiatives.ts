import { z } from 'zod';
import { INITIATIVE_LIMITS } from '../implementation.ts';
import { STAFF_ROLES } from '../roles.ts';
import { IsoDate, Uuid } from './common.ts';

/** Initiatives: what a district puts into practice, where, when, with what money and which partner (issue 14, item 1). */

export const INITIATIVE_STATUSES = ['active', 'archived'] as const;
export const FUNDING_WARNINGS = ['past', 'soon'] as const;

const text = z.string().trim().max(INITIATIVE_LIMITS.textChars);
const pct = z.number().int().min(0).max(100);

const initiativeFields = {
  name: z.string().trim().min(1).max(INITIATIVE_LIMITS.nameChars),
  purpose: text.default(''),
  /** The need it meets, in the district's words. */
  need: text.default(''),
  /** The practice profile: a framework version of the district (its items are the essential components). */
  profileVersionId: Uuid.nullable().default(null),
  /** The fidelity tool: a rubric of the profile version or of a later version of the same framework. */
  fidelityRubricId: Uuid.nullable().default(null),
  /** Staff roles covered at its schools; empty: every observed role. */
  coveredRoles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length).default([]),
  /** The vendor or developer partner's organisation. */
  partnerName: z.string().trim().max(INITIATIVE_LIMITS.nameChars).nullable().default(null),
  /** A check is at fidelity from this share of the tool's maximum. */
  fidelityThresholdPct: pct.default(80),
  /** Full implementation is suggested when this share of covered staff is at fidelity. */
  fullImplementationPct: pct.default(50),
  /** Off by default (fidelity is not evaluation): principals read their teachers' own checks. */
  principalsSeeIndividualFidelity: z.boolean().default(false),
  status: z.enum(INITIATIVE_STATUSES).default('active'),
};

export const CreateInitiativeInput = z.object(initiativeFields);
export type CreateInitiativeInput = z.infer<typeof CreateInitiativeInput>;
export const UpdateInitiativeInput = z.object({ ...initiativeFields, version: z.number().int().positive() });
export type UpdateInitiativeInput = z.infer<typeof UpdateInitiativeInput>;

export const InitiativeSummary = z.object({
  id: Uuid,
  name: z.string(),
  status: z.enum(INITIATIVE_STATUSES),
  partnerName: z.string().nullable(),
  schoolCount: z.number().int(),
  version: z.number().int(),
});
export const InitiativeList = z.object({
  items: z.array(InitiativeSummary),
  abilities: z.object({ create: z.boolean() }),
});

export const InitiativeSchool = z.object({ orgUnitId: Uuid, name: z.string(), identifier: z.string().nullable(), waveId: Uuid.nullable() });

export const Wave = z.object({
  id: Uuid,
  position: z.number().int(),
  name: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  version: z.number().int(),
});

export const Funding = z.object({
  id: Uuid,
  source: z.string(),
  amountUsd: z.number(),
  startsOn: IsoDate.nullable(),
  spendBy: IsoDate,
  /** `past`: the spend-by date has gone by; `soon`: within the warning window; null: neither. */
  warning: z.enum(FUNDING_WARNINGS).nullable(),
  version: z.number().int(),
});

export const Initiative = z.object({
  id: Uuid,
  name: z.string(),
  purpose: z.string(),
  need: z.string(),
  profileVersion: z
    .object({ id: Uuid, frameworkId: Uuid, title: z.string(), versionNumber: z.number().int(), status: z.string() })
    .nullable(),
  fidelityRubric: z.object({ id: Uuid, title: z.string(), versionId: Uuid }).nullable(),
  coveredRoles: z.array(z.string()),
  partnerName: z.string().nullable(),
  fidelityThresholdPct: z.number().int(),
  fullImplementationPct: z.number().int(),
  principalsSeeIndividualFidelity: z.boolean(),
  status: z.enum(INITIATIVE_STATUSES),
  version: z.number().int(),
  schools: z.array(InitiativeSchool),
  waves: z.array(Wave),
  /** Empty for a guest: a partner reads the tool and aggregate fidelity, not the money. */
  funding: z.array(Funding),
  abilities: z.object({ manage: z.boolean() }),
});
export type Initiative = z.infer<typeof Initiative>;

export const CoverageInput = z.object({
  /** Schools of the district to cover (or to move into `waveId`). */
  orgUnitIds: z.array(Uuid).min(1).max(2000),
  waveId: Uuid.nullable().default(null),
});
export const RemoveCoverageInput = z.object({ orgUnitIds: z.array(Uuid).min(1).max(2000) });

const waveFields = {
  name: z.string().trim().min(1).max(INITIATIVE_LIMITS.nameChars),
  startsOn: IsoDate,
  endsOn: IsoDate,
};
function checkWaveDates(v: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) {
  if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'A wave ends on or after its start' });
}
export const WaveInput = z.object(waveFields).superRefine(checkWaveDates);
export const UpdateWaveInput = z.object({ ...waveFields, version: z.number().int().positive() }).superRefine(checkWaveDates);
export type WaveInput = z.infer<typeof WaveInput>;

const fundingFields = {
  source: z.string().trim().min(1).max(INITIATIVE_LIMITS.nameChars),
  amountUsd: z.number().min(0).max(1e12),
  startsOn: IsoDate.nullable().default(null),
  spendBy: IsoDate,
};
function checkFundingDates(v: { startsOn: string | null; spendBy: string }, ctx: z.RefinementCtx) {
  if (v.startsOn && v.spendBy < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['spendBy'], message: 'The spend-by date is on or after the start' });
}
export const FundingInput = z.object(fundingFields).superRefine(checkFundingDates);
export const UpdateFundingInput = z.object({ ...fundingFields, version: z.number().int().positive() }).superRefine(checkFundingDates);
export type FundingInput = z.infer<typeof FundingInput>;

export const InitiativeChildParams = z.object({ id: Uuid, childId: Uuid });

export const Guest = z.object({
  id: Uuid,
  personId: Uuid,
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  expiresOn: IsoDate,
  revokedAt: z.string().nullable(),
  /** active: may sign in; expired: past its last day; revoked: ended by a manager. */
  state: z.enum(['active', 'expired', 'revoked']),
  /** Whether the guest has chosen a password (accepted the invitation). */
  accepted: z.boolean(),
  version: z.number().int(),
});
export const GuestList = z.object({ items: z.array(Guest) });

export const InviteGuestInput = z.object({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  email: z.email().trim().toLowerCase().max(254),
  /** Last day the account works (district time zone), at most INITIATIVE_LIMITS.guestMaxDays ahead. */
  expiresOn: IsoDate,
});
export type InviteGuestInput = z.infer<typeof InviteGuestInput>;
