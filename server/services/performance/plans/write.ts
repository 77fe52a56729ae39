import { and, eq, sql } from 'drizzle-orm';
import type { PerformancePlan } from '../../../../common/schemas/performance-plans.ts';
import type { Executor } from '../../../db/client.ts';
import { performancePlans } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { AppError, conflict, forbidden } from '../../../lib/errors.ts';
import type { PlanAbilities } from '../../../policies/performance.ts';
import { recordAudit, type AuditRecord } from '../../audit.ts';
import { refreshCompletion } from '../completion.ts';
import { loadReadablePlan, type PlanRow, type ReadablePlan } from '../access.ts';
import { planView } from './view.ts';

class StaleWrite extends Error {}

/** 400 with the field that is wrong, as the request validator reports it. */
export const badInput = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

export interface PlanChange {
  /** Columns of the plan to set besides version and updatedAt. */
  set?: Partial<Pick<PlanRow, 'status' | 'reflections' | 'selfAssessedAt' | 'submittedAt' | 'approvedAt' | 'signedAt'>>;
  audit: Omit<AuditRecord, 'entityType' | 'entityId'> & { entityType?: string; entityId?: string };
}

/**
 * Every plan write: the caller may read the plan (else 404) and hold `ability` (else 403); the
 * version they saw is the current one (else 409 conflict with the current plan). Then one
 * transaction: `apply` (child rows), the plan row bumped with an optimistic version check, the audit
 * row and the cycle school's completion summary. Returns the plan as it now is.
 */
export async function mutatePlan(
  ctx: Ctx,
  id: string,
  version: number,
  ability: keyof PlanAbilities | ((p: ReadablePlan) => void),
  apply: (tx: Executor, p: ReadablePlan) => Promise<PlanChange>,
): Promise<PerformancePlan> {
  const p = await loadReadablePlan(ctx, id);
  if (typeof ability === 'function') ability(p);
  else if (!p.can[ability]) throw forbidden();
  if (p.row.version !== version) throw conflict(await planView(ctx, id, p));
  try {
    await ctx.db.transaction(async (tx) => {
      const change = await apply(tx, p);
      const [updated] = await tx
        .update(performancePlans)
        .set({ ...change.set, version: sql`${performancePlans.version} + 1`, updatedAt: new Date() })
        .where(
          and(eq(performancePlans.id, id), eq(performancePlans.districtId, ctx.actor.districtId), eq(performancePlans.version, version)),
        )
        .returning({ version: performancePlans.version });
      if (!updated) throw new StaleWrite();
      await recordAudit(tx, ctx, { entityType: 'performance_plan', entityId: id, ...change.audit });
      await refreshCompletion(tx, p.row.districtId, p.row.cycleId, p.row.orgUnitId);
    });
  } catch (err) {
    if (err instanceof StaleWrite) throw conflict(await planView(ctx, id));
    throw err;
  }
  return planView(ctx, id);
}
