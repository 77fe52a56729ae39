/**
 * Stored dashboard figures per initiative (table dashboard_initiative_summaries), the way the
 * tracker's school summaries work (services/tracker/summary.ts): the district dashboard reads the
 * stored rows and says "as of". A missing row is computed for the response (the first read of a new
 * initiative), and so is a row a write marked stale (freshness.ts: the next read shows the change);
 * a row older than STALE_AFTER_MS is queued and refreshed in the background, one initiative per
 * event-loop turn, so a request arriving meanwhile waits for one initiative's statements at most,
 * never for the district's. Outcomes are stored already suppressed, with the minimum count they
 * were suppressed under: an import, a new minimum or a measure's initiatives rewrite every
 * initiative's outcomes at once (`refreshDistrictOutcomes`, one statement), and a row stored under
 * another minimum is never served (it is computed afresh).
 */
import { and, eq, sql } from 'drizzle-orm';
import { qualified } from '../../db/qualified.ts';
import type { Db, Executor } from '../../db/client.ts';
import { dashboardInitiativeSummaries } from '../../db/schema/index.ts';
import type { DashboardInitiative } from '../../../common/schemas/dashboards.ts';
import { implementationFigures, outcomeSeries } from './assemble.ts';
import type { DashboardScope } from './statements.ts';

/** Stored figures older than this are refreshed when the district dashboard is read. */
export const STALE_AFTER_MS = 10 * 60 * 1000;

/** What a summary row holds: the initiative's figures and the minimum count its outcomes were suppressed under. */
export type StoredFigures = DashboardInitiative & { minCount: number };

/** The district's initiatives with their stored figures, in one statement (the bench sends it raw too). */
export const initiativesWithSummaries = (districtId: string) =>
  sql`select i.id, i.name, i.status, i.principals_see_individual_fidelity, s.figures, s.refreshed_at,
      coalesce(s.stale_since >= s.refreshed_at, false) as stale from initiatives i
    left join dashboard_initiative_summaries s on s.initiative_id = i.id and s.district_id = i.district_id
    where i.district_id = ${districtId} order by i.name, i.id`;

/** The district's initiatives, each with its stored figures (null: never computed) and when they were computed. */
export async function storedSummaries(db: Executor, districtId: string) {
  const rows = (
    (await db.execute(initiativesWithSummaries(districtId))) as unknown as {
      rows: {
        id: string;
        name: string;
        status: string;
        principals_see_individual_fidelity: boolean;
        figures: StoredFigures | string | null;
        refreshed_at: string | Date | null;
        stale: boolean;
      }[];
    }
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    principalsSeeIndividualFidelity: Boolean(r.principals_see_individual_fidelity),
    figures: typeof r.figures === 'string' ? (JSON.parse(r.figures) as StoredFigures) : r.figures,
    refreshedAt: r.refreshed_at === null ? null : new Date(r.refreshed_at),
    /** A write changed the figures since they were computed (freshness.ts). */
    stale: r.stale,
  }));
}

/**
 * When a refresh of the initiative's row begins, by the database's clock: taken after any write
 * that marked the row stale and has not committed yet (its row lock is waited for), so everything
 * that write changed is visible to the statements that follow, and a mark made later is later.
 */
async function refreshStart(db: Executor, districtId: string, initiativeId: string): Promise<Date> {
  await db.execute(sql`select 1 from dashboard_initiative_summaries s
    where s.initiative_id = ${initiativeId} and s.district_id = ${districtId} for update`);
  const [row] = ((await db.execute(sql`select clock_timestamp() as at`)) as unknown as { rows: { at: string | Date }[] }).rows;
  return new Date(row!.at);
}

/**
 * Computes and stores one initiative's figures (district-wide, outcomes included); returns them with
 * the time they are as of. A refresh that began earlier than the stored one never overwrites it.
 */
export async function refreshInitiativeSummary(
  db: Executor,
  scope: DashboardScope,
  initiativeId: string,
): Promise<{ figures: StoredFigures; refreshedAt: Date } | null> {
  const only = { ...scope, orgUnitId: undefined, initiativeId };
  const refreshedAt = await refreshStart(db, scope.districtId, initiativeId);
  const [[figures], outcomes] = await Promise.all([implementationFigures(db, only), outcomeSeries(db, only)]);
  if (!figures) return null;
  const stored: StoredFigures = { ...figures, outcomes: outcomes.get(initiativeId) ?? [], minCount: scope.minCount };
  const row = { figures: stored, refreshedAt };
  await db
    .insert(dashboardInitiativeSummaries)
    .values({ initiativeId, districtId: scope.districtId, ...row })
    .onConflictDoUpdate({
      target: dashboardInitiativeSummaries.initiativeId,
      set: row,
      setWhere: sql`${qualified(dashboardInitiativeSummaries.refreshedAt)} <= excluded.refreshed_at`,
    });
  return { figures: stored, refreshedAt };
}

/**
 * Rewrites the outcomes (and their minimum count) of every stored summary of the district: after an
 * import, a new minimum count or a change to the initiatives a measure is tied to. One statement pair
 * for the district, then one small update per initiative.
 */
export async function refreshDistrictOutcomes(db: Executor, scope: DashboardScope): Promise<void> {
  const outcomes = await outcomeSeries(db, { ...scope, orgUnitId: undefined, initiativeId: undefined });
  const rows = await db
    .select({ initiativeId: dashboardInitiativeSummaries.initiativeId, figures: dashboardInitiativeSummaries.figures })
    .from(dashboardInitiativeSummaries)
    .where(eq(dashboardInitiativeSummaries.districtId, scope.districtId));
  for (const r of rows) {
    const figures: StoredFigures = {
      ...(r.figures as StoredFigures),
      outcomes: outcomes.get(r.initiativeId) ?? [],
      minCount: scope.minCount,
    };
    await db
      .update(dashboardInitiativeSummaries)
      .set({ figures })
      .where(
        and(eq(dashboardInitiativeSummaries.districtId, scope.districtId), eq(dashboardInitiativeSummaries.initiativeId, r.initiativeId)),
      );
  }
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
