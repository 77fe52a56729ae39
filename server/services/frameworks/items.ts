import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { FRAMEWORK_MAX_ITEMS } from '../../../common/competency.ts';
import type { CreateItemInput, MoveItemInput, UpdateItemInput } from '../../../common/schemas/frameworks.ts';
import type { Executor } from '../../db/client.ts';
import { frameworkAssociations, frameworkItems } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, invalidState, notFound } from '../../lib/errors.ts';
import { presentAssociation, presentItem } from '../../presenters/frameworks.ts';
import { recordAudit } from '../audit.ts';
import { loadDraftForEdit, loadVersion, type LoadedVersion } from './access.ts';
import { sharedRead } from '../../lib/read-cache.ts';
import { depthFirst, loadItemRows, presentOneItem, versionItemsWithEvidence, type ItemRow } from './load.ts';

export const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/**
 * Every item of a version with its associations: the version (access) first, then three queries
 * side by side whatever the size. A published or retired version's items never change, so their
 * list is shared between readers for a few seconds (lib/read-cache.ts: any write through this
 * process, a new comment or evidence included, drops it); a draft being edited is always read afresh.
 */
export async function listItems(ctx: Ctx, versionId: string) {
  const loaded = await loadVersion(ctx, versionId);
  const districtId = ctx.actor.districtId;
  if (loaded.version.status === 'draft') return loadItemList(ctx.db, districtId, versionId);
  return sharedRead(ctx.db, `framework-items:${versionId}`, () => loadItemList(ctx.db, districtId, versionId));
}

async function loadItemList(db: Executor, districtId: string, versionId: string) {
  const [rows, evidenced, associations] = await Promise.all([
    loadItemRows(db, versionId),
    versionItemsWithEvidence(db, districtId, versionId),
    db
      .select()
      .from(frameworkAssociations)
      .where(and(eq(frameworkAssociations.versionId, versionId), eq(frameworkAssociations.districtId, districtId)))
      .orderBy(asc(frameworkAssociations.sequenceNumber), asc(frameworkAssociations.createdAt), asc(frameworkAssociations.id)),
  ]);
  const items = rows.map((r) => presentItem(r.item, { hasEvidence: evidenced.has(r.item.id), openCommentCount: r.openCommentCount }));
  return { items: depthFirst(items), associations: associations.map(presentAssociation) };
}

/** An item the caller may change, with its draft version (404 / 403 / 409 invalid_state as for the version). */
export async function loadItemForEdit(ctx: Ctx, itemId: string, db: Executor = ctx.db): Promise<{ item: ItemRow; loaded: LoadedVersion }> {
  const [item] = await db
    .select()
    .from(frameworkItems)
    .where(and(eq(frameworkItems.id, itemId), eq(frameworkItems.districtId, ctx.actor.districtId)));
  if (!item) throw notFound('Item');
  return { item, loaded: await loadDraftForEdit(ctx, item.versionId, db) };
}

/** Gives sibling ids their index as position (one statement, only rows whose position changes). */
export async function renumber(tx: Executor, orderedIds: string[]) {
  if (orderedIds.length === 0) return;
  const json = JSON.stringify(orderedIds.map((id, pos) => ({ id, pos })));
  await tx.execute(sql`update framework_items set position = v.pos
    from jsonb_to_recordset(${json}::jsonb) as v(id uuid, pos int)
    where framework_items.id = v.id and framework_items.position <> v.pos`);
}

export async function siblingIds(tx: Executor, versionId: string, parentId: string | null, excludeId?: string) {
  const rows = await tx
    .select({ id: frameworkItems.id })
    .from(frameworkItems)
    .where(
      and(
        eq(frameworkItems.versionId, versionId),
        parentId ? eq(frameworkItems.parentId, parentId) : isNull(frameworkItems.parentId),
        excludeId ? ne(frameworkItems.id, excludeId) : undefined,
      ),
    )
    .orderBy(asc(frameworkItems.position), asc(frameworkItems.createdAt), asc(frameworkItems.id));
  return rows.map((r) => r.id);
}

async function parentIn(tx: Executor, versionId: string, parentId: string | null) {
  if (!parentId) return null;
  const [parent] = await tx
    .select()
    .from(frameworkItems)
    .where(and(eq(frameworkItems.id, parentId), eq(frameworkItems.versionId, versionId)));
  if (!parent) throw invalid('parentId', 'The parent is not an item of this version');
  return parent;
}

function checkItemType(loaded: LoadedVersion, itemType: string | null | undefined) {
  if (itemType && !loaded.version.itemTypes.some((t) => t.code === itemType)) {
    throw invalid('itemType', `Unknown item type "${itemType}" for this version`);
  }
}

/** The type a new item gets: the one after its parent's type, else the parent's, else the first. */
function defaultItemType(loaded: LoadedVersion, parent: ItemRow | null) {
  const codes = loaded.version.itemTypes.map((t) => t.code);
  if (!parent) return codes[0] ?? null;
  const at = parent.itemType ? codes.indexOf(parent.itemType) : -1;
  return at >= 0 ? (codes[at + 1] ?? codes[at]!) : (parent.itemType ?? codes[0] ?? null);
}

