import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { MAPPING_KINDS, type MappingKind } from '../../../common/competency.ts';
import { CHANGE_KINDS, type ChangeKind, type Crosswalk, type VersionComparison } from '../../../common/schemas/frameworks.ts';
import type { Executor } from '../../db/client.ts';
import { frameworkItemMappings, frameworkItems, frameworkVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { itemRef, presentVersionSummary } from '../../presenters/frameworks.ts';
import { loadVersion } from './access.ts';
import { changedFields, computeCrosswalk, crosswalkCounts, type Mapping } from './crosswalk.ts';
import { depthFirst, versionCounts } from './load.ts';
import { computeDraftCrosswalk } from './versions.ts';

type VersionRow = typeof frameworkVersions.$inferSelect;

async function summary(db: Executor, v: VersionRow) {
  const counts = await versionCounts(db, [v.id]);
  return presentVersionSummary(v, counts.get(v.id)!.itemCount);
}

/**
 * How a version maps to the one it is based on: the rows recorded when it was published, or for
 * a draft the crosswalk publishing it now would record.
 */
export async function getCrosswalk(ctx: Ctx, versionId: string): Promise<Crosswalk> {
  const { version } = await loadVersion(ctx, versionId);
  const empty = Object.fromEntries(MAPPING_KINDS.map((k) => [k, 0])) as Record<MappingKind, number>;
  if (!version.basedOnVersionId) return { previousVersion: null, recorded: false, mappings: [], counts: empty };
  const [previous] = await ctx.db.select().from(frameworkVersions).where(eq(frameworkVersions.id, version.basedOnVersionId));
  let mappings: Mapping[];
  let recorded = false;
  if (version.status === 'draft') {
    mappings = await computeDraftCrosswalk(ctx.db, version);
  } else {
    recorded = true;
    mappings = (
      await ctx.db
        .select({
          kind: frameworkItemMappings.kind,
          itemId: frameworkItemMappings.itemId,
          previousItemId: frameworkItemMappings.previousItemId,
        })
        .from(frameworkItemMappings)
        .where(eq(frameworkItemMappings.versionId, versionId))
    ).map((m) => ({ ...m, kind: m.kind as MappingKind }));
  }
  const items = await ctx.db
    .select({
      id: frameworkItems.id,
      parentId: frameworkItems.parentId,
      humanCode: frameworkItems.humanCode,
      fullStatement: frameworkItems.fullStatement,
      versionId: frameworkItems.versionId,
      position: frameworkItems.position,
    })
    .from(frameworkItems)
    .where(inArray(frameworkItems.versionId, [version.id, previous!.id]))
    .orderBy(asc(frameworkItems.position), asc(frameworkItems.id));
  const byId = new Map(items.map((i) => [i.id, i]));
  const order = new Map<string, number>();
  depthFirst(items.filter((i) => i.versionId === version.id)).forEach((i, n) => order.set(i.id, n));
  depthFirst(items.filter((i) => i.versionId === previous!.id)).forEach((i, n) => order.set(i.id, 1_000_000 + n));
  const rank = (m: Mapping) => order.get(m.itemId ?? m.previousItemId ?? '') ?? 2_000_000;
  mappings.sort((a, b) => rank(a) - rank(b) || (order.get(a.previousItemId ?? '') ?? 0) - (order.get(b.previousItemId ?? '') ?? 0));
  return {
    previousVersion: await summary(ctx.db, previous!),
    recorded,
    mappings: mappings.map((m) => ({
      kind: m.kind,
      item: itemRef(m.itemId ? byId.get(m.itemId) : null),
      previousItem: itemRef(m.previousItemId ? byId.get(m.previousItemId) : null),
    })),
    counts: { ...empty, ...crosswalkCounts(mappings) },
  };
}

const REVERSED: Record<ChangeKind, ChangeKind> = {
  added: 'removed',
  removed: 'added',
  split: 'merged',
  merged: 'split',
  changed: 'changed',
  moved: 'moved',
  unchanged: 'unchanged',
};

/**
 * What changed between any two versions of a framework: every item of the newer one is traced
 * back through `sourceItemIds` across the versions in between to the items of the older one.
 */
export async function compareVersions(ctx: Ctx, frameworkId: string, fromId: string, toId: string): Promise<VersionComparison> {
  const from = await loadVersion(ctx, fromId);
  const to = await loadVersion(ctx, toId);
  if (from.version.frameworkId !== frameworkId || to.version.frameworkId !== frameworkId) throw notFound('Framework version');
  const reversed = from.version.versionNumber > to.version.versionNumber;
  const [older, newer] = reversed ? [to.version, from.version] : [from.version, to.version];
  const between = await ctx.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(
      and(
        eq(frameworkVersions.frameworkId, frameworkId),
        gte(frameworkVersions.versionNumber, older.versionNumber),
        lte(frameworkVersions.versionNumber, newer.versionNumber),
      ),
    );
  const rows = await ctx.db
    .select({ versionId: frameworkItems.versionId, item: frameworkItems })
    .from(frameworkItems)
    .where(
      inArray(
        frameworkItems.versionId,
        between.map((b) => b.id),
      ),
    );
  const byId = new Map(rows.map((r) => [r.item.id, r.item]));
  // The items of the older version each item comes from, memoised through the versions in between.
  const memo = new Map<string, Set<string>>();
  const ancestors = (id: string): Set<string> => {
    const known = memo.get(id);
    if (known) return known;
    const item = byId.get(id);
    const out = new Set<string>();
    memo.set(id, out);
    if (item?.versionId === older.id) out.add(id);
    else if (item) for (const source of item.sourceItemIds) for (const a of ancestors(source)) out.add(a);
    return out;
  };
  const olderItems = rows.filter((r) => r.versionId === older.id).map((r) => r.item);
  const newerItems = rows.filter((r) => r.versionId === newer.id).map((r) => r.item);
  const traced = older.id === newer.id ? newerItems : newerItems.map((i) => ({ ...i, sourceItemIds: [...ancestors(i.id)] }));
  const mappings = computeCrosswalk(
    olderItems.filter((i) => !i.retired),
    traced,
  );
  const tracedById = new Map(traced.map((i) => [i.id, i]));
  const order = new Map<string, number>();
  depthFirst(newerItems).forEach((i, n) => order.set(i.id, n));
  depthFirst(olderItems).forEach((i, n) => order.set(i.id, 1_000_000 + n));
  const changes: VersionComparison['changes'] = [];
  for (const m of mappings) {
    const item = m.itemId ? tracedById.get(m.itemId)! : null;
    const previous = m.previousItemId ? byId.get(m.previousItemId)! : null;
    let kind: ChangeKind = m.kind === 'new' ? 'added' : m.kind === 'retired' ? 'removed' : m.kind;
    let fields: string[] = [];
    if (item && previous && (m.kind === 'changed' || m.kind === 'unchanged')) {
      fields = changedFields(previous, item);
      const parentSources = item.parentId ? ancestors(item.parentId) : null;
      const moved = previous.parentId ? !parentSources?.has(previous.parentId) : item.parentId !== null;
      if (moved) {
        fields.push('parentId');
        if (kind === 'unchanged') kind = 'moved';
      }
    }
    const [a, b] = reversed ? [previous, item] : [item, previous];
    changes.push({ kind: reversed ? REVERSED[kind] : kind, item: itemRef(a), previousItem: itemRef(b), fields });
  }
  const rank = (c: (typeof changes)[number]) => order.get(c.item?.id ?? c.previousItem?.id ?? '') ?? 2_000_000;
  const previousRank = (c: (typeof changes)[number]) => order.get(c.previousItem?.id ?? '') ?? 0;
  changes.sort((x, y) => rank(x) - rank(y) || previousRank(x) - previousRank(y));
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const seen = new Set<string>();
  for (const c of changes) {
    const key = `${c.kind}:${c.kind === 'removed' ? c.previousItem?.id : c.item?.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[c.kind] += 1;
  }
  return {
    from: await summary(ctx.db, from.version),
    to: await summary(ctx.db, to.version),
    changes,
    counts,
  };
}
