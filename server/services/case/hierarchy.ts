import { CaseFileError } from './messages.ts';
import type { ParsedItem } from './types.ts';

/* The item tree of a parsed CFPackage: refusing loops, and ordering siblings. */

/** A natural-order comparison ("2" before "10"), for listEnumeration. */
const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const label = (item: ParsedItem) => item.humanCode ?? item.identifier;

/** Refuses a tree with a loop (an item that is its own ancestor), naming the items of the loop. */
export function rejectCycles(items: ParsedItem[]) {
  const state = new Uint8Array(items.length); // 0 new, 1 on the current path, 2 done
  for (let start = 0; start < items.length; start++) {
    const path: number[] = [];
    let i: number | null = start;
    while (i !== null && state[i] === 0) {
      state[i] = 1;
      path.push(i);
      i = items[i]!.parentIndex;
    }
    if (i !== null && state[i] === 1) {
      const loop = path.slice(path.indexOf(i));
      throw new CaseFileError('hierarchy_cycle', { cycle: [...loop, i].map((n) => label(items[n]!)).join(' → ') });
    }
    for (const n of path) state[n] = 2;
  }
}

/** Positions among siblings: by sequenceNumber, then listEnumeration, then the order of the file. */
export function assignPositions(items: ParsedItem[], placed: Map<number, { sequence: number | null; order: number }>) {
  const groups = new Map<number | null, number[]>();
  items.forEach((item, i) => {
    const list = groups.get(item.parentIndex) ?? [];
    list.push(i);
    groups.set(item.parentIndex, list);
  });
  for (const list of groups.values()) {
    list.sort((a, b) => {
      const pa = placed.get(a);
      const pb = placed.get(b);
      const sa = pa?.sequence ?? Number.POSITIVE_INFINITY;
      const sb = pb?.sequence ?? Number.POSITIVE_INFINITY;
      if (sa !== sb) return sa < sb ? -1 : 1;
      const la = items[a]!.listEnumeration;
      const lb = items[b]!.listEnumeration;
      if (la && lb && la !== lb) return natural.compare(la, lb);
      const oa = pa?.order ?? Number.POSITIVE_INFINITY;
      const ob = pb?.order ?? Number.POSITIVE_INFINITY;
      if (oa !== ob) return oa < ob ? -1 : 1;
      return a - b;
    });
    list.forEach((i, position) => (items[i]!.position = position));
  }
}