export async function createItem(ctx: Ctx, versionId: string, input: z.infer<typeof CreateItemInput>) {
  const loaded = await loadDraftForEdit(ctx, versionId);
  checkItemType(loaded, input.itemType);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [count] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(frameworkItems)
      .where(eq(frameworkItems.versionId, versionId));
    if ((count?.n ?? 0) >= FRAMEWORK_MAX_ITEMS)
      throw invalidState(`A version holds at most ${FRAMEWORK_MAX_ITEMS} items`, { reason: 'too_many_items' });
    const parent = await parentIn(tx, versionId, input.parentId);
    const siblings = await siblingIds(tx, versionId, input.parentId);
    const position = Math.min(input.position ?? siblings.length, siblings.length);
    const [row] = await tx
      .insert(frameworkItems)
      .values({
        id,
        districtId: ctx.actor.districtId,
        versionId,
        caseIdentifier: id,
        parentId: input.parentId,
        position,
        itemType: input.itemType ?? defaultItemType(loaded, parent),
        humanCode: input.humanCode ?? null,
        fullStatement: input.fullStatement,
        abbreviatedStatement: input.abbreviatedStatement ?? null,
        notes: input.notes ?? null,
      })
      .returning();
    siblings.splice(position, 0, id);
    await renumber(tx, siblings);
    await recordAudit(tx, ctx, { action: 'framework_item.create', entityType: 'framework_item', entityId: id, after: row });
  });
  return presentOneItem(ctx.db, versionId, id);
}

/** Writes an item's fields when `expected` is its current version; 409 with the current item otherwise. */
async function writeItem(
  ctx: Ctx,
  tx: Executor,
  item: ItemRow,
  expected: number,
  set: Partial<typeof frameworkItems.$inferInsert>,
  action: string,
) {
  const [row] = await tx
    .update(frameworkItems)
    .set({ ...set, version: expected + 1, updatedAt: new Date() })
    .where(and(eq(frameworkItems.id, item.id), eq(frameworkItems.version, expected)))
    .returning();
  if (!row) throw conflict(await presentOneItem(tx, item.versionId, item.id));
  await recordAudit(tx, ctx, { action, entityType: 'framework_item', entityId: item.id, before: item, after: row });
  return row;
}

async function stale(ctx: Ctx, item: ItemRow, expected: number) {
  if (item.version !== expected) throw conflict(await presentOneItem(ctx.db, item.versionId, item.id));
}

export async function updateItem(ctx: Ctx, itemId: string, input: z.infer<typeof UpdateItemInput>) {
  const { item, loaded } = await loadItemForEdit(ctx, itemId);
  await stale(ctx, item, input.version);
  checkItemType(loaded, input.itemType);
  const { version, ...fields } = input;
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await ctx.db.transaction((tx) => writeItem(ctx, tx, item, version, set, 'framework_item.update'));
  return presentOneItem(ctx.db, item.versionId, itemId);
}

/** Moves an item under another parent (or the top level) at a position; both sibling lists are renumbered. */
export async function moveItem(ctx: Ctx, itemId: string, input: z.infer<typeof MoveItemInput>) {
  const { item } = await loadItemForEdit(ctx, itemId);
  await stale(ctx, item, input.version);
  await ctx.db.transaction(async (tx) => {
    if (input.parentId) {
      await parentIn(tx, item.versionId, input.parentId);
      const all = await tx
        .select({ id: frameworkItems.id, parentId: frameworkItems.parentId })
        .from(frameworkItems)
        .where(eq(frameworkItems.versionId, item.versionId));
      const parentOf = new Map(all.map((r) => [r.id, r.parentId]));
      for (let at: string | null | undefined = input.parentId; at; at = parentOf.get(at)) {
        if (at === itemId) throw invalid('parentId', 'An item cannot move under itself or one of its descendants');
      }
    }
    const siblings = await siblingIds(tx, item.versionId, input.parentId, itemId);
    const position = Math.min(input.position, siblings.length);
    siblings.splice(position, 0, itemId);
    await writeItem(ctx, tx, item, input.version, { parentId: input.parentId, position }, 'framework_item.move');
    if ((item.parentId ?? null) !== (input.parentId ?? null))
      await renumber(tx, await siblingIds(tx, item.versionId, item.parentId, itemId));
    await renumber(tx, siblings);
  });
  return presentOneItem(ctx.db, item.versionId, itemId);
}

export async function setItemRetired(ctx: Ctx, itemId: string, expected: number, retired: boolean) {
  const { item } = await loadItemForEdit(ctx, itemId);
  await stale(ctx, item, expected);
  await ctx.db.transaction((tx) =>
    writeItem(ctx, tx, item, expected, { retired }, retired ? 'framework_item.retire' : 'framework_item.reactivate'),
  );
  return presentOneItem(ctx.db, item.versionId, itemId);
}

/** A copy of the item right after it, coming from the same items: publishing records a split. */
export async function splitItem(ctx: Ctx, itemId: string, expected: number) {
  const { item } = await loadItemForEdit(ctx, itemId);
  await stale(ctx, item, expected);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const siblings = await siblingIds(tx, item.versionId, item.parentId);
    const [row] = await tx
      .insert(frameworkItems)
      .values({
        ...item,
        id,
        caseIdentifier: id,
        parentAssociationIdentifier: null,
        position: siblings.indexOf(item.id) + 1,
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
        sourceChangedAt: null,
      })
      .returning();
    siblings.splice(siblings.indexOf(item.id) + 1, 0, id);
    await renumber(tx, siblings);
    await recordAudit(tx, ctx, {
      action: 'framework_item.split',
      entityType: 'framework_item',
      entityId: id,
      before: { splitFrom: item.id },
      after: row,
    });
  });
  return presentOneItem(ctx.db, item.versionId, id);
}
