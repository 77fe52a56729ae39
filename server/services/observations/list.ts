import { and, count, desc, eq, gte, lte, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { ObservationList, ObservationListQuery } from '../../../common/schemas/observations.ts';
import type { Executor } from '../../db/client.ts';
import { qualified } from '../../db/qualified.ts';
import { districts, observationTypes, observations, orgUnits, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { decodeDayCursor, encodeDayCursor, exactTime, olderThanOnDay } from '../../lib/cursor.ts';
import { todayIn } from '../school-calendar/context.ts';
import { personNameSql, readableObservationsWhere } from './access.ts';
import { LIST_COLUMNS, presentListItem, type ListRow } from './load.ts';

/**
 * How many matches the list counts exactly: past this it says "more than". Counting is a walk of
 * every match (a district holds hundreds of thousands of observations), paid on every page.
 */
export const LIST_COUNT_CAP = 1_000;

const o = observations;

/** The filters of a list query, the reader's visibility first. */
function filtersOf(ctx: Ctx, q: ObservationListQuery): SQL {
  const where: SQL[] = [readableObservationsWhere(ctx.actor)];
  if (q.observedPersonId) where.push(eq(o.observedPersonId, q.observedPersonId));
  if (q.observerPersonId) where.push(or(eq(o.observerPersonId, q.observerPersonId), eq(o.coObserverPersonId, q.observerPersonId))!);
  if (q.status) where.push(eq(o.status, q.status));
  if (q.schoolId) where.push(eq(o.orgUnitId, q.schoolId));
  if (q.typeId) where.push(eq(o.typeId, q.typeId));
  if (q.kind) where.push(eq(o.kind, q.kind));
  if (q.purpose) where.push(eq(o.purpose, q.purpose));
  if (q.from) where.push(gte(o.observedOn, q.from));
  if (q.to) where.push(lte(o.observedOn, q.to));
  if (q.mine === 'made') where.push(or(eq(o.observerPersonId, ctx.actor.personId), eq(o.coObserverPersonId, ctx.actor.personId))!);
  if (q.mine === 'received') where.push(and(eq(o.observedPersonId, ctx.actor.personId), eq(o.status, 'published'))!);
  return and(...where)!;
}

/** The matches counted up to one past the cap, as a scalar subquery (its own `observations`). */
function cappedCount(db: Executor, condition: SQL): SQL<number> {
  const capped = db
    .select({ one: sql`1` })
    .from(o)
    .where(condition)
    .limit(LIST_COUNT_CAP + 1);
  return sql<number>`(select count(*) from (${capped}) as capped)`.mapWith(Number);
}

const nameOf = (column: Column) =>
  sql<
    string | null
  >`(select ${personNameSql({ preferredName: qualified(people.preferredName), givenName: qualified(people.givenName), familyName: qualified(people.familyName) })}
    from ${people} where ${qualified(people.id)} = ${qualified(column)})`;

const typeOf = sql<
  ListRow['type']
>`(select json_build_object('id', ${qualified(observationTypes.id)}, 'name', ${qualified(observationTypes.name)},
    'kind', ${qualified(observationTypes.kind)}, 'lookFors', ${qualified(observationTypes.lookFors)},
    'countsTowardRequirement', ${qualified(observationTypes.countsTowardRequirement)})
  from ${observationTypes} where ${qualified(observationTypes.id)} = ${qualified(o.typeId)})`;

const schoolOf = sql<
  string | null
>`(select ${qualified(orgUnits.name)} from ${orgUnits} where ${qualified(orgUnits.id)} = ${qualified(o.orgUnitId)})`;

const columns = Object.fromEntries(LIST_COLUMNS.map((c) => [c, o[c]])) as { [K in (typeof LIST_COLUMNS)[number]]: (typeof o)[K] };

/**
 * GET /api/observations: what the caller may read, newest observed first, a page at a time
 * (keyset: observed on, created, id). One statement: the page comes off observations_list_idx in
 * the list's order, each row's names by primary key (subqueries, which plan in microseconds where a
 * seven-table join under row-level security took PostgreSQL ~15 ms), the district's zone once and
 * the capped count once. A page past the last, reached by a cursor, counts on its own.
 */
export async function listObservations(ctx: Ctx, q: ObservationListQuery): Promise<ObservationList> {
  const condition = filtersOf(ctx, q);
  const after = q.cursor ? olderThanOnDay(decodeDayCursor(q.cursor), o.observedOn, o.createdAt, o.id) : undefined;
  const rows = await ctx.db
    .select({
      ...columns,
      createdExact: exactTime(o.createdAt),
      observedName: nameOf(o.observedPersonId),
      observerName: nameOf(o.observerPersonId),
      coObserverName: nameOf(o.coObserverPersonId),
      schoolName: schoolOf,
      type: typeOf,
      timeZone: sql<string>`(select ${qualified(districts.timeZone)} from ${districts} where ${qualified(districts.id)} = ${ctx.actor.districtId})`,
      counted: cappedCount(ctx.db, condition),
    })
    .from(o)
    .where(and(condition, after))
    .orderBy(desc(o.observedOn), desc(o.createdAt), desc(o.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const counted = rows[0]?.counted ?? (q.cursor ? await countOnly(ctx.db, condition) : 0);
  const today = todayIn(rows[0]?.timeZone ?? 'America/New_York');
  const last = page.at(-1);
  return {
    items: page.map((r) =>
      presentListItem(
        ctx.actor,
        {
          o: r,
          type: r.type,
          observedName: r.observedName ?? '',
          observerName: r.observerName ?? '',
          coObserverName: r.coObserverName,
          schoolName: r.schoolName,
          timeZone: r.timeZone,
        },
        today,
      ),
    ),
    total: Math.min(counted, LIST_COUNT_CAP),
    totalIsLowerBound: counted > LIST_COUNT_CAP,
    nextCursor: rows.length > q.limit && last ? encodeDayCursor(last.observedOn, last.createdExact, last.id) : null,
  };
}

async function countOnly(db: Executor, condition: SQL): Promise<number> {
  const capped = db
    .select({ one: sql`1` })
    .from(o)
    .where(condition)
    .limit(LIST_COUNT_CAP + 1)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  return Number(row?.n ?? 0);
}
