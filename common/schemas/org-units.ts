import { z } from 'zod';
import { ORG_UNIT_TYPES } from '../roles.ts';
import { PageQuery } from './common.ts';

export const OrgUnitAbilities = z.object({ update: z.boolean(), deactivate: z.boolean() });

export const OrgUnit = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ORG_UNIT_TYPES),
  identifier: z.string().nullable(),
  sourcedId: z.string().nullable(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** People with a current role assignment in the unit. */
  staffCount: z.number().int(),
  abilities: OrgUnitAbilities,
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  type: z.enum(ORG_UNIT_TYPES).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const OrgUnitList = z.object({ items: z.array(OrgUnit), total: z.number().int() });

export const CreateOrgUnitInput = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(ORG_UNIT_TYPES),
  identifier: z.string().trim().max(50).nullable().optional(),
  parentId: z.uuid().nullable().optional(),
});

export const UpdateOrgUnitInput = CreateOrgUnitInput.partial().extend({ version: z.number().int().positive() });
