/** Which consensus scores count as low enough to plan an action from. */
import { describe, expect, it } from 'vitest';
import { isLowScore } from './assessments.ts';

describe('isLowScore', () => {
  it('is under the target line where the version has one', () => {
    expect([1, 2, 3, 4, 5].map((v) => isLowScore(v, 5, 80))).toEqual([true, true, true, false, false]);
    expect([0, 1, 2].map((v) => isLowScore(v, 2, 80))).toEqual([true, true, false]);
  });

  it('is at most half the maximum without a target line', () => {
    expect([0, 1, 2].map((v) => isLowScore(v, 2, null))).toEqual([true, true, false]);
    expect([1, 2, 3, 4, 5].map((v) => isLowScore(v, 5, null))).toEqual([true, true, false, false, false]);
  });

  it('is never low on a scale with no maximum', () => {
    expect(isLowScore(0, 0, 80)).toBe(false);
  });
});
