import { describe, expect, it } from 'vitest';
import { levelAxis } from './levelAxis.ts';

const scale = (...scores: number[]) => scores.map((levelScore) => ({ levelScore }));

describe('levelAxis', () => {
  it("runs over a 1-4 scale's levels with whole ticks, whatever the scores so far", () => {
    expect(levelAxis(scale(1, 2, 3, 4), [3])).toEqual({ domain: [1, 4], ticks: [1, 2, 3, 4] });
    expect(levelAxis(scale(4, 3, 2, 1), [2, 3])).toEqual({ domain: [1, 4], ticks: [1, 2, 3, 4] });
  });

  it('spans the scores, rounded out to whole numbers, when the scale is unknown', () => {
    expect(levelAxis([], [0.5, 2])).toEqual({ domain: [0, 2], ticks: [0, 1, 2] });
    expect(levelAxis([], [3])).toEqual({ domain: [3, 4], ticks: [3, 4] });
    expect(levelAxis([], [])).toEqual({ domain: [0, 1], ticks: [0, 1] });
  });

  it('keeps a long scale readable: at most about nine ticks, both ends shown', () => {
    const { domain, ticks } = levelAxis(scale(0, 100), []);
    expect(domain).toEqual([0, 100]);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect([ticks[0], ticks[ticks.length - 1]]).toEqual([0, 100]);
    expect(ticks.every(Number.isInteger)).toBe(true);
  });
});
