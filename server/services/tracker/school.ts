import type { DistrictTracker, SchoolTracker, TrackerQuery, TrackerRow, TrackerSchoolList } from '../../../common/schemas/tracker.ts';
import { TRACKER_ROW_CAP } from '../../../common/schemas/tracker.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canViewTrackers, loadTrackedSchool, schoolsInScope, sharedTrackerContext, trackerColumns } from './context.ts';
import { hasSharedRead, sharedRead } from '../../lib/read-cache.ts';
import { countTrackerRoster, runTrackerSql, type TrackerSqlRow } from './query.ts';
import { currentTeamsOfSchool } from '../teams/load.ts';
import { filterRows, presentTrackerRow, sortRows } from './rows.ts';
import { districtSchools, isStale, rememberSchoolSummary, scheduleSummaryRefresh, storedSummaries, summarize } from './summary.ts';

/** Schools whose tracker the actor may open (403 for people who open none). */
export async function trackerSchools(ctx: Ctx): Promise<TrackerSchoolList> {
  if (!canViewTrackers(ctx.actor)) throw forbidden('Only school leaders, coaches, HR and admins open trackers');
  const all = await districtSchools(ctx.db, ctx.actor.districtId);
  const scopes = await schoolsInScope(ctx.db, ctx.actor);
  return {
    items: scopes === null ? all : all.filter((s) => scopes.has(s.id)),
    abilities: { viewDistrict: isHrOrAdmin(ctx.actor) },
  };
}

/** Rows with the school's teams each person is on today after their unit's (new objects: the shared rows stay). */
function withSchoolTeams(rows: TrackerRow[], schoolTeams: { id: string; name: string; personIds: string[] }[]): TrackerRow[] {
  const byPerson = new Map<string, { id: string; name: string }[]>();
  for (const { id, name, personIds } of schoolTeams) {
    for (const personId of personIds) byPerson.set(personId, [...(byPerson.get(personId) ?? []), { id, name }]);
  }
  return rows.map((row) => {
    const on = byPerson.get(row.personId);
    return on ? { ...row, teams: [...row.teams, ...on] } : row;
  });
}

const badFilter = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

