/**
 * Stored dashboard figures per initiative (table dashboard_initiative_summaries), the way the
 * tracker's school summaries work (services/tracker/summary.ts): the district dashboard reads the
 * stored rows and says "as of"; a missing row is computed for the response (the first read of a
 * new initiative), a row older than STALE_AFTER_MS is queued and refreshed in the background, one
 * initiative per event-loop turn, so a request arriving meanwhile waits for one initiative's
 * statements at most, never for the district's. Outcomes are not stored: they are read live so the
 * district's current minimum count always applies.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { dashboardInitiativeSummaries } from '../../db/schema/index.ts';
import { implementationFigures, type ImplementationFigures } from './assemble.ts';
import type { DashboardScope } from './statements.ts';

/** Stored figures older than this are refreshed when the district dashboard is read. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/** The stored figures of these initiatives, with when each was computed. */
export async function storedSummaries(db: Executor, districtId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { figures: ImplementationFigures; refreshedAt: Date }>();
  const rows = await db
    .select()
    .from(dashboardInitiativeSummaries)
    .where(and(eq(dashboardInitiativeSummaries.districtId, districtId), inArray(dashboardInitiativeSummaries.initiativeId, ids)));
  return new Map(rows.map((r) => [r.initiativeId, { figures: r.figures as ImplementationFigures, refreshedAt: r.refreshedAt }]));
}

/** Computes and stores one initiative's figures (district-wide); returns them. */
export async function refreshInitiativeSummary(
  db: Executor,
  scope: DashboardScope,
  initiativeId: string,
): Promise<ImplementationFigures | null> {
  const [figures] = await implementationFigures(db, { ...scope, orgUnitId: undefined, initiativeId });
  if (!figures) return null;
  const row = { figures, refreshedAt: new Date() };
  await db
    .insert(dashboardInitiativeSummaries)
    .values({ initiativeId, districtId: scope.districtId, ...row })
    .onConflictDoUpdate({ target: dashboardInitiativeSummaries.initiativeId, set: row });
  return figures;
}

interface Queue {
  pending: string[];
  running: Promise<void> | null;
}
const queues = new WeakMap<Db, Map<string, Queue>>();

function queueOf(db: Db, districtId: string): Queue {
  let byDistrict = queues.get(db);
  if (!byDistrict) queues.set(db, (byDistrict = new Map()));
  let queue = byDistrict.get(districtId);
  if (!queue) byDistrict.set(districtId, (queue = { pending: [], running: null }));
  return queue;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drain(db: Db, scope: DashboardScope, queue: Queue, onError: (err: unknown) => void) {
  while (queue.pending.length > 0) {
    await nextTurn();
    try {
      await refreshInitiativeSummary(db, scope, queue.pending[0]!);
    } catch (err) {
      onError(err);
    }
    queue.pending.shift();
  }
  queue.running = null;
}

/** Queues initiatives for a background refresh (one per event-loop turn); returns how many are waiting. */
export function scheduleDashboardRefresh(db: Db, scope: DashboardScope, ids: string[], onError: (err: unknown) => void = () => {}): number {
  const queue = queueOf(db, scope.districtId);
  for (const id of ids) if (!queue.pending.includes(id)) queue.pending.push(id);
  if (!queue.running && queue.pending.length > 0) queue.running = drain(db, scope, queue, onError);
  return queue.pending.length;
}

/** Resolves when the district's background refresh has nothing left to do (tests, bench). */
export async function dashboardRefreshIdle(db: Db, districtId: string): Promise<void> {
  const queue = queueOf(db, districtId);
  while (queue.running) await queue.running;
}
