import { and, asc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { groupBy } from '../../../common/collections.ts';
import { foldForSearch } from '../../../common/search.ts';
import type { PeopleQuery } from '../../../common/schemas/people.ts';
import { people, roleAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { peopleScope } from '../../policies/people.ts';
import { presentPersonSummary } from '../../presenters/people.ts';
import { currentAssignment } from '../auth/current-assignment.ts';
import { loadAssignments } from './load.ts';

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** People the actor may see, filtered and paged, with the total count. */
export async function listPeople(ctx: Ctx, query: z.infer<typeof PeopleQuery>) {
  const districtId = ctx.actor.districtId;
  const where: SQL[] = [eq(people.districtId, districtId)];
  if (query.active !== 'all') where.push(eq(people.active, query.active === 'true'));
  for (const term of foldForSearch(query.q ?? '').split(' ').filter(Boolean)) {
    where.push(sql`${people.searchText} like ${`%${likeEscape(term)}%`}`);
  }
  if (query.orgUnitId || query.role) {
    const conditions = [eq(roleAssignments.personId, people.id), currentAssignment()];
    if (query.orgUnitId) conditions.push(eq(roleAssignments.orgUnitId, query.orgUnitId));
    if (query.role) conditions.push(eq(roleAssignments.role, query.role));
    where.push(exists(ctx.db.select({ one: sql`1` }).from(roleAssignments).where(and(...conditions))));
  }
  const scope = peopleScope(ctx.actor);
  if (scope.kind === 'limited') {
    const inScope: SQL[] = [inArray(people.id, scope.personIds)];
    if (scope.orgUnitIds.length > 0) {
      inScope.push(
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.personId, people.id), inArray(roleAssignments.orgUnitId, scope.orgUnitIds), currentAssignment())),
        ),
      );
    }
    where.push(or(...inScope)!);
  }
  const rows = await ctx.db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      email: people.email,
      identifier: people.identifier,
      active: people.active,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(people)
    .where(and(...where))
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    .limit(query.limit)
    .offset(query.offset);
  const assignments = await loadAssignments(ctx.db, districtId, rows.map((r) => r.id));
  const byPerson = groupBy(assignments, (a) => a.personId);
  return {
    items: rows.map((r) => presentPersonSummary(r, byPerson.get(r.id) ?? [])),
    total: rows[0]?.total ?? (query.offset > 0 ? await countOnly(ctx, where) : 0),
  };
}

async function countOnly(ctx: Ctx, where: SQL[]) {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(people).where(and(...where));
  return row?.n ?? 0;
}