/** A school's tracker, filtered and sorted; the full view also refreshes the school's stored summary. */
export async function schoolTracker(ctx: Ctx, schoolId: string, query: TrackerQuery): Promise<SchoolTracker> {
  const districtId = ctx.actor.districtId;
  const { school, scope, teams: units } = await loadTrackedSchool(ctx.db, ctx.actor, schoolId);
  const context = await sharedTrackerContext(ctx.db, districtId);
  // Teams of the school (services/teams) filter by their current members; units under the school by role.
  const schoolTeams = await sharedRead(ctx.db, `school-teams:${schoolId}:${context.today}`, () =>
    currentTeamsOfSchool(ctx.db, districtId, schoolId, context.today),
  );
  const teams = [...units, ...schoolTeams.map(({ id, name }) => ({ id, name }))];
  const columns = await trackerColumns(ctx.db, districtId);
  const itemIds = columns.map((c) => c.itemId);
  // Filters name this district's competencies and this school's teams only (an export records them).
  if (query.belowProficient && !itemIds.includes(query.belowProficient))
    throw badFilter('belowProficient', 'That competency is not a column of the tracker');
  if (query.team && query.team !== 'none' && !teams.some((team) => team.id === query.team))
    throw badFilter('team', 'That team is not under this school');
  const params = {
    districtId,
    schoolId,
    itemIds,
    purposes: scope.view === 'full' ? (['evaluation', 'development'] as const) : (['development'] as const),
    personIds: scope.personIds,
    termStartsOn: context.windowStartsOn,
    termEndsOn: context.windowEndsOn,
    today: context.today,
  };
  const present = (sqlRows: TrackerSqlRow[]) => {
    const truncated = sqlRows.length > TRACKER_ROW_CAP;
    const capped = truncated ? sqlRows.slice(0, TRACKER_ROW_CAP) : sqlRows;
    const items = new Set(itemIds);
    const rows = capped.map((r) => presentTrackerRow(r, context, items));
    // A coach sees development observations only; "missing" counts evaluations they may not see.
    if (scope.view === 'development') for (const row of rows) row.missingObservations = false;
    return { sqlRows: capped, truncated, rows: sortRows(rows, 'name') };
  };
  // Every leader of the school (and every refresh of the page) asks the same: one load, presented
  // once and sorted by name, is shared for a few seconds; each request only filters (and re-sorts).
  const schoolKey = `tracker:${JSON.stringify(params)}`;
  const team = query.team ? schoolTeams.find((t) => t.id === query.team) : undefined;
  let loaded: { truncated: boolean; rows: TrackerRow[]; total: number | null };
  if (team && !hasSharedRead(ctx.db, schoolKey)) {
    // One team of a school not loaded lately: only its members' rows, and the school's count.
    const members = scope.personIds ? team.personIds.filter((id) => scope.personIds.includes(id)) : team.personIds;
    const teamParams = { ...params, personIds: members };
    const [teamRows, total] = await Promise.all([
      sharedRead(ctx.db, `tracker:${JSON.stringify(teamParams)}`, async () =>
        present(await runTrackerSql(ctx.db, { ...teamParams, purposes: [...params.purposes] })),
      ),
      sharedRead(ctx.db, `tracker-count:${JSON.stringify(params)}`, () => countTrackerRoster(ctx.db, params)),
    ]);
    loaded = { truncated: total > TRACKER_ROW_CAP, rows: teamRows.rows, total: Math.min(total, TRACKER_ROW_CAP) };
  } else {
    const shared = await sharedRead(ctx.db, schoolKey, async () =>
      present(await runTrackerSql(ctx.db, { ...params, purposes: [...params.purposes] })),
    );
    if (scope.view === 'full' && !shared.truncated) {
      rememberSchoolSummary(
        ctx.db,
        districtId,
        schoolId,
        () => summarize(shared.sqlRows, context, itemIds),
        (err) => ctx.log.warn({ err }, 'tracker summary not saved'),
      );
    }
    loaded = { truncated: shared.truncated, rows: shared.rows, total: null };
  }
  const { truncated, rows } = loaded;
  // Each row names every team the person is on today.
  const withTeams = schoolTeams.length ? withSchoolTeams(rows, schoolTeams) : rows;
  const filtered = filterRows(withTeams, query);
  return {
    school,
    term: context.term,
    requiredPerTerm: context.requiredPerTerm,
    view: scope.view,
    columns,
    teams,
    rows: !query.sort || query.sort === 'name' ? filtered : sortRows(filtered, query.sort),
    total: loaded.total ?? withTeams.length,
    truncated,
    today: context.today,
  };
}

/** Every school's summary row (HR and admins), refreshing stale ones in the background. */
export async function districtTracker(ctx: Ctx): Promise<DistrictTracker> {
  if (!isHrOrAdmin(ctx.actor)) throw forbidden('Only HR and district admins see the district view');
  const districtId = ctx.actor.districtId;
  const context = await sharedTrackerContext(ctx.db, districtId);
  const columns = await trackerColumns(ctx.db, districtId);
  const stored = await storedSummaries(ctx.db, districtId);
  const now = Date.now();
  const stale = stored
    .filter((s) => isStale(s.summary?.refreshedAt, s.summary?.termId ?? null, context.term?.id ?? null, now))
    .map((s) => s.id);
  const refreshing = stale.length
    ? scheduleSummaryRefresh(ctx.db, districtId, stale, (err) => ctx.log.warn({ err }, 'tracker summary refresh failed'))
    : 0;
  const staleSet = new Set(stale);
  return {
    columns,
    term: context.term,
    requiredPerTerm: context.requiredPerTerm,
    refreshing,
    schools: stored.map(({ id, name, summary }) => {
      const shares = summary?.competencies ?? {};
      return {
        schoolId: id,
        name,
        teachers: summary?.teacherCount ?? 0,
        observedThisTerm: summary?.observedThisTerm ?? 0,
        scoredThisTerm: summary?.scoredObservationsThisTerm ?? 0,
        scoredRequired: (summary?.teacherCount ?? 0) * context.requiredPerTerm,
        missingObservations: summary?.missingObservations ?? 0,
        overdueFeedback: summary?.overdueFeedback ?? 0,
        openActionSteps: summary?.openActionSteps ?? 0,
        coachingThisTerm: summary?.coachingSessionsThisTerm ?? 0,
        proficientShare: Object.fromEntries(
          columns.map((c) => {
            const share = shares[c.itemId];
            return [c.itemId, share && share.scored > 0 ? share.proficient / share.scored : null];
          }),
        ),
        asOf: summary?.refreshedAt?.toISOString() ?? null,
        stale: staleSet.has(id),
      };
    }),
  };
}
