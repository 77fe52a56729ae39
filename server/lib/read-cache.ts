/**
 * Results of a few heavy reads shared for a few seconds (the school tracker: one statement over
 * every teacher of a school, the same for every leader who opens it). Concurrent requests for the
 * same key wait for one load instead of each running it, which is what let 50 connections queue
 * behind the database (issue 11). Like the session cache (session-cache.ts), any write through this
 * process (every non-GET request, a finished import) starts a new epoch: the next read loads
 * afresh, and a load begun before the write is not kept. Another server process sees a change
 * within TTL_MS.
 */
const TTL_MS = 5_000;
const MAX_KEYS = 1_000;
let epoch = 0;

interface Entry {
  value: Promise<unknown>;
  epoch: number;
  at: number;
}
const byDb = new WeakMap<object, Map<string, Entry>>();

/**
 * The value of `load()` for `key` on this database, shared with every caller for TTL_MS unless a
 * write happens meanwhile. A failed load is not kept.
 * @example const rows = await sharedRead(ctx.db, `tracker:${schoolId}`, () => runTrackerSql(ctx.db, params));
 */
export function sharedRead<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
  let entries = byDb.get(db);
  if (!entries) byDb.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.epoch === epoch && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  if (entries.size >= MAX_KEYS) entries.clear();
  const entry: Entry = { value: load(), epoch, at: Date.now() };
  entries.set(key, entry);
  entry.value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return entry.value as Promise<T>;
}

/** Whether `key` has a current shared value on this database (a load in progress counts). */
export function hasSharedRead(db: object, key: string): boolean {
  const hit = byDb.get(db)?.get(key);
  return hit !== undefined && hit.epoch === epoch && Date.now() - hit.at < TTL_MS;
}

/** Forget every shared read: something was written. */
export function invalidateReads() {
  epoch++;
}
