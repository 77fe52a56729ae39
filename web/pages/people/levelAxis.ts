/**
 * The y axis of a competency's trend chart: it runs over the scale's levels (1 to 4 for a four-level
 * scale, whatever the scores so far), with a tick on each whole level, so a chart never reads
 * "0, 1.5, 3" for a 1-4 scale. Without scale levels it spans the scores, rounded out to whole numbers.
 * @example levelAxis([{ levelScore: 1 }, { levelScore: 4 }], [2, 3]) // { domain: [1, 4], ticks: [1, 2, 3, 4] }
 */
export function levelAxis(
  levels: readonly { levelScore: number }[],
  scores: readonly number[],
): { domain: [number, number]; ticks: number[] } {
  const values = levels.length ? levels.map((l) => l.levelScore) : [...scores];
  if (values.length === 0) return { domain: [0, 1], ticks: [0, 1] };
  const low = Math.floor(Math.min(...values));
  const high = Math.max(Math.ceil(Math.max(...values)), low + 1);
  const step = Math.max(1, Math.ceil((high - low) / 8));
  const ticks: number[] = [];
  for (let tick = low; tick <= high; tick += step) ticks.push(tick);
  if (ticks[ticks.length - 1] !== high) ticks.push(high);
  return { domain: [low, high], ticks };
}
