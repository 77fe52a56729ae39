import { z } from 'zod';
import { FIT_CANDIDATE_KINDS, FIT_RECOMMENDATIONS, FIT_REVIEW_LIMITS, FIT_REVIEW_STATUSES } from '../fit-reviews.ts';
import { ADMINISTRATION_STATUSES } from '../assessments.ts';
import { Uuid, VersionInput } from './common.ts';

/** Fit reviews across candidate programs (issue 15 part 3): the API contract. */

const Title = z.string().trim().min(1).max(FIT_REVIEW_LIMITS.titleChars);
const Text = z.string().max(FIT_REVIEW_LIMITS.textChars);
const Named = z.object({ id: Uuid, name: z.string() });

export const FitCandidateKindSchema = z.enum(FIT_CANDIDATE_KINDS);
export const FitRecommendationSchema = z.enum(FIT_RECOMMENDATIONS);

// ---------- Inputs ----------

export const FitReviewCreateInput = z.object({
  title: Title,
  /** The need the candidates should meet (becomes the adopted initiative's need and purpose). */
  need: Text.default(''),
  /** The district's own unit or a school; the team's own unit when a team is given. */
  orgUnitId: Uuid,
  /** The implementation team that scores the candidates; null: the creator scores alone. */
  teamId: Uuid.nullable().default(null),
  /** A published version of a fit instrument; every candidate is scored with it. */
  versionId: Uuid,
});
export type FitReviewCreateInput = z.infer<typeof FitReviewCreateInput>;

export const FitReviewUpdateInput = VersionInput.extend({ title: Title.optional(), need: Text.optional() });
export type FitReviewUpdateInput = z.infer<typeof FitReviewUpdateInput>;

export const FitReviewStatusInput = VersionInput.extend({ status: z.enum(FIT_REVIEW_STATUSES) });
export type FitReviewStatusInput = z.infer<typeof FitReviewStatusInput>;

export const FitCandidateInput = z.object({
  name: Title,
  kind: FitCandidateKindSchema.default('program'),
  /** The vendor or developer (becomes the adopted initiative's partner). */
  vendor: z.string().trim().max(FIT_REVIEW_LIMITS.titleChars).default(''),
  notes: Text.default(''),
});
export type FitCandidateInput = z.infer<typeof FitCandidateInput>;

export const FitCandidateUpdateInput = VersionInput.extend({
  name: Title.optional(),
  kind: FitCandidateKindSchema.optional(),
  vendor: z.string().trim().max(FIT_REVIEW_LIMITS.titleChars).optional(),
  notes: Text.optional(),
});
export type FitCandidateUpdateInput = z.infer<typeof FitCandidateUpdateInput>;

/** The team's recommendation; null clears it (never once the candidate is adopted). */
export const FitRecommendationInput = VersionInput.extend({
  recommendation: FitRecommendationSchema.nullable(),
  rationale: Text.default(''),
});
export type FitRecommendationInput = z.infer<typeof FitRecommendationInput>;

export const FitAdoptInput = VersionInput.extend({
  /** The initiative's name; the candidate's name when left out. */
  name: Title.optional(),
  /** The initiative's purpose; the review's need when left out. */
  purpose: Text.optional(),
});
export type FitAdoptInput = z.infer<typeof FitAdoptInput>;

export const FitCandidateParams = z.object({ id: Uuid, candidateId: Uuid });

export const FitReviewListQuery = z.object({
  /** Reviews whose adopted candidate started this initiative. */
  initiativeId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FitReviewListQuery = z.infer<typeof FitReviewListQuery>;

// ---------- Views ----------

export const FitReviewSummary = z.object({
  id: Uuid,
  title: z.string(),
  status: z.enum(FIT_REVIEW_STATUSES),
  orgUnit: Named,
  team: Named.nullable(),
  instrument: Named,
  versionNumber: z.number().int(),
  candidates: z.number().int(),
  /** Initiatives started from this review's candidates. */
  initiatives: z.array(Named),
  createdAt: z.string(),
  version: z.number().int(),
});
export type FitReviewSummary = z.infer<typeof FitReviewSummary>;

export const FitReviewList = z.object({
  items: z.array(FitReviewSummary),
  total: z.number().int(),
  abilities: z.object({
    /** Teams the caller may start a review for (HR and admins: every active team; a facilitator: their teams). */
    teams: z.array(Named.extend({ orgUnit: Named })),
    /** May start a review without a team, scoring alone (HR and admins). */
    withoutTeam: z.boolean(),
  }),
});
export type FitReviewList = z.infer<typeof FitReviewList>;

export const FitCandidate = z.object({
  id: Uuid,
  position: z.number().int(),
  name: z.string(),
  kind: FitCandidateKindSchema,
  vendor: z.string(),
  notes: z.string(),
  /** The administration that scores this candidate (the engine's own page records its scores). */
  administration: z.object({ id: Uuid, status: z.enum(ADMINISTRATION_STATUSES), totalPct: z.number().nullable() }),
  recommendation: FitRecommendationSchema.nullable(),
  rationale: z.string(),
  recommendedBy: z.string().nullable(),
  recommendedAt: z.string().nullable(),
  initiative: Named.nullable(),
  adoptedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), recommend: z.boolean(), adopt: z.boolean() }),
});
export type FitCandidate = z.infer<typeof FitCandidate>;

/** One candidate's figures for a section (or the total): what was scored, never a rank. */
export const FitCell = z.object({
  candidateId: Uuid,
  sum: z.number(),
  max: z.number(),
  pct: z.number().nullable(),
  scored: z.number().int(),
  items: z.number().int(),
  /** The consensus notes recorded on this section's items. */
  notes: z.array(z.string()),
});
export type FitCell = z.infer<typeof FitCell>;

/** Rows are the version's sections in order, columns the candidates in order. */
export const FitComparison = z.object({
  sections: z.array(z.object({ key: Uuid, title: z.string(), cells: z.array(FitCell) })),
  total: z.array(FitCell.omit({ notes: true })),
  targetPct: z.number().int().nullable(),
});
export type FitComparison = z.infer<typeof FitComparison>;

export const FitReviewDetail = FitReviewSummary.omit({ candidates: true }).extend({
  need: z.string(),
  versionId: Uuid,
  decidedAt: z.string().nullable(),
  candidates: z.array(FitCandidate),
  comparison: FitComparison,
  abilities: z.object({ edit: z.boolean(), addCandidate: z.boolean(), decide: z.boolean(), reopen: z.boolean() }),
});
export type FitReviewDetail = z.infer<typeof FitReviewDetail>;
