import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { roleAssignments } from '../../db/schema/index.ts';

/** SQL condition: the assignment is active and today lies within its dates. */
export const currentAssignment = () =>
  and(
    eq(roleAssignments.active, true),
    or(isNull(roleAssignments.beginDate), lte(roleAssignments.beginDate, sql`current_date`)),
    or(isNull(roleAssignments.endDate), gte(roleAssignments.endDate, sql`current_date`)),
  );
