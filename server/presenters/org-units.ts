import type { OrgUnit } from '../../common/schemas/org-units.ts';
import type { OrgUnitType } from '../../common/roles.ts';
import type { orgUnits } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { orgUnitAbilities } from '../policies/org-units.ts';

export function presentOrgUnit(
  actor: Actor,
  row: { unit: typeof orgUnits.$inferSelect; parentName: string | null; staffCount: number },
): OrgUnit {
  const u = row.unit;
  return {
    id: u.id,
    name: u.name,
    type: u.type as OrgUnitType,
    identifier: u.identifier,
    sourcedId: u.sourcedId,
    parentId: u.parentId,
    parentName: row.parentName,
    active: u.active,
    version: u.version,
    staffCount: row.staffCount,
    abilities: orgUnitAbilities(actor),
  };
}
