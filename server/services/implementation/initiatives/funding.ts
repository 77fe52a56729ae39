import { and, eq } from 'drizzle-orm';
import type { FundingInput } from '../../../../common/schemas/initiatives.ts';
import type { Executor } from '../../../db/client.ts';
import { initiativeFunding } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, notFound } from '../../../lib/errors.ts';
import { recordAudit } from '../../audit.ts';
import { districtToday } from '../../coaching/refs.ts';
import { loadForManage } from './initiatives.ts';
import { presentFunding } from './present.ts';

type FundingRow = typeof initiativeFunding.$inferSelect;

async function loadFunding(ctx: Ctx, initiativeId: string, fundingId: string, db: Executor = ctx.db): Promise<FundingRow> {
  const [row] = await db
    .select()
    .from(initiativeFunding)
    .where(and(eq(initiativeFunding.id, fundingId), eq(initiativeFunding.initiativeId, initiativeId)));
  if (!row) throw notFound('Funding');
  return row;
}

const pick = (input: FundingInput) => ({ source: input.source, amount: input.amountUsd, startsOn: input.startsOn, spendBy: input.spendBy });

/** The row as the API shows it, with its warning from the district's today. */
async function present(ctx: Ctx, row: FundingRow) {
  const { today } = await districtToday(ctx.db, ctx.actor.districtId);
  return presentFunding(row, today);
}

export async function createFunding(ctx: Ctx, initiativeId: string, input: FundingInput) {
  const initiative = await loadForManage(ctx, initiativeId);
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(initiativeFunding)
      .values({ districtId: ctx.actor.districtId, initiativeId: initiative.id, ...pick(input) })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'initiative_funding.create',
      entityType: 'initiative_funding',
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
  return present(ctx, row);
}

/** Changes a funding row; 409 with the current row on a stale `version`. */
export async function updateFunding(ctx: Ctx, initiativeId: string, fundingId: string, input: FundingInput & { version: number }) {
  const initiative = await loadForManage(ctx, initiativeId);
  const before = await loadFunding(ctx, initiative.id, fundingId);
  if (before.version !== input.version) throw conflict(await present(ctx, before));
  const row = await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(initiativeFunding)
      .set({ ...pick(input), version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(initiativeFunding.id, fundingId), eq(initiativeFunding.version, input.version)))
      .returning();
    if (!after) return null;
    await recordAudit(tx, ctx, {
      action: 'initiative_funding.update',
      entityType: 'initiative_funding',
      entityId: fundingId,
      before,
      after,
    });
    return after;
  });
  if (!row) throw conflict(await present(ctx, await loadFunding(ctx, initiative.id, fundingId)));
  return present(ctx, row);
}

/** Removes a funding row entered by mistake (the audit log keeps what it was). */
export async function deleteFunding(ctx: Ctx, initiativeId: string, fundingId: string) {
  const initiative = await loadForManage(ctx, initiativeId);
  const before = await loadFunding(ctx, initiative.id, fundingId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(initiativeFunding).where(eq(initiativeFunding.id, fundingId));
    await recordAudit(tx, ctx, { action: 'initiative_funding.delete', entityType: 'initiative_funding', entityId: fundingId, before });
  });
}
