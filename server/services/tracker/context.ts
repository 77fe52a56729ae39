import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_NON_NEGOTIABLES, OBSERVED_ROLES } from '../../../common/observation.ts';
import type { TrackerColumn } from '../../../common/schemas/tracker.ts';
import type { Executor } from '../../db/client.ts';
import { frameworkItems, orgUnits, roleAssignments, rubricCriteria } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { roleRubricForRole } from '../observations/role-rubric.ts';
import { sharedRead } from '../../lib/read-cache.ts';

/** What every tracker figure is computed against: today in the district, the term, the non-negotiable. */
export interface TrackerContext {
  today: string;
  term: { id: string; name: string; startsOn: string; endsOn: string } | null;
  /** The counting window: the term, else the 90 days up to today. */
  windowStartsOn: string;
  windowEndsOn: string;
  requiredPerTerm: number;
  nonSchoolDays: Set<string>;
}

interface ContextRow {
  today: string;
  required: number | null;
  term_id: string | null;
  term_name: string | null;
  starts_on: string | null;
  ends_on: string | null;
  days: string[] | null;
}

/** The statement behind loadTrackerContext (the bench runs it raw). */
export function trackerContextSql(districtId: string): SQL {
  return sql`
    with d as (select id, (now() at time zone time_zone)::date as today from districts where id = ${districtId})
    select d.today::text as today, s.scored_observations_per_term as required,
      term.id as term_id, term.name as term_name, term.starts_on::text as starts_on, term.ends_on::text as ends_on,
      (select array_agg(n.day::text) from non_school_days n where n.district_id = d.id and n.day between d.today - 400 and d.today) as days
    from d
    left join district_settings s on s.district_id = d.id
    left join lateral (
      select t.id, t.name, t.starts_on, t.ends_on from school_terms t
      where t.district_id = d.id and t.starts_on <= d.today and t.ends_on >= d.today order by t.starts_on limit 1
    ) term on true`;
}

/** One query: today in the district's time zone, the current term, the requirement and the non-school days of the last year. */
export async function loadTrackerContext(db: Executor, districtId: string): Promise<TrackerContext> {
  const result = (await db.execute(trackerContextSql(districtId))) as unknown as { rows: ContextRow[] };
  const row = result.rows[0];
  if (!row) throw notFound('District');
  const term = row.term_id ? { id: row.term_id, name: row.term_name!, startsOn: row.starts_on!, endsOn: row.ends_on! } : null;
  const fallbackStart = new Date(`${row.today}T00:00:00Z`);
  fallbackStart.setUTCDate(fallbackStart.getUTCDate() - 90);
  return {
    today: row.today,
    term,
    windowStartsOn: term?.startsOn ?? fallbackStart.toISOString().slice(0, 10),
    windowEndsOn: term?.endsOn ?? row.today,
    requiredPerTerm: row.required ?? DEFAULT_NON_NEGOTIABLES.scoredObservationsPerTerm,
    nonSchoolDays: new Set(row.days ?? []),
  };
}

/**
 * The context of every tracker and district-view request, shared for a few seconds
 * (lib/read-cache.ts: a write through this process, a new term or setting included, drops it):
 * on a busy district it would otherwise be one more statement per request for the same row.
 */
export function sharedTrackerContext(db: Executor, districtId: string): Promise<TrackerContext> {
  return sharedRead(db, `tracker-context:${districtId}`, () => loadTrackerContext(db, districtId));
}

/** Columns per database and district, kept for a short while: the rubric changes only when a framework version is published. */
const columnCache = new WeakMap<object, Map<string, { at: number; columns: TrackerColumn[] }>>();
export const COLUMNS_TTL_MS = 30_000;

