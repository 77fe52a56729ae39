import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { PriorityList, SetPrioritiesInput } from '../../../../common/schemas/team-goals.ts';
import type { Executor } from '../../../db/client.ts';
import { schoolPriorities, teamGoals } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { loadReadableSchool, yearOf } from './scope.ts';

type PriorityRow = typeof schoolPriorities.$inferSelect;

/** A school's priorities for a year, in order. */
export async function priorityRows(db: Executor, districtId: string, schoolId: string, schoolYear: string): Promise<PriorityRow[]> {
  return db
    .select()
    .from(schoolPriorities)
    .where(
      and(
        eq(schoolPriorities.districtId, districtId),
        eq(schoolPriorities.orgUnitId, schoolId),
        eq(schoolPriorities.schoolYear, schoolYear),
      ),
    )
    .orderBy(asc(schoolPriorities.position), asc(schoolPriorities.createdAt));
}

/** The list's version: every row carries it (all rows are rewritten together); 0 when empty. */
export const listVersion = (rows: PriorityRow[]) => rows.reduce((v, r) => Math.max(v, r.version), 0);

const present = (rows: PriorityRow[]) => rows.map((r) => ({ id: r.id, position: r.position, title: r.title }));

/** A school's priorities for the year, for everyone who may read the school. */
export async function getPriorities(ctx: Ctx, schoolId: string, schoolYear?: string, db: Executor = ctx.db): Promise<PriorityList> {
  const { school, lead } = await loadReadableSchool(ctx, schoolId, db);
  const year = await yearOf(ctx, schoolYear);
  const rows = await priorityRows(db, ctx.actor.districtId, schoolId, year);
  return { schoolId, schoolName: school.name, schoolYear: year, items: present(rows), version: listVersion(rows), can: { edit: lead } };
}

/**
 * Replaces a school's ordered priorities for a year (at most 5). Items keep their ids (and the
 * goals tied to them); removing one that goals are tied to is refused. A stale `version` is 409.
 */
export async function setPriorities(ctx: Ctx, schoolId: string, input: z.infer<typeof SetPrioritiesInput>): Promise<PriorityList> {
  const { lead } = await loadReadableSchool(ctx, schoolId);
  if (!lead) throw forbidden('Only the school’s leaders, HR and admins set its priorities');
  await ctx.db.transaction(async (tx) => {
    const before = await priorityRows(tx, ctx.actor.districtId, schoolId, input.schoolYear);
    if (listVersion(before) !== input.version) throw conflict(await getPriorities(ctx, schoolId, input.schoolYear, tx));
    const known = new Set(before.map((r) => r.id));
    const unknown = input.items.filter((i) => i.id && !known.has(i.id));
    if (unknown.length)
      throw new AppError(
        'validation_failed',
        'A priority of another school or year',
        unknown.map((i) => ({ path: 'items', message: i.id })),
      );
    const kept = new Set(input.items.map((i) => i.id).filter(Boolean));
    const removed = before.filter((r) => !kept.has(r.id)).map((r) => r.id);
    if (removed.length) {
      const tied = await tx
        .select({ id: teamGoals.id })
        .from(teamGoals)
        .where(and(eq(teamGoals.districtId, ctx.actor.districtId), inArray(teamGoals.priorityId, removed)))
        .limit(1);
      if (tied.length) throw invalidState('Goals are tied to a priority being removed; move them first');
      await tx
        .delete(schoolPriorities)
        .where(and(eq(schoolPriorities.districtId, ctx.actor.districtId), inArray(schoolPriorities.id, removed)));
    }
    const version = input.version + 1;
    for (const [position, item] of input.items.entries()) {
      if (item.id)
        await tx
          .update(schoolPriorities)
          .set({ position, title: item.title, version, updatedAt: new Date() })
          .where(and(eq(schoolPriorities.id, item.id), eq(schoolPriorities.districtId, ctx.actor.districtId)));
      else
        await tx.insert(schoolPriorities).values({
          districtId: ctx.actor.districtId,
          orgUnitId: schoolId,
          schoolYear: input.schoolYear,
          position,
          title: item.title,
          version,
        });
    }
    const after = await priorityRows(tx, ctx.actor.districtId, schoolId, input.schoolYear);
    await recordAudit(tx, ctx, {
      action: 'school_priorities.set',
      entityType: 'org_unit',
      entityId: schoolId,
      before: { schoolYear: input.schoolYear, items: present(before) },
      after: { schoolYear: input.schoolYear, items: present(after) },
    });
  });
  return getPriorities(ctx, schoolId, input.schoolYear);
}
