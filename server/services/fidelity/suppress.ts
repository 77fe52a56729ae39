import { FIDELITY_MIN_GROUP } from '../../../common/implementation.ts';
import type { Actor } from '../../lib/actor.ts';
import { readsSmallFidelityGroups } from '../../policies/fidelity.ts';

/**
 * Small-group suppression of fidelity aggregates (common/implementation.ts FIDELITY_MIN_GROUP):
 * `withheld(count, orgUnitId?)` is true when a figure over `count` people or checks, at that school
 * (or district-wide), must not reach this reader. An empty group has nothing to withhold.
 */
export function fidelityWithholding(actor: Actor, initiative: { districtId: string; principalsSeeIndividualFidelity: boolean }) {
  const reads = new Map<string, boolean>();
  return (count: number, orgUnitId?: string): boolean => {
    if (count <= 0 || count >= FIDELITY_MIN_GROUP) return false;
    const key = orgUnitId ?? '';
    if (!reads.has(key)) reads.set(key, readsSmallFidelityGroups(actor, initiative, orgUnitId));
    return !reads.get(key);
  };
}