/** The tracker's competency columns: the criteria of the teacher role rubric, in rubric order (cached 30 s). */
export async function trackerColumns(db: Executor, districtId: string): Promise<TrackerColumn[]> {
  let cache = columnCache.get(db);
  if (!cache) columnCache.set(db, (cache = new Map()));
  const hit = cache.get(districtId);
  if (hit && Date.now() - hit.at < COLUMNS_TTL_MS) return hit.columns;
  const rubric = await roleRubricForRole(db, districtId, 'teacher');
  const columns = rubric
    ? await db
        .select({
          itemId: frameworkItems.id,
          humanCode: frameworkItems.humanCode,
          title: frameworkItems.abbreviatedStatement,
          statement: frameworkItems.fullStatement,
        })
        .from(rubricCriteria)
        .innerJoin(frameworkItems, eq(frameworkItems.id, rubricCriteria.itemId))
        .where(and(eq(rubricCriteria.rubricId, rubric.rubricId), eq(rubricCriteria.districtId, districtId)))
        .orderBy(asc(rubricCriteria.position))
    : [];
  cache.set(districtId, { at: Date.now(), columns });
  return columns;
}

/** How much of a school's tracker the actor sees: everything, or a coach's caseload with development levels. */
export type TrackerScope = { view: 'full'; personIds: null } | { view: 'development'; personIds: string[] };

/** May the actor open trackers at all? Staff without a caseload: 403. */
export const canViewTrackers = (actor: Actor) =>
  isHrOrAdmin(actor) || actor.access === 'school_leader' || actor.access === 'coach' || actor.caseloadPersonIds.length > 0;

/** Schools whose tracker the actor may open, with the view they get (HR/admin: null = every school). */
export async function schoolsInScope(db: Executor, actor: Actor): Promise<Map<string, TrackerScope> | null> {
  if (isHrOrAdmin(actor)) return null;
  const scopes = new Map<string, TrackerScope>();
  const coached = actor.caseloadPersonIds.length
    ? await db
        .selectDistinct({ orgUnitId: roleAssignments.orgUnitId })
        .from(roleAssignments)
        .where(
          and(
            eq(roleAssignments.districtId, actor.districtId),
            inArray(roleAssignments.personId, actor.caseloadPersonIds),
            inArray(roleAssignments.role, [...OBSERVED_ROLES]),
            currentAssignment(),
          ),
        )
    : [];
  for (const id of [...actor.coachOrgUnitIds, ...coached.map((c) => c.orgUnitId)]) {
    scopes.set(id, { view: 'development', personIds: actor.caseloadPersonIds });
  }
  for (const id of actor.leaderOrgUnitIds) scopes.set(id, { view: 'full', personIds: null });
  return scopes;
}

/** The school and the units under it (its teams) in one statement (the bench runs it raw). */
export function schoolUnitsQuery(db: Executor, districtId: string, schoolId: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, parentId: orgUnits.parentId })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), or(eq(orgUnits.id, schoolId), eq(orgUnits.parentId, schoolId))))
    .orderBy(asc(orgUnits.name), asc(orgUnits.id));
}

/** The school (404 outside the district or the actor's scope; 403 for people who open no trackers). */
export async function loadTrackedSchool(db: Executor, actor: Actor, schoolId: string) {
  if (!canViewTrackers(actor)) throw forbidden('Only school leaders, coaches, HR and admins open trackers');
  // Shared for a few seconds like the tracker's rows: a school and its teams change only by writes.
  const units = await sharedRead(db, `school-units:${schoolId}`, async () => schoolUnitsQuery(db, actor.districtId, schoolId));
  const school = units.find((u) => u.id === schoolId);
  if (!school) throw notFound('School');
  const scopes = await schoolsInScope(db, actor);
  const scope: TrackerScope | undefined = scopes === null ? { view: 'full', personIds: null } : scopes.get(schoolId);
  if (!scope) throw notFound('School');
  const teams = units.filter((u) => u.parentId === schoolId).map((u) => ({ id: u.id, name: u.name }));
  return { school: { id: school.id, name: school.name }, scope, teams };
}
