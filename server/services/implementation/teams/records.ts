import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ActionItem,
  ActionItemInput,
  DecisionInput,
  OpenActionItems,
  UpdateActionItemInput,
} from '../../../../common/schemas/implementation-teams.ts';
import { implementationActionItems, implementationDecisions, implementationTeams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, invalidField, notFound } from '../../../lib/errors.ts';
import { canReadImplementationTeams } from '../../../policies/implementation-teams.ts';
import { recordAudit } from '../../audit.ts';
import { districtToday } from '../../coaching/refs.ts';
import { loadInitiative } from '../initiative.ts';
import { loadTeamRow } from './load.ts';
import { requireDistrictPeople } from './members.ts';
import { loadMeeting, meetingView, presentActionItems, requireRecordEditor } from './meetings.ts';

/** Records a decision of the meeting, optionally routed to a driver (change selection, retrain, add coaching...). */
export async function addDecision(ctx: Ctx, teamId: string, meetingId: string, input: z.infer<typeof DecisionInput>) {
  const { team } = await loadMeeting(ctx, teamId, meetingId);
  await requireRecordEditor(ctx, team);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(implementationDecisions)
      .values({ districtId: ctx.actor.districtId, meetingId, text: input.text, driver: input.driver, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'implementation_decision.create',
      entityType: 'implementation_decision',
      entityId: row!.id,
      after: row,
    });
  });
  return meetingView(ctx, teamId, meetingId);
}

/** Adds an action item to the meeting: an owner of the district (else 400), a due date, optionally from one of its decisions. */
export async function addActionItem(ctx: Ctx, teamId: string, meetingId: string, input: z.infer<typeof ActionItemInput>) {
  const { team } = await loadMeeting(ctx, teamId, meetingId);
  await requireRecordEditor(ctx, team);
  await requireDistrictPeople(ctx, [input.ownerPersonId], 'ownerPersonId');
  if (input.decisionId) {
    const [decision] = await ctx.db
      .select({ id: implementationDecisions.id })
      .from(implementationDecisions)
      .where(
        and(
          eq(implementationDecisions.id, input.decisionId),
          eq(implementationDecisions.meetingId, meetingId),
          eq(implementationDecisions.districtId, ctx.actor.districtId),
        ),
      );
    if (!decision) throw invalidField('decisionId', 'not a decision of this meeting');
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(implementationActionItems)
      .values({
        districtId: ctx.actor.districtId,
        teamId,
        meetingId,
        decisionId: input.decisionId ?? null,
        text: input.text,
        ownerPersonId: input.ownerPersonId,
        dueOn: input.dueOn,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'implementation_action_item.create',
      entityType: 'implementation_action_item',
      entityId: row!.id,
      after: row,
    });
  });
  return meetingView(ctx, teamId, meetingId);
}

/** Edits an action item of the team (text, owner, due date) or marks it done or not done; 409 on a stale version. */
export async function updateActionItem(
  ctx: Ctx,
  teamId: string,
  itemId: string,
  input: z.infer<typeof UpdateActionItemInput>,
): Promise<ActionItem> {
  const team = await loadTeamRow(ctx, teamId);
  const [item] = await ctx.db
    .select()
    .from(implementationActionItems)
    .where(
      and(
        eq(implementationActionItems.id, itemId),
        eq(implementationActionItems.teamId, teamId),
        eq(implementationActionItems.districtId, ctx.actor.districtId),
      ),
    );
  if (!item) throw notFound('Action item');
  await requireRecordEditor(ctx, team);
  const present = async (row: typeof item) => (await presentActionItems(ctx.db, ctx.actor.districtId, [row]))[0]!;
  if (item.version !== input.version) throw conflict(await present(item));
  if (input.ownerPersonId) await requireDistrictPeople(ctx, [input.ownerPersonId], 'ownerPersonId');
  const { version, done, ...rest } = input;
  const doneAt = done === undefined ? undefined : done ? (item.doneAt ?? new Date()) : null;
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(implementationActionItems)
      .set({ ...rest, ...(doneAt === undefined ? {} : { doneAt }), version: version + 1, updatedAt: new Date() })
      .where(and(eq(implementationActionItems.id, itemId), eq(implementationActionItems.version, version)))
      .returning();
    if (!row) {
      const [current] = await tx.select().from(implementationActionItems).where(eq(implementationActionItems.id, itemId));
      throw conflict(await present(current!));
    }
    await recordAudit(tx, ctx, {
      action:
        done === undefined
          ? 'implementation_action_item.update'
          : done
            ? 'implementation_action_item.done'
            : 'implementation_action_item.undone',
      entityType: 'implementation_action_item',
      entityId: itemId,
      before: item,
      after: row,
    });
    return row;
  });
  return present(updated);
}

/**
 * Open action items of every active team leading the initiative, soonest due first, with the team's
 * name and whether each is overdue (the initiative page lists them). 404 unless the caller may read
 * the initiative.
 */
export async function openActionItems(ctx: Ctx, initiativeId: string): Promise<OpenActionItems> {
  if (!canReadImplementationTeams(ctx.actor)) throw notFound('Initiative');
  const initiative = await loadInitiative(ctx, initiativeId);
  const districtId = ctx.actor.districtId;
  const teams = await ctx.db
    .select({ id: implementationTeams.id, name: implementationTeams.name })
    .from(implementationTeams)
    .where(
      and(
        eq(implementationTeams.districtId, districtId),
        eq(implementationTeams.initiativeId, initiative.id),
        eq(implementationTeams.active, true),
      ),
    );
  if (teams.length === 0) return { items: [] };
  const rows = await ctx.db
    .select()
    .from(implementationActionItems)
    .where(
      and(
        eq(implementationActionItems.districtId, districtId),
        inArray(
          implementationActionItems.teamId,
          teams.map((t) => t.id),
        ),
        isNull(implementationActionItems.doneAt),
      ),
    )
    .orderBy(asc(implementationActionItems.dueOn), asc(implementationActionItems.createdAt))
    .limit(500);
  const { today } = await districtToday(ctx.db, districtId);
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const items = await presentActionItems(ctx.db, districtId, rows);
  return { items: items.map((i) => ({ ...i, teamName: names.get(i.teamId) ?? '', overdue: i.dueOn < today })) };
}
