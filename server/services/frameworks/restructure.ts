import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateAssociationInput, MergeItemsInput } from '../../../common/schemas/frameworks.ts';
import type { Executor } from '../../db/client.ts';
import {
  frameworkAssociations,
  frameworkComments,
  frameworkItems,
  rubricCriteria,
  rubricDescriptors,
  rubrics,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { invalidState, notFound } from '../../lib/errors.ts';
import { presentAssociation } from '../../presenters/frameworks.ts';
import { recordAudit } from '../audit.ts';
import { loadDraftForEdit } from './access.ts';
import { invalid, loadItemForEdit, renumber, siblingIds } from './items.ts';
import { depthFirst, itemsWithEvidence, presentOneItem } from './load.ts';

/** Criteria (with their descriptors and the comments on those) of a version's rubrics. */
async function removeCriteria(tx: Executor, criterionIds: string[]) {
  if (criterionIds.length === 0) return;
  const descriptors = tx
    .select({ id: rubricDescriptors.id })
    .from(rubricDescriptors)
    .where(inArray(rubricDescriptors.criterionId, criterionIds));
  await tx.delete(frameworkComments).where(inArray(frameworkComments.descriptorId, descriptors));
  await tx.delete(rubricDescriptors).where(inArray(rubricDescriptors.criterionId, criterionIds));
  await tx.delete(rubricCriteria).where(inArray(rubricCriteria.id, criterionIds));
}

async function criteriaOf(tx: Executor, versionId: string, itemIds: string[]) {
  return tx
    .select({ id: rubricCriteria.id, rubricId: rubricCriteria.rubricId, itemId: rubricCriteria.itemId, position: rubricCriteria.position })
    .from(rubricCriteria)
    .innerJoin(rubrics, eq(rubrics.id, rubricCriteria.rubricId))
    .where(and(eq(rubrics.versionId, versionId), inArray(rubricCriteria.itemId, itemIds)));
}

/** Deletes draft items with their comments, associations and rubric criteria (callers checked evidence and children). */
async function removeItems(tx: Executor, versionId: string, itemIds: string[]) {
  if (itemIds.length === 0) return;
  await removeCriteria(
    tx,
    (await criteriaOf(tx, versionId, itemIds)).map((c) => c.id),
  );
  await tx.delete(frameworkComments).where(inArray(frameworkComments.itemId, itemIds));
  await tx
    .delete(frameworkAssociations)
    .where(or(inArray(frameworkAssociations.originItemId, itemIds), inArray(frameworkAssociations.destinationItemId, itemIds)));
  await tx.delete(frameworkItems).where(and(eq(frameworkItems.versionId, versionId), inArray(frameworkItems.id, itemIds)));
}

/**
 * Deletes an item of a draft. Refused (409 invalid_state) when it has children, or when evidence
 * exists for it or an item it comes from (`reason: 'has_evidence'`: retire it instead).
 */
export async function deleteItem(ctx: Ctx, itemId: string) {
  const { item } = await loadItemForEdit(ctx, itemId);
  const [child] = await ctx.db.select({ id: frameworkItems.id }).from(frameworkItems).where(eq(frameworkItems.parentId, itemId)).limit(1);
  if (child) throw invalidState('Move or delete its children first', { reason: 'has_children' });
  if ((await itemsWithEvidence(ctx.db, [itemId])).size > 0) {
    throw invalidState('People have been scored on this item: retire it instead', { reason: 'has_evidence' });
  }
  await ctx.db.transaction(async (tx) => {
    await removeItems(tx, item.versionId, [itemId]);
    await renumber(tx, await siblingIds(tx, item.versionId, item.parentId));
    await recordAudit(tx, ctx, { action: 'framework_item.delete', entityType: 'framework_item', entityId: itemId, before: item });
  });
}

/**
 * Merges items of a draft into a new one where the first of them stood: it comes from all their
 * sources (publishing records `merged`), takes their children and their rubric criteria; the
 * merged items are deleted, or retired when people have evidence against them.
 */
export async function mergeItems(ctx: Ctx, versionId: string, input: z.infer<typeof MergeItemsInput>) {
  await loadDraftForEdit(ctx, versionId);
  const ids = [...new Set(input.itemIds)];
  if (ids.length < 2) throw invalid('itemIds', 'Choose at least two different items');
  const all = await ctx.db.select().from(frameworkItems).where(eq(frameworkItems.versionId, versionId));
  const byId = new Map(all.map((i) => [i.id, i]));
  const missing = ids.findIndex((id) => !byId.has(id));
  if (missing >= 0) throw invalid(`itemIds.${missing}`, 'Not an item of this version');
  const chosen = new Set(ids);
  for (const id of ids) {
    for (let at = byId.get(id)!.parentId; at; at = byId.get(at)?.parentId ?? null) {
      if (chosen.has(at)) throw invalid('itemIds', 'An item cannot be merged with one of its ancestors');
    }
  }
  const merged = depthFirst(all).filter((i) => chosen.has(i.id));
  const anchor = merged[0]!;
  const sources = [...new Set(merged.flatMap((i) => i.sourceItemIds))];
  const evidenced = await itemsWithEvidence(ctx.db, ids);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(frameworkItems)
      .values({
        id,
        districtId: ctx.actor.districtId,
        versionId,
        caseIdentifier: id,
        parentId: anchor.parentId,
        position: anchor.position,
        itemType: anchor.itemType,
        humanCode: input.humanCode ?? anchor.humanCode,
        fullStatement: input.fullStatement,
        sourceItemIds: sources,
      })
      .returning();
    // Children of the merged items move under the new item, in tree order.
    const children = depthFirst(all).filter((i) => i.parentId && chosen.has(i.parentId));
    if (children.length) {
      await tx
        .update(frameworkItems)
        .set({ parentId: id, updatedAt: new Date() })
        .where(
          inArray(
            frameworkItems.id,
            children.map((c) => c.id),
          ),
        );
      await renumber(
        tx,
        children.map((c) => c.id),
      );
    }
    // Each rubric keeps one criterion (the first) for the new item; the others go.
    const criteria = (await criteriaOf(tx, versionId, ids)).sort((a, b) => a.position - b.position);
    const kept = new Set<string>();
    const drop: string[] = [];
    for (const c of criteria) {
      if (kept.has(c.rubricId)) drop.push(c.id);
      else {
        kept.add(c.rubricId);
        await tx.update(rubricCriteria).set({ itemId: id, updatedAt: new Date() }).where(eq(rubricCriteria.id, c.id));
      }
    }
    await removeCriteria(tx, drop);
    const retire = ids.filter((i) => evidenced.has(i));
    const remove = ids.filter((i) => !evidenced.has(i));
    if (retire.length) {
      await tx
        .update(frameworkItems)
        .set({ retired: true, version: sql`${frameworkItems.version} + 1`, updatedAt: new Date() })
        .where(inArray(frameworkItems.id, retire));
    }
    await removeItems(tx, versionId, remove);
    const siblings = (await siblingIds(tx, versionId, anchor.parentId)).filter((s) => s !== id);
    siblings.splice(Math.min(siblings.indexOf(anchor.id) >= 0 ? siblings.indexOf(anchor.id) : anchor.position, siblings.length), 0, id);
    await renumber(tx, siblings);
    await recordAudit(tx, ctx, {
      action: 'framework_item.merge',
      entityType: 'framework_item',
      entityId: id,
      before: { items: merged },
      after: { ...row, retired: retire, deleted: remove },
    });
  });
  return presentOneItem(ctx.db, versionId, id);
}

