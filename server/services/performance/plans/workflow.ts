import { and, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { planFocusAreas, planGoals, planSignatures } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden, invalidState } from '../../../lib/errors.ts';
import { supervisesPlan } from '../../../policies/performance.ts';
import { loadReadablePlan, type PlanRow } from '../access.ts';
import { selfAssessmentComplete } from './content.ts';
import { namesOf } from './view.ts';
import { badInput, mutatePlan } from './write.ts';

/**
 * A plan's hand-overs: the person submits, the evaluator (or another supervisor) returns it with a
 * note or approves it, both sign with their typed name, and a signed plan changes only by reopening
 * with a reason (which voids the signatures, keeping them). Every step is versioned and audited.
 */

async function counts(tx: Executor, row: PlanRow) {
  const [goals] = await tx.select({ n: count() }).from(planGoals).where(eq(planGoals.planId, row.id));
  const [focus] = await tx.select({ n: count() }).from(planFocusAreas).where(eq(planFocusAreas.planId, row.id));
  return { goals: goals?.n ?? 0, focusAreas: focus?.n ?? 0 };
}

export async function submitPlan(ctx: Ctx, id: string, version: number) {
  return mutatePlan(ctx, id, version, 'submit', async (tx, { row }) => {
    const n = await counts(tx, row);
    if (n.goals < row.template.minGoals) throw badInput('goals', `Add at least ${row.template.minGoals} goals before submitting`);
    if (n.focusAreas < row.template.minFocusAreas)
      throw badInput('focusAreas', `Add at least ${row.template.minFocusAreas} focus areas before submitting`);
    const complete = await selfAssessmentComplete(tx, row);
    const now = new Date();
    return {
      set: { status: 'submitted', submittedAt: now, selfAssessedAt: row.selfAssessedAt ?? (complete ? now : null) },
      audit: { action: 'performance_plan.submit', after: { status: 'submitted', selfAssessed: complete } },
    };
  });
}

export async function returnPlan(ctx: Ctx, id: string, version: number, note: string) {
  return mutatePlan(ctx, id, version, 'returnToPerson', async () => ({
    set: { status: 'goal_setting', submittedAt: null },
    audit: { action: 'performance_plan.return', after: { status: 'goal_setting', note } },
  }));
}

export async function approvePlan(ctx: Ctx, id: string, version: number) {
  return mutatePlan(ctx, id, version, 'approve', async () => ({
    set: { status: 'approved', approvedAt: new Date() },
    audit: { action: 'performance_plan.approve', after: { status: 'approved' } },
  }));
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Which signature block the caller signs: the person's own, the evaluator's (or, when the plan has
 * no evaluator, any supervisor's), or a second reviewer's when the template has one.
 */
function signerRoleOf(ctx: Ctx, row: PlanRow, supervisor: boolean): string | null {
  const blocks = row.template.signatureBlocks.map((b) => b.signer);
  if (row.personId === ctx.actor.personId) return blocks.includes('person') ? 'person' : null;
  if (!supervisor) return null;
  if (row.evaluatorPersonId === ctx.actor.personId || row.evaluatorPersonId === null)
    return blocks.includes('evaluator') ? 'evaluator' : null;
  return blocks.includes('second_reviewer') ? 'second_reviewer' : null;
}

/**
 * POST /api/performance/plans/:id/sign: the typed name must be the signer's own (any case). Each
 * block is signed once (a second signature: 409); the last block signed makes the plan signed.
 */
export async function signPlan(ctx: Ctx, id: string, version: number, typedName: string) {
  const readable = await loadReadablePlan(ctx, id);
  const role = signerRoleOf(ctx, readable.row, supervisesPlan(ctx.actor, readable.row, readable.personOrgUnitIds));
  if (!role) throw forbidden('You have no signature block on this plan');
  const [already] = await ctx.db
    .select({ id: planSignatures.id })
    .from(planSignatures)
    .where(
      and(
        eq(planSignatures.planId, id),
        eq(planSignatures.stage, 'plan'),
        eq(planSignatures.signer, role),
        isNull(planSignatures.voidedAt),
      ),
    );
  if (already) throw invalidState('This plan is already signed by you');
  return mutatePlan(ctx, id, version, 'sign', async (tx, { row }) => {
    const me = (await namesOf(tx, row.districtId, [ctx.actor.personId])).get(ctx.actor.personId);
    const accepted = me ? [me.name, `${me.givenName} ${me.familyName}`].map(normalise) : [];
    if (!accepted.includes(normalise(typedName))) throw badInput('typedName', 'Type your name as it appears on the plan');
    await tx.insert(planSignatures).values({
      districtId: row.districtId,
      planId: row.id,
      stage: 'plan',
      signer: role,
      signerPersonId: ctx.actor.personId,
      typedName: typedName.trim(),
      planVersion: row.version,
    });
    const live = await tx
      .select({ signer: planSignatures.signer })
      .from(planSignatures)
      .where(and(eq(planSignatures.planId, row.id), eq(planSignatures.stage, 'plan'), isNull(planSignatures.voidedAt)));
    const signed = new Set(live.map((s) => s.signer));
    const all = row.template.signatureBlocks.every((b) => signed.has(b.signer));
    return {
      set: all ? { status: 'signed', signedAt: new Date() } : {},
      audit: { action: 'performance_plan.sign', after: { signer: role, typedName: typedName.trim(), signed: all } },
    };
  });
}

/** POST /api/performance/plans/:id/reopen: a supervisor reopens a signed plan with a reason; signatures are voided. */
export async function reopenPlan(ctx: Ctx, id: string, version: number, reason: string) {
  return mutatePlan(ctx, id, version, 'reopen', async (tx, { row }) => {
    const voided = await tx
      .update(planSignatures)
      .set({ voidedAt: new Date(), voidReason: reason, updatedAt: new Date() })
      .where(and(eq(planSignatures.planId, row.id), eq(planSignatures.stage, 'plan'), isNull(planSignatures.voidedAt)))
      .returning({ id: planSignatures.id });
    return {
      set: { status: 'goal_setting', submittedAt: null, approvedAt: null, signedAt: null },
      audit: {
        action: 'performance_plan.reopen',
        before: { status: row.status },
        after: { status: 'goal_setting', reason, voided: voided.length },
      },
    };
  });
}
