import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { qualified } from '../../db/qualified.ts';
import type { PersonAccount } from '../../../common/schemas/people.ts';
import { orgUnits, people, roleAssignments, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canReadPerson, canSeeAccounts } from '../../policies/people.ts';
import { presentPerson, type AssignmentRow } from '../../presenters/people.ts';

const isCurrent = sql<boolean>`(${roleAssignments.active}
  and (${roleAssignments.beginDate} is null or ${roleAssignments.beginDate} <= current_date)
  and (${roleAssignments.endDate} is null or ${roleAssignments.endDate} >= current_date))`;

/** Role assignments (current and past) of the people in `$ids`, with their org unit names. */
function assignmentsQuery(db: Executor) {
  return db
    .select({
      id: roleAssignments.id,
      personId: roleAssignments.personId,
      role: roleAssignments.role,
      orgUnitId: roleAssignments.orgUnitId,
      orgUnitName: orgUnits.name,
      isPrimary: roleAssignments.isPrimary,
      beginDate: roleAssignments.beginDate,
      endDate: roleAssignments.endDate,
      active: roleAssignments.active,
      current: isCurrent,
    })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.orgUnitId))
    .where(
      and(
        eq(roleAssignments.districtId, sql.placeholder('districtId')),
        sql`${roleAssignments.personId} = any(${sql.placeholder('ids')}::uuid[])`,
      ),
    )
    .orderBy(desc(isCurrent), desc(roleAssignments.isPrimary), desc(roleAssignments.beginDate), asc(orgUnits.name));
}

/** The person row, with their sign-in account joined in when asked for (`withAccount`). */
function personQuery(db: Executor, withAccount: boolean) {
  return db
    .select({
      person: people,
      user: { email: users.email, passwordHash: users.passwordHash, adminGrant: users.adminGrant },
      // The person's own grant, read for everyone: it decides what others may do to them.
      grant: sql<
        string | null
      >`(select u.admin_grant from ${users} u where u.person_id = ${qualified(people.id)} and u.district_id = ${qualified(people.districtId)})`,
    })
    .from(people)
    .leftJoin(users, withAccount ? eq(users.personId, people.id) : sql`false`)
    .where(and(eq(people.id, sql.placeholder('id')), eq(people.districtId, sql.placeholder('districtId'))));
}

/** Role assignments (current and past) of the given people, with their org unit names. */
export async function loadAssignments(db: Executor, districtId: string, personIds: string[]): Promise<AssignmentRow[]> {
  if (personIds.length === 0) return [];
  return preparedOnce(db, 'person_assignments', () => assignmentsQuery(db).prepare('person_assignments')).execute({
    districtId,
    ids: personIds,
  });
}

/**
 * Loads a person the actor may read, with their assignments (and, when asked, their sign-in
 * account in the same statement); 404 when the person is in another district or outside the
 * actor's scope, so neither case reveals that the row exists.
 */
export async function loadReadablePerson(ctx: Ctx, id: string, db: Executor = ctx.db, opts: { withAccount?: boolean } = {}) {
  const withAccount = opts.withAccount === true;
  const name = withAccount ? 'person_with_account' : 'person';
  const [row] = await preparedOnce(db, name, () => personQuery(db, withAccount).prepare(name)).execute({
    id,
    districtId: ctx.actor.districtId,
  });
  if (!row) throw notFound('Person');
  const { person } = row;
  const assignments = await loadAssignments(db, ctx.actor.districtId, [person.id]);
  const currentOrgUnitIds = assignments.filter((a) => a.current).map((a) => a.orgUnitId);
  if (!canReadPerson(ctx.actor, { id: person.id, districtId: person.districtId, currentOrgUnitIds })) {
    throw notFound('Person');
  }
  return { person, assignments, account: presentAccount(row.user), adminGrant: row.grant };
}

/** The sign-in account behind a person, as those who manage people see it. */
function presentAccount(user: { email: string; passwordHash: string | null; adminGrant: string | null } | null): PersonAccount {
  if (!user) return { status: 'none', email: null, adminGrant: null };
  return {
    status: user.passwordHash ? 'active' : 'invited',
    email: user.email,
    adminGrant: user.adminGrant === 'hr' || user.adminGrant === 'district_admin' ? user.adminGrant : null,
  };
}

/** A readable person as the API presents them, with their account when the caller manages people. */
export async function personView(ctx: Ctx, id: string) {
  const withAccount = canSeeAccounts(ctx.actor);
  const { person, assignments, account, adminGrant } = await loadReadablePerson(ctx, id, ctx.db, { withAccount });
  return presentPerson(ctx.actor, person, assignments, adminGrant, withAccount ? account : null);
}
