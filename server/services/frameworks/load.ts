import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { frameworkComments, frameworkItems } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { presentItem, presentVersion } from '../../presenters/frameworks.ts';
import { loadVersion, type LoadedVersion } from './access.ts';

export type ItemRow = typeof frameworkItems.$inferSelect;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/**
 * Which of `itemIds` have evidence against them or against an item they come from (following
 * `sourceItemIds` back through every earlier version). One recursive query for any number of items.
 */
export async function itemsWithEvidence(db: Executor, itemIds: string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set();
  const result = await db.execute(sql`
    with recursive anc(root, id) as (
      select r::uuid, r::uuid from jsonb_array_elements_text(${JSON.stringify(itemIds)}::jsonb) r
      union
      select anc.root, s.v::uuid from anc
        join framework_items fi on fi.id = anc.id
        cross join lateral jsonb_array_elements_text(fi.source_item_ids) s(v)
    )
    select distinct anc.root as id from anc where exists (select 1 from evidence e where e.item_id = anc.id)`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

/**
 * Which items of a version have evidence against them or against an item they come from: the same
 * walk as `itemsWithEvidence`, started from the version's items in the statement itself, so it
 * needs no earlier query for their ids and runs beside the others.
 */
export async function versionItemsWithEvidence(db: Executor, districtId: string, versionId: string): Promise<Set<string>> {
  const result = await db.execute(sql`
    with recursive anc(root, id) as (
      select fi.id, fi.id from framework_items fi where fi.version_id = ${versionId} and fi.district_id = ${districtId}
      union
      select anc.root, s.v::uuid from anc
        join framework_items fi on fi.id = anc.id
        cross join lateral jsonb_array_elements_text(fi.source_item_ids) s(v)
    )
    select distinct anc.root as id from anc where exists (select 1 from evidence e where e.item_id = anc.id)`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

/** The columns the API shows (not the CASE round-trip fields, which can be large). */
const itemColumns = {
  id: frameworkItems.id,
  versionId: frameworkItems.versionId,
  caseIdentifier: frameworkItems.caseIdentifier,
  parentId: frameworkItems.parentId,
  position: frameworkItems.position,
  itemType: frameworkItems.itemType,
  humanCode: frameworkItems.humanCode,
  fullStatement: frameworkItems.fullStatement,
  abbreviatedStatement: frameworkItems.abbreviatedStatement,
  alternativeLabel: frameworkItems.alternativeLabel,
  notes: frameworkItems.notes,
  retired: frameworkItems.retired,
  sourceItemIds: frameworkItems.sourceItemIds,
  version: frameworkItems.version,
};
export type ItemView = { [K in keyof typeof itemColumns]: ItemRow[K] };

/** Items of a version (or some of them) with their open comment counts, by position: two queries. */
export async function loadItemRows(db: Executor, versionId: string, ids?: string[]) {
  const where = ids
    ? and(eq(frameworkItems.versionId, versionId), inArray(frameworkItems.id, ids))
    : eq(frameworkItems.versionId, versionId);
  const items = await db
    .select(itemColumns)
    .from(frameworkItems)
    .where(where)
    .orderBy(asc(frameworkItems.position), asc(frameworkItems.createdAt), asc(frameworkItems.id));
  const commentWhere = [
    eq(frameworkComments.versionId, versionId),
    isNull(frameworkComments.resolvedAt),
    isNotNull(frameworkComments.itemId),
  ];
  if (ids) commentWhere.push(inArray(frameworkComments.itemId, ids));
  const counts = await db
    .select({ itemId: frameworkComments.itemId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(frameworkComments)
    .where(and(...commentWhere))
    .groupBy(frameworkComments.itemId);
  const byItem = new Map(counts.map((c) => [c.itemId, c.n]));
  return items.map((item) => ({ item, openCommentCount: byItem.get(item.id) ?? 0 }));
}

/** Parents before children, siblings by position. */
export function depthFirst<T extends { parentId: string | null; id: string }>(items: T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(items.map((i) => i.id));
  for (const item of items) {
    const key = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    const list = children.get(key) ?? [];
    list.push(item);
    children.set(key, list);
  }
  const out: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length) {
    const item = stack.pop()!;
    out.push(item);
    const kids = children.get(item.id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** One item presented as the API shows it (404 unless it belongs to the version). */
export async function presentOneItem(db: Executor, versionId: string, itemId: string) {
  const [row] = await loadItemRows(db, versionId, [itemId]);
  if (!row) throw notFound('Item');
  const evidenced = await itemsWithEvidence(db, [itemId]);
  return presentItem(row.item, { hasEvidence: evidenced.has(itemId), openCommentCount: row.openCommentCount });
}

/** Item counts (not retired) and open comment counts of some versions. */
export async function versionCounts(db: Executor, versionIds: string[]) {
  const counts = new Map<string, { itemCount: number; openCommentCount: number }>();
  for (const id of versionIds) counts.set(id, { itemCount: 0, openCommentCount: 0 });
  if (versionIds.length === 0) return counts;
  const items = await db
    .select({ versionId: frameworkItems.versionId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(frameworkItems)
    .where(and(inArray(frameworkItems.versionId, versionIds), eq(frameworkItems.retired, false)))
    .groupBy(frameworkItems.versionId);
  for (const r of items) counts.get(r.versionId)!.itemCount = r.n;
  const comments = await db
    .select({ versionId: frameworkComments.versionId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(frameworkComments)
    .where(and(inArray(frameworkComments.versionId, versionIds), isNull(frameworkComments.resolvedAt)))
    .groupBy(frameworkComments.versionId);
  for (const r of comments) counts.get(r.versionId)!.openCommentCount = r.n;
  return counts;
}

/** A loaded version as the API presents it, with its counts. */
export async function presentLoadedVersion(db: Executor, loaded: LoadedVersion) {
  const counts = (await versionCounts(db, [loaded.version.id])).get(loaded.version.id)!;
  return presentVersion(loaded.version, loaded.framework, loaded.abilities, counts);
}

export async function getVersion(ctx: Ctx, versionId: string) {
  return presentLoadedVersion(ctx.db, await loadVersion(ctx, versionId));
}
