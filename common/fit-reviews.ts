/**
 * Fit reviews (issue 15 part 3): a team scores several candidate programs or coaching models with a
 * fit instrument, side by side, and records its own recommendation for each. The system never
 * picks a winner; adopting a candidate the team recommended starts the initiative in exploration.
 */

export const FIT_REVIEW_STATUSES = ['open', 'decided'] as const;
export type FitReviewStatus = (typeof FIT_REVIEW_STATUSES)[number];

export const FIT_CANDIDATE_KINDS = ['program', 'coaching_model', 'other'] as const;
export type FitCandidateKind = (typeof FIT_CANDIDATE_KINDS)[number];

export const FIT_RECOMMENDATIONS = ['adopt', 'adapt', 'do_not_adopt'] as const;
export type FitRecommendation = (typeof FIT_RECOMMENDATIONS)[number];

/** Recommendations that let a candidate be adopted (as it is, or adapted to the district). */
export const ADOPTABLE_RECOMMENDATIONS: readonly FitRecommendation[] = ['adopt', 'adapt'];

export const FIT_REVIEW_LIMITS = {
  titleChars: 200,
  textChars: 5_000,
  candidates: 12,
} as const;
