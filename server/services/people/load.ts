import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import type { PersonAccount } from '../../../common/schemas/people.ts';
import { orgUnits, people, roleAssignments, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canReadPerson, personAbilities } from '../../policies/people.ts';
import { presentPerson, type AssignmentRow } from '../../presenters/people.ts';

const isCurrent = sql<boolean>`(${roleAssignments.active}
  and (${roleAssignments.beginDate} is null or ${roleAssignments.beginDate} <= current_date)
  and (${roleAssignments.endDate} is null or ${roleAssignments.endDate} >= current_date))`;

/** Role assignments (current and past) matching `which` in a district, with their org unit names. */
function assignmentsQuery(db: Executor, which: SQL) {
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
    .where(and(eq(roleAssignments.districtId, sql.placeholder('districtId')), which))
    .orderBy(desc(isCurrent), desc(roleAssignments.isPrimary), desc(roleAssignments.beginDate), asc(orgUnits.name));
}

/** Role assignments (current and past) of the given people, with their org unit names. */
export async function loadAssignments(db: Executor, districtId: string, personIds: string[]): Promise<AssignmentRow[]> {
  if (personIds.length === 0) return [];
  return assignmentsQuery(db, inArray(roleAssignments.personId, personIds)).execute({ districtId });
}

/** The person row, with their sign-in account joined in when asked for (`withAccount`). */
function personQuery(db: Executor, withAccount: boolean) {
  return db
    .select({ person: people, user: { email: users.email, passwordHash: users.passwordHash, adminGrant: users.adminGrant } })
    .from(people)
    .leftJoin(users, withAccount ? eq(users.personId, people.id) : sql`false`)
    .where(and(eq(people.id, sql.placeholder('id')), eq(people.districtId, sql.placeholder('districtId'))));
}

/**
 * The person page's two statements, built once per database (building them cost about as much as
 * running them; the same holds for the session query). Transactions build theirs each time.
 */
function buildPersonStatements(db: Db) {
  return {
    person: personQuery(db, false).prepare('person'),
    personWithAccount: personQuery(db, true).prepare('person_with_account'),
    assignments: assignmentsQuery(db, eq(roleAssignments.personId, sql.placeholder('personId'))).prepare('person_assignments'),
  };
}

const personStatements = new WeakMap<Db, ReturnType<typeof buildPersonStatements>>();
function statementsFor(db: Db) {
  let statements = personStatements.get(db);
  if (!statements) personStatements.set(db, (statements = buildPersonStatements(db)));
  return statements;
}

/**
 * Loads a person the actor may read, with their assignments (and, when asked, their sign-in
 * account in the same statement); 404 when the person is in another district or outside the
 * actor's scope, so neither case reveals that the row exists.
 */
export async function loadReadablePerson(ctx: Ctx, id: string, db: Executor = ctx.db, opts: { withAccount?: boolean } = {}) {
  const withAccount = opts.withAccount === true;
  const params = { id, districtId: ctx.actor.districtId };
  // Outside a transaction the prepared statements serve; a transaction runs its own.
  const prepared = db === ctx.db ? statementsFor(ctx.db) : null;
  const [row] = prepared
    ? await (withAccount ? prepared.personWithAccount : prepared.person).execute(params)
    : await personQuery(db, withAccount).execute(params);
  if (!row) throw notFound('Person');
  const { person } = row;
  const assignments = prepared
    ? await prepared.assignments.execute({ personId: person.id, districtId: ctx.actor.districtId })
    : await loadAssignments(db, ctx.actor.districtId, [person.id]);
  const currentOrgUnitIds = assignments.filter((a) => a.current).map((a) => a.orgUnitId);
  if (!canReadPerson(ctx.actor, { id: person.id, districtId: person.districtId, currentOrgUnitIds })) {
    throw notFound('Person');
  }
  return { person, assignments, account: presentAccount(row.user) };
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
  const withAccount = personAbilities(ctx.actor).invite;
  const { person, assignments, account } = await loadReadablePerson(ctx, id, ctx.db, { withAccount });
  return presentPerson(ctx.actor, person, assignments, withAccount ? account : null);
}
