import type { FrameworkItem } from '../../../common/schemas/frameworks.ts';

/**
 * Non-retired items in tree order, indented by depth, as select options ("2a Creating an environment…").
 * Top-level items with children (domains) are shown for context but cannot be chosen.
 */
export function competencyOptions(items: FrameworkItem[]): { value: string; label: string; disabled?: boolean }[] {
  const live = items.filter((i) => !i.retired);
  const children = new Map<string | null, FrameworkItem[]>();
  for (const item of live) {
    const parent = live.some((p) => p.id === item.parentId) ? item.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const out: { value: string; label: string; disabled?: boolean }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const item of (children.get(parent) ?? []).sort((a, b) => a.position - b.position)) {
      const text = item.abbreviatedStatement ?? item.fullStatement;
      const label = `${'\u00a0\u00a0'.repeat(depth)}${item.humanCode ? `${item.humanCode} ` : ''}${text.length > 90 ? `${text.slice(0, 89)}…` : text}`;
      out.push(depth === 0 && children.has(item.id) ? { value: item.id, label, disabled: true } : { value: item.id, label });
      walk(item.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
