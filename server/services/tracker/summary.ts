/**
 * School summaries for the district view (table school_tracker_summary), and how they stay current.
 *
 * The district view never aggregates observations across the district on a request: on the
 * embedded database (PGlite) a heavy query blocks the Node event loop for its whole duration, so
 * every other request would wait (DESIGN.md section 3). Instead each school's figures are computed
 * by the same indexed per-school query as its tracker (query.ts, a few milliseconds for a school)
 * and stored with `refreshed_at`:
 * - reading a school's tracker recomputes nothing extra: the rows it just loaded give the summary,
 *   written right after the response is sent (`rememberSchoolSummary`, at most once a minute per school);
 * - the district view reads the stored rows and says "as of"; rows that are missing, older than
 *   STALE_AFTER_MS or from another term are queued and refreshed in the background, one school per
 *   step with `setImmediate` between schools, so requests arriving meanwhile are served between two
 *   steps (at worst they wait for one school's query, never for the district);
 * - observation and coaching writes (other slices) do not call in here: overdue feedback changes
 *   with the date alone, so a periodic or lazy refresh is needed anyway and one mechanism serves both.
 * `refreshAllSchoolSummaries` refreshes every school of a district in the same small steps (for a
 * job or a script) and resolves when done.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { CompetencyShare } from '../../db/schema/tracker.ts';
import type { Db, Executor } from '../../db/client.ts';
import { orgUnits, schoolTrackerSummary } from '../../db/schema/index.ts';
import { loadTrackerContext, trackerColumns, type TrackerContext } from './context.ts';
import { runTrackerSql, type TrackerSqlRow } from './query.ts';
import { presentTrackerRow } from './rows.ts';

/** Summaries older than this are refreshed when the district view is read. */
export const STALE_AFTER_MS = 15 * 60 * 1000;

export type SummaryValues = Omit<typeof schoolTrackerSummary.$inferInsert, 'orgUnitId' | 'districtId' | 'refreshedAt'>;

/** The summary figures of a school from its full tracker rows. */
export function summarize(rows: TrackerSqlRow[], context: TrackerContext, itemIds: string[]): SummaryValues {
  const items = new Set(itemIds);
  const competencies: Record<string, CompetencyShare> = Object.fromEntries(itemIds.map((id) => [id, { scored: 0, proficient: 0 }]));
  const values = {
    teacherCount: rows.length,
    observedThisTerm: 0,
    scoredObservationsThisTerm: 0,
    missingObservations: 0,
    overdueFeedback: 0,
    openActionSteps: 0,
    coachingSessionsThisTerm: 0,
    belowProficient: 0,
    competencies,
    termId: context.term?.id ?? null,
  };
  for (const raw of rows) {
    const row = presentTrackerRow(raw, context, items);
    if (Number(raw.observed_this_term) > 0) values.observedThisTerm += 1;
    values.scoredObservationsThisTerm += row.scoredThisTerm;
    if (row.missingObservations) values.missingObservations += 1;
    if (row.feedback.overdue) values.overdueFeedback += 1;
    values.openActionSteps += row.openActionSteps;
    values.coachingSessionsThisTerm += row.coachingThisTerm;
    let below = false;
    for (const [itemId, level] of Object.entries(row.levels)) {
      competencies[itemId]!.scored += 1;
      if (level.proficient) competencies[itemId]!.proficient += 1;
      else below = true;
    }
    if (below) values.belowProficient += 1;
  }
  return values;
}

export async function saveSchoolSummary(db: Executor, districtId: string, orgUnitId: string, values: SummaryValues) {
  const row = { ...values, refreshedAt: new Date() };
  await db
    .insert(schoolTrackerSummary)
    .values({ orgUnitId, districtId, ...row })
    .onConflictDoUpdate({ target: schoolTrackerSummary.orgUnitId, set: row });
}

/** Recomputes one school's summary (the full view: every purpose, every observed teacher). */
export async function refreshSchoolSummary(
  db: Executor,
  districtId: string,
  orgUnitId: string,
  prepared?: { context: TrackerContext; itemIds: string[] },
) {
  const context = prepared?.context ?? (await loadTrackerContext(db, districtId));
  const itemIds = prepared?.itemIds ?? (await trackerColumns(db, districtId)).map((c) => c.itemId);
  const rows = await runTrackerSql(db, {
    districtId,
    schoolId: orgUnitId,
    itemIds,
    purposes: ['evaluation', 'development'],
    personIds: null,
    termStartsOn: context.windowStartsOn,
    termEndsOn: context.windowEndsOn,
    today: context.today,
  });
  await saveSchoolSummary(db, districtId, orgUnitId, summarize(rows, context, itemIds));
}

