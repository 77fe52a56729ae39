import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DevelopmentAction } from '../../../db/schema/performance.ts';
import { performancePlans, planFocusAreas, planGoals } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { recordAudit, type AuditRecord } from '../../audit.ts';

type GoalRow = typeof planGoals.$inferSelect;
type FocusRow = typeof planFocusAreas.$inferSelect;

export interface GoalWrite {
  planId: string;
  title: string;
  metric: string;
  baseline: string;
  baselineOn: string | null;
  target: string;
  dueOn: string | null;
  existing: GoalRow | null;
}

export interface FocusWrite {
  planId: string;
  itemId: string;
  rationale: string;
  actions: DevelopmentAction[];
  existing: FocusRow | null;
}

/**
 * Writes checked import rows in one transaction: new goals and focus areas go after the plan's
 * own, held ones are updated in place; each touched plan's version moves on (an open editor then
 * gets 409 with the current plan). Every row written is audited.
 */
export async function applyPlanImport(ctx: Ctx, goals: GoalWrite[], focus: FocusWrite[], heldGoals: GoalRow[], heldFocus: FocusRow[]) {
  const districtId = ctx.actor.districtId;
  const next = new Map<string, number>();
  const position = (planId: string, held: { planId: string; position: number }[]) => {
    const at = next.get(planId) ?? Math.max(-1, ...held.filter((h) => h.planId === planId).map((h) => h.position)) + 1;
    next.set(planId, at + 1);
    return at;
  };
  await ctx.db.transaction(async (tx) => {
    const audit: AuditRecord[] = [];
    for (const g of goals) {
      const { existing, planId, ...fields } = g;
      if (existing) {
        const [after] = await tx
          .update(planGoals)
          .set({ ...fields, title: existing.title, updatedAt: new Date() })
          .where(and(eq(planGoals.id, existing.id), eq(planGoals.districtId, districtId)))
          .returning();
        audit.push({ action: 'plan_goal.import_update', entityType: 'plan_goal', entityId: existing.id, before: existing, after });
      } else {
        const [after] = await tx
          .insert(planGoals)
          .values({ districtId, planId, position: position(planId, heldGoals), ...fields })
          .returning();
        audit.push({ action: 'plan_goal.import_create', entityType: 'plan_goal', entityId: after!.id, after });
      }
    }
    next.clear();
    for (const f of focus) {
      const { existing, planId, ...fields } = f;
      if (existing) {
        const [after] = await tx
          .update(planFocusAreas)
          .set({ rationale: fields.rationale, actions: fields.actions, updatedAt: new Date() })
          .where(and(eq(planFocusAreas.id, existing.id), eq(planFocusAreas.districtId, districtId)))
          .returning();
        audit.push({
          action: 'plan_focus_area.import_update',
          entityType: 'plan_focus_area',
          entityId: existing.id,
          before: existing,
          after,
        });
      } else {
        const [after] = await tx
          .insert(planFocusAreas)
          .values({ districtId, planId, position: position(planId, heldFocus), ...fields })
          .returning();
        audit.push({ action: 'plan_focus_area.import_create', entityType: 'plan_focus_area', entityId: after!.id, after });
      }
    }
    const planIds = [...new Set([...goals, ...focus].map((w) => w.planId))];
    if (planIds.length) {
      await tx
        .update(performancePlans)
        .set({ version: sql`${performancePlans.version} + 1`, updatedAt: new Date() })
        .where(and(eq(performancePlans.districtId, districtId), inArray(performancePlans.id, planIds)));
    }
    await recordAudit(tx, ctx, audit);
  });
}
