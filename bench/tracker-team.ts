/**
 * The school tracker filtered to one team (issue 12: "the tracker with team filters within 2x of
 * its raw SQL"): `GET /api/tracker/schools/:id?team=` for a grade-level team of the 120-teacher
 * school, as served (the school's rows shared for a few seconds, lib/read-cache.ts) and cold (the
 * shared reads dropped before each request, so every request loads the school, its teams and its
 * rows), against the raw statements that answer it: the school with its units, the term context,
 * the team's current members, and the tracker statement for those members (trackerSql with
 * `personIds`), same driver. The raw rows are checked against the API's.
 */
import type { SQL } from 'drizzle-orm';
import { invalidateReads } from '../server/lib/read-cache.ts';
import type { TrackerContext } from '../server/services/tracker/context.ts';
import { trackerSql } from '../server/services/tracker/query.ts';
import type { Query } from './db.ts';
import type { Client } from './http.ts';
import { measurePairs } from './people.ts';
import type { TrackerDistrict } from './tracker-seed.ts';

type Dialect = { sqlToQuery(s: SQL): { sql: string; params: unknown[] } };
type Statement = { sql: string; params: unknown[] };

export interface TeamFilterTimings {
  members: number;
  warm: number[];
  cold: number[];
  raw: number[];
}

/** The team's current members (as services/teams currentTeamsOfSchool reads them), one statement. */
const MEMBERS_SQL = `select tm.person_id from team_members tm join teams t on t.id = tm.team_id and t.district_id = tm.district_id
  where tm.district_id = $1 and t.id = $2 and t.school_id = $3 and t.starts_on <= $4::date and (t.ends_on is null or t.ends_on > $4::date)
    and tm.starts_on <= $4::date and (tm.ends_on is null or tm.ends_on > $4::date)`;

export async function measureTeamFilter(
  principal: Client,
  query: Query,
  dialect: Dialect,
  seeded: TrackerDistrict,
  base: { unitsQuery: Statement; contextQuery: Statement; itemIds: string[]; context: TrackerContext; reps: number },
): Promise<TeamFilterTimings> {
  const [team] = await query(`select id from teams where district_id = $1 and school_id = $2 order by name limit 1`, [
    seeded.districtId,
    seeded.bigSchoolId,
  ]);
  const url = `/api/tracker/schools/${seeded.bigSchoolId}?team=${String(team!.id)}`;
  const api = async () => {
    const res = await principal.get(url);
    if (res.statusCode !== 200) throw new Error(`tracker with team ${res.statusCode} ${res.body.slice(0, 200)}`);
    return (res.json() as { rows: { personId: string }[] }).rows;
  };
  const raw = async () => {
    await query(base.unitsQuery.sql, base.unitsQuery.params);
    await query(base.contextQuery.sql, base.contextQuery.params);
    const members = (await query(MEMBERS_SQL, [seeded.districtId, team!.id, seeded.bigSchoolId, base.context.today])).map(
      (r) => r.person_id as string,
    );
    const statement = dialect.sqlToQuery(
      trackerSql({
        districtId: seeded.districtId,
        schoolId: seeded.bigSchoolId,
        itemIds: base.itemIds,
        purposes: ['evaluation', 'development'],
        personIds: members,
        termStartsOn: base.context.windowStartsOn,
        termEndsOn: base.context.windowEndsOn,
        today: base.context.today,
      }),
    );
    return query(statement.sql, statement.params);
  };
  const apiRows = await api();
  const rawRows = await raw();
  const apiIds = apiRows.map((r) => r.personId).sort();
  const rawIds = rawRows.map((r) => r.person_id as string).sort();
  if (apiIds.length === 0 || apiIds.join() !== rawIds.join())
    throw new Error(`team filter: the API returned ${apiIds.length} people, the raw statements ${rawIds.length}`);
  const warmup = Math.min(20, base.reps);
  const warm = await measurePairs([url], base.reps, warmup, api, raw);
  const cold = await measurePairs(
    [url],
    base.reps,
    warmup,
    async () => {
      invalidateReads();
      await api();
    },
    raw,
  );
  return { members: apiIds.length, warm: warm.api, cold: cold.api, raw: [...warm.raw, ...cold.raw] };
}