/** The district's schools (active org units of type school), by name. */
export async function districtSchools(db: Executor, districtId: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.type, 'school'), eq(orgUnits.active, true)))
    .orderBy(asc(orgUnits.name), asc(orgUnits.id));
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

async function drain(db: Db, districtId: string, queue: Queue, onError: (err: unknown) => void) {
  let prepared: { context: TrackerContext; itemIds: string[] } | undefined;
  while (queue.pending.length > 0) {
    await nextTurn();
    const schoolId = queue.pending[0]!;
    try {
      prepared ??= {
        context: await loadTrackerContext(db, districtId),
        itemIds: (await trackerColumns(db, districtId)).map((c) => c.itemId),
      };
      await refreshSchoolSummary(db, districtId, schoolId, prepared);
    } catch (err) {
      onError(err);
    }
    queue.pending.shift();
  }
  queue.running = null;
}

/** Queues schools for a background refresh (one per event-loop turn); returns how many are waiting. */
export function scheduleSummaryRefresh(
  db: Db,
  districtId: string,
  schoolIds: string[],
  onError: (err: unknown) => void = () => {},
): number {
  const queue = queueOf(db, districtId);
  for (const id of schoolIds) if (!queue.pending.includes(id)) queue.pending.push(id);
  if (!queue.running && queue.pending.length > 0) queue.running = drain(db, districtId, queue, onError);
  return queue.pending.length;
}

/** Resolves when the district's background refresh has nothing left to do (tests, bench). */
export async function summariesIdle(db: Db, districtId: string): Promise<void> {
  const queue = queueOf(db, districtId);
  while (queue.running) await queue.running;
}

/**
 * The `tracker-summary` job: refreshes these schools in the same small steps as the in-process
 * queue (one school per event-loop turn); the job fails, and is retried, if any school failed.
 */
export async function refreshSchoolsJob(db: Db, districtId: string, schoolIds: string[]): Promise<void> {
  let failure: unknown;
  scheduleSummaryRefresh(db, districtId, schoolIds, (err) => (failure ??= err));
  await summariesIdle(db, districtId);
  if (failure) throw failure;
}

/** Refreshes every school of the district in small steps; resolves when all are done. */
export async function refreshAllSchoolSummaries(db: Db, districtId: string, onError?: (err: unknown) => void): Promise<void> {
  const schools = await districtSchools(db, districtId);
  scheduleSummaryRefresh(
    db,
    districtId,
    schools.map((s) => s.id),
    onError,
  );
  await summariesIdle(db, districtId);
}

/** When each school's summary was last written from a tracker read (per database), to write at most once a minute. */
const lastRemembered = new WeakMap<Db, Map<string, number>>();
const REMEMBER_EVERY_MS = 60_000;

/**
 * Stores a summary computed from tracker rows already loaded, after the current request is
 * answered; at most once a minute per school, so busy trackers do not add a write to every read
 * (nor the summary's computation: `values` runs only when it is stored).
 */
export function rememberSchoolSummary(
  db: Db,
  districtId: string,
  orgUnitId: string,
  values: () => SummaryValues,
  onError: (err: unknown) => void,
) {
  let seen = lastRemembered.get(db);
  if (!seen) lastRemembered.set(db, (seen = new Map()));
  const now = Date.now();
  if (now - (seen.get(orgUnitId) ?? 0) < REMEMBER_EVERY_MS) return;
  seen.set(orgUnitId, now);
  setImmediate(() => {
    Promise.resolve()
      .then(() => saveSchoolSummary(db, districtId, orgUnitId, values()))
      .catch(onError);
  });
}

/** Stored summaries of the district's schools (left-joined: null where never computed). */
export async function storedSummaries(db: Executor, districtId: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, summary: schoolTrackerSummary })
    .from(orgUnits)
    .leftJoin(schoolTrackerSummary, eq(schoolTrackerSummary.orgUnitId, orgUnits.id))
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.type, 'school'), eq(orgUnits.active, true)))
    .orderBy(asc(orgUnits.name), asc(orgUnits.id));
}

export const isStale = (refreshedAt: Date | null | undefined, termId: string | null, currentTermId: string | null, now = Date.now()) =>
  !refreshedAt || now - refreshedAt.getTime() > STALE_AFTER_MS || termId !== currentTermId;
