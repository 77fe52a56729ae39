import type { Actor } from '../lib/actor.ts';
import { isDistrictAdmin } from './app.ts';

/** Every signed-in person reads the district's org units; only district admins change them. */
export const canReadOrgUnit = (actor: Actor, unit: { districtId: string }) => unit.districtId === actor.districtId;

export function orgUnitAbilities(actor: Actor) {
  const manage = isDistrictAdmin(actor);
  return { update: manage, deactivate: manage };
}

export const canCreateOrgUnit = (actor: Actor) => isDistrictAdmin(actor);
