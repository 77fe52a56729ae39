import { and, asc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { groupBy } from '../../../common/collections.ts';
import { foldForSearch } from '../../../common/search.ts';
import type { PeopleQuery } from '../../../common/schemas/people.ts';
import type { Executor } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { people, roleAssignments } from '../../db/schema/index.ts';
import { qualified } from '../../db/qualified.ts';
import type { Ctx } from '../../lib/context.ts';
import { peopleScope } from '../../policies/people.ts';
import { presentPersonSummary } from '../../presenters/people.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { loadAssignments } from './load.ts';

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What a directory query looks like apart from its values: which filters it has, how many
 * search terms, and whether the reader's scope limits it (and by schools). Each shape is one
 * statement, built and prepared once per database, with every value a placeholder.
 */
interface Shape {
  active: 'true' | 'false' | 'all';
  terms: number;
  orgUnit: boolean;
  role: boolean;
  /** none: district-wide reader; people: only `personIds`; schools: those or people of `orgUnitIds`. */
  scope: 'none' | 'people' | 'schools';
}

const shapeKey = (s: Shape) => `a${s.active[0]}_t${s.terms}_o${+s.orgUnit}_r${+s.role}_s${s.scope[0]}`;
const p = (name: string) => sql.placeholder(name);

/** The conditions of a shape, reading placeholders `districtId`, `active`, `term0..`, `orgUnitId`, `role`, `personIds`, `orgUnitIds`. */
function conditions(db: Executor, shape: Shape): SQL {
  const where: SQL[] = [eq(people.districtId, p('districtId'))];
  // A vendor guest (issue 14) is a person with an account, not staff: never in the directory or its pickers.
  where.push(sql`not exists (select 1 from initiative_guests ig where ig.person_id = ${qualified(people.id)})`);
  if (shape.active !== 'all') where.push(eq(people.active, p('active')));
  for (let i = 0; i < shape.terms; i++) where.push(sql`${people.searchText} like ${p(`term${i}`)}`);
  if (shape.orgUnit || shape.role) {
    const held = [eq(roleAssignments.personId, people.id), currentAssignment()];
    if (shape.orgUnit) held.push(eq(roleAssignments.orgUnitId, p('orgUnitId')));
    if (shape.role) held.push(eq(roleAssignments.role, p('role')));
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(roleAssignments)
          .where(and(...held)),
      ),
    );
  }
  if (shape.scope !== 'none') {
    const inScope: SQL[] = [sql`${people.id} = any(${p('personIds')}::uuid[])`];
    if (shape.scope === 'schools') {
      const inSchools = and(
        eq(roleAssignments.personId, people.id),
        sql`${roleAssignments.orgUnitId} = any(${p('orgUnitIds')}::uuid[])`,
        currentAssignment(),
      );
      inScope.push(
        exists(
          db
            .select({ one: sql`1` })
            .from(roleAssignments)
            .where(inSchools),
        ),
      );
    }
    where.push(or(...inScope)!);
  }
  return and(...where)!;
}

/**
 * One page of the directory. With `withTotal`, the total number of matches rides on every row
 * (one statement: right for a search, whose matches are few); without, the page reads only its
 * rows off the name index, since a total over every row of the district would read and hold all of
 * them first (25,000 rows, ~50 ms, for a page of 50: issue 11); the count then runs beside it.
 */
function pageStatement(db: Executor, shape: Shape, name: string, withTotal: boolean) {
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      email: people.email,
      identifier: people.identifier,
      active: people.active,
      total: withTotal ? sql<number>`count(*) over ()`.mapWith(Number) : sql<number>`0`.mapWith(Number),
    })
    .from(people)
    .where(conditions(db, shape))
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    .limit(p('limit'))
    .offset(p('offset'))
    .prepare(name);
}

/** The number of matches alone: for a page past the last one, which has no rows to carry it. */
function countStatement(db: Executor, shape: Shape, name: string) {
  return db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(people)
    .where(conditions(db, shape))
    .prepare(name);
}

/** People the actor may see, filtered and paged, with the total count. */
export async function listPeople(ctx: Ctx, query: z.infer<typeof PeopleQuery>) {
  const districtId = ctx.actor.districtId;
  const terms = foldForSearch(query.q ?? '')
    .split(' ')
    .filter(Boolean);
  const scope = peopleScope(ctx.actor);
  const shape: Shape = {
    active: query.active,
    terms: terms.length,
    orgUnit: Boolean(query.orgUnitId),
    role: Boolean(query.role),
    scope: scope.kind === 'district' ? 'none' : scope.orgUnitIds.length > 0 ? 'schools' : 'people',
  };
  const values: Record<string, unknown> = {
    districtId,
    active: query.active === 'true',
    orgUnitId: query.orgUnitId,
    role: query.role,
    personIds: scope.kind === 'limited' ? scope.personIds : undefined,
    orgUnitIds: scope.kind === 'limited' ? scope.orgUnitIds : undefined,
    limit: query.limit,
    offset: query.offset,
  };
  terms.forEach((term, i) => (values[`term${i}`] = `%${likeEscape(term)}%`));
  const key = shapeKey(shape);
  const db = ctx.db;
  let rows;
  let total;
  if (shape.terms > 0) {
    rows = await preparedOnce(db, `people_page_${key}`, () => pageStatement(db, shape, `people_page_${key}`, true)).execute(values);
    total = rows[0]?.total ?? (query.offset > 0 ? await countOnly(db, shape, key, values) : 0);
  } else {
    const name = `people_page_nototal_${key}`;
    [rows, total] = await Promise.all([
      preparedOnce(db, name, () => pageStatement(db, shape, name, false)).execute(values),
      countOnly(db, shape, key, values),
    ]);
  }
  const assignments = await loadAssignments(
    db,
    districtId,
    rows.map((r) => r.id),
  );
  const byPerson = groupBy(assignments, (a) => a.personId);
  return { items: rows.map((r) => presentPersonSummary(r, byPerson.get(r.id) ?? [])), total };
}

async function countOnly(db: Executor, shape: Shape, key: string, values: Record<string, unknown>) {
  const [row] = await preparedOnce(db, `people_count_${key}`, () => countStatement(db, shape, `people_count_${key}`)).execute(values);
  return row?.n ?? 0;
}
