/**
 * Groups items by a key (Node 20 has no `Map.groupBy`).
 * @example groupBy([{ k: 'a' }, { k: 'a' }], (x) => x.k).get('a')?.length // 2
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
