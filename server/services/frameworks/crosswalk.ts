import type { MappingKind } from '../../../common/competency.ts';

/** The fields of an item the crosswalk reads. */
export interface CrosswalkItem {
  id: string;
  /** Items of the previous version this one comes from (empty for items new in this version). */
  sourceItemIds: string[];
  retired: boolean;
  fullStatement: string;
  humanCode: string | null;
  itemType: string | null;
  abbreviatedStatement: string | null;
}

export interface Mapping {
  kind: MappingKind;
  /** The item of the new version; null when a previous item is retired. */
  itemId: string | null;
  /** The item of the previous version; null for a new item. */
  previousItemId: string | null;
}

/** The fields whose change makes scores against the old item mean something else. */
const MEANING_FIELDS = ['fullStatement', 'humanCode', 'itemType', 'abbreviatedStatement'] as const;

export function changedFields(previous: CrosswalkItem, next: CrosswalkItem): string[] {
  return MEANING_FIELDS.filter((field) => (previous[field] ?? null) !== (next[field] ?? null));
}

/**
 * How each item of a new version relates to the previous version, item by item:
 * - one source shared with no other item: `unchanged`, or `changed` when its meaning fields differ;
 * - one source shared by several items: `split` (one row per new item);
 * - several sources: `merged` (one row per source);
 * - no source: `new`;
 * - a previous item no active new item comes from (or whose successor is retired): `retired`.
 * Pure, so the publish service, the preview, the version comparison and the demo seed share it.
 */
export function computeCrosswalk(previous: CrosswalkItem[], next: CrosswalkItem[]): Mapping[] {
  const previousById = new Map(previous.map((item) => [item.id, item]));
  const active = next.filter((item) => !item.retired);
  const successors = new Map<string, number>();
  for (const item of active) {
    for (const source of item.sourceItemIds) {
      if (previousById.has(source)) successors.set(source, (successors.get(source) ?? 0) + 1);
    }
  }
  const mappings: Mapping[] = [];
  for (const item of active) {
    const sources = item.sourceItemIds.filter((id) => previousById.has(id));
    if (sources.length === 0) {
      mappings.push({ kind: 'new', itemId: item.id, previousItemId: null });
    } else if (sources.length > 1) {
      for (const source of sources) mappings.push({ kind: 'merged', itemId: item.id, previousItemId: source });
    } else {
      const source = sources[0]!;
      const kind: MappingKind =
        successors.get(source)! > 1 ? 'split' : changedFields(previousById.get(source)!, item).length > 0 ? 'changed' : 'unchanged';
      mappings.push({ kind, itemId: item.id, previousItemId: source });
    }
  }
  for (const item of previous) {
    if (!successors.has(item.id)) mappings.push({ kind: 'retired', itemId: null, previousItemId: item.id });
  }
  return mappings;
}

/** How many mappings of each kind (items, not rows: a merge of three counts once). */
export function crosswalkCounts(mappings: Mapping[]): Record<MappingKind, number> {
  const counts: Record<MappingKind, number> = { unchanged: 0, changed: 0, split: 0, merged: 0, new: 0, retired: 0 };
  const seen = new Set<string>();
  for (const m of mappings) {
    const key = m.kind === 'retired' ? `r:${m.previousItemId}` : `${m.kind}:${m.itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[m.kind] += 1;
  }
  return counts;
}
