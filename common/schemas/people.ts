import { z } from 'zod';
import { ADMIN_GRANTS, STAFF_ROLES } from '../roles.ts';
import { IsoDate, PageQuery } from './common.ts';

export const RoleAssignment = z.object({
  id: z.uuid(),
  role: z.enum(STAFF_ROLES),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  isPrimary: z.boolean(),
  beginDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  active: z.boolean(),
  /** Active and today falls within its dates. */
  current: z.boolean(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const PersonSummary = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  email: z.string().nullable(),
  identifier: z.string().nullable(),
  active: z.boolean(),
  primaryRole: z.object({ role: z.enum(STAFF_ROLES), orgUnitId: z.uuid(), orgUnitName: z.string() }).nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

export const PersonAbilities = z.object({
  update: z.boolean(),
  deactivate: z.boolean(),
  manageRoles: z.boolean(),
  viewHistory: z.boolean(),
  /** Send (or resend) a sign-in invitation. */
  invite: z.boolean(),
  /** Give or take HR / district-admin access. */
  grantAccess: z.boolean(),
  /** Sign the person out on every device (district admins). */
  endSessions: z.boolean(),
});

/** The person's sign-in account, shown to those who manage people. */
export const PersonAccount = z.object({
  status: z.enum(['none', 'invited', 'active']),
  email: z.string().nullable(),
  adminGrant: z.enum(ADMIN_GRANTS).nullable(),
});
export type PersonAccount = z.infer<typeof PersonAccount>;

export const SetAdminGrantInput = z.object({ adminGrant: z.enum(ADMIN_GRANTS).nullable() });

export const Person = PersonSummary.extend({
  middleName: z.string().nullable(),
  phone: z.string().nullable(),
  username: z.string().nullable(),
  sourcedId: z.string().nullable(),
  /** Grades the person teaches (CEDS codes from the roster: KG, 01..12); empty when unknown. */
  grades: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  roleAssignments: z.array(RoleAssignment),
  /** Null when the caller does not manage people. */
  account: PersonAccount.nullable(),
  abilities: PersonAbilities,
});
export type Person = z.infer<typeof Person>;

export const PeopleQuery = PageQuery.extend({
  /** Matches name, e-mail or staff identifier. */
  q: z.string().trim().max(100).optional(),
  orgUnitId: z.uuid().optional(),
  role: z.enum(STAFF_ROLES).optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
});

export const PeopleList = z.object({ items: z.array(PersonSummary), total: z.number().int() });

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CreatePersonInput = z.object({
  givenName: z.string().trim().min(1).max(100),
  familyName: z.string().trim().min(1).max(100),
  middleName: optionalText(100),
  preferredName: optionalText(100),
  email: z.email().max(254).nullable().optional(),
  phone: optionalText(40),
  identifier: optionalText(50),
});

export const UpdatePersonInput = CreatePersonInput.partial().extend({ version: z.number().int().positive() });

export const CreateRoleAssignmentInput = z.object({
  role: z.enum(STAFF_ROLES),
  orgUnitId: z.uuid(),
  isPrimary: z.boolean().default(false),
  beginDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
});

export const EndRoleAssignmentInput = z.object({ endDate: IsoDate });
