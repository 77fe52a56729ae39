import type { RatingMethod } from '../../../db/schema/index.ts';

/**
 * The overall rating of a review: the mean of the level scores of the rated criteria, weighted by
 * the cycle's weights (equal when it has none; a criterion without a weight counts 0 then), rounded
 * to two decimals; the label is that of the highest cut score at or below it. Null when the cycle
 * has no overall rating or nothing is rated yet.
 */
export function overallRating(
  method: RatingMethod,
  scores: { itemId: string; score: number | null }[],
): { score: number | null; label: string | null } {
  if (!method.overall) return { score: null, label: null };
  const rated = scores.filter((s): s is { itemId: string; score: number } => s.score !== null);
  const equal = Object.keys(method.weights).length === 0;
  const weightOf = (itemId: string) => (equal ? 1 : (method.weights[itemId] ?? 0));
  const total = rated.reduce((sum, s) => sum + weightOf(s.itemId), 0);
  if (rated.length === 0 || total === 0) return { score: null, label: null };
  const score = Math.round((rated.reduce((sum, s) => sum + weightOf(s.itemId) * s.score, 0) / total) * 100) / 100;
  const cut = [...method.cutScores].sort((a, b) => b.min - a.min).find((c) => score >= c.min);
  return { score, label: cut?.label ?? null };
}