// ---------------------------------------------------------------- associations

const itemNode = (i: { caseIdentifier: string; humanCode: string | null; fullStatement: string }) => ({
  title: (i.humanCode ? `${i.humanCode} ${i.fullStatement}` : i.fullStatement).slice(0, 1000),
  identifier: i.caseIdentifier,
  uri: `/ims/case/v1p1/CFItems/${i.caseIdentifier}`,
});

export async function createAssociation(ctx: Ctx, versionId: string, input: z.infer<typeof CreateAssociationInput>) {
  await loadDraftForEdit(ctx, versionId);
  const ends = [input.originItemId, ...(input.destinationItemId ? [input.destinationItemId] : [])];
  const items = await ctx.db
    .select()
    .from(frameworkItems)
    .where(and(eq(frameworkItems.versionId, versionId), inArray(frameworkItems.id, ends)));
  const origin = items.find((i) => i.id === input.originItemId);
  if (!origin) throw invalid('originItemId', 'Not an item of this version');
  const destination = input.destinationItemId ? items.find((i) => i.id === input.destinationItemId) : undefined;
  if (input.destinationItemId && !destination) throw invalid('destinationItemId', 'Not an item of this version');
  if (destination?.id === origin.id) throw invalid('destinationItemId', 'An item cannot be linked to itself');
  const id = randomUUID();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(frameworkAssociations)
      .values({
        id,
        districtId: ctx.actor.districtId,
        versionId,
        caseIdentifier: id,
        associationType: input.associationType,
        originItemId: origin.id,
        destinationItemId: destination?.id ?? null,
        originNode: itemNode(origin),
        destinationNode: destination ? itemNode(destination) : input.destinationNode!,
        sequenceNumber: input.sequenceNumber ?? null,
        notes: input.notes ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'framework_association.create',
      entityType: 'framework_association',
      entityId: id,
      after: created,
    });
    return created!;
  });
  return presentAssociation(row);
}

export async function deleteAssociation(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(frameworkAssociations)
    .where(and(eq(frameworkAssociations.id, id), eq(frameworkAssociations.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Association');
  await loadDraftForEdit(ctx, row.versionId);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(frameworkAssociations).where(eq(frameworkAssociations.id, id));
    await recordAudit(tx, ctx, { action: 'framework_association.delete', entityType: 'framework_association', entityId: id, before: row });
  });
}
