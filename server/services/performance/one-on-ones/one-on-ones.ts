import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { CreateOneOnOneInput, OneOnOne, OneOnOneMembers, UpdateOneOnOneInput } from '../../../../common/schemas/one-on-ones.ts';
import type { Executor } from '../../../db/client.ts';
import { oneOnOnes, orgUnits, people, teamMembers, teams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, notFound } from '../../../lib/errors.ts';
import { canReadOneOnOne, oneOnOneAbilities } from '../../../policies/team-goals.ts';
import { recordAudit } from '../../audit.ts';
import { districtToday } from '../../coaching/refs.ts';
import { nameOf } from '../../evaluators/computed.ts';
import { holdsOn } from '../../teams/periods.ts';

type Row = typeof oneOnOnes.$inferSelect;

/**
 * The people the caller leads for 1:1s: today's members of an instructional leadership team, and
 * today's leads of any team, in the schools the caller leads (not the caller).
 */
export async function oneOnOneMembers(ctx: Ctx, db: Executor = ctx.db): Promise<OneOnOneMembers> {
  const schools = ctx.actor.leaderOrgUnitIds;
  if (schools.length === 0) return { items: [] };
  const { today } = await districtToday(db, ctx.actor.districtId);
  const rows = await db
    .select({
      person: { id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName },
      schoolName: orgUnits.name,
      startsOn: teamMembers.startsOn,
      endsOn: teamMembers.endsOn,
      teamEndsOn: teams.endsOn,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(orgUnits, eq(orgUnits.id, teams.schoolId))
    .innerJoin(people, and(eq(people.id, teamMembers.personId), eq(people.districtId, teamMembers.districtId)))
    .where(
      and(
        eq(teamMembers.districtId, ctx.actor.districtId),
        eq(people.active, true),
        inArray(teams.schoolId, schools),
        or(eq(teams.kind, 'ilt'), eq(teamMembers.role, 'lead')),
      ),
    );
  const seen = new Map<string, OneOnOneMembers['items'][number]>();
  for (const r of rows) {
    if (r.person.id === ctx.actor.personId || !holdsOn(r, today) || (r.teamEndsOn !== null && r.teamEndsOn <= today)) continue;
    if (!seen.has(r.person.id)) seen.set(r.person.id, { id: r.person.id, name: nameOf(r.person), schoolName: r.schoolName });
  }
  return { items: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

async function present(ctx: Ctx, db: Executor, rows: Row[]): Promise<OneOnOne[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.leaderPersonId, r.memberPersonId]))];
  const names = new Map(
    ids.length
      ? (
          await db
            .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
            .from(people)
            .where(and(eq(people.districtId, ctx.actor.districtId), inArray(people.id, ids)))
        ).map((p) => [p.id, nameOf(p)])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    leader: { id: r.leaderPersonId, name: names.get(r.leaderPersonId) ?? '' },
    member: { id: r.memberPersonId, name: names.get(r.memberPersonId) ?? '' },
    meetsAt: r.meetsAt.toISOString(),
    agenda: r.agenda,
    decisions: r.decisions,
    notes: r.notes,
    version: r.version,
    can: oneOnOneAbilities(ctx.actor, r),
  }));
}

/** The caller's 1:1s, as leader or as member, latest first. */
export async function listOneOnOnes(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(oneOnOnes)
    .where(
      and(
        eq(oneOnOnes.districtId, ctx.actor.districtId),
        or(eq(oneOnOnes.leaderPersonId, ctx.actor.personId), eq(oneOnOnes.memberPersonId, ctx.actor.personId)),
      ),
    )
    .orderBy(desc(oneOnOnes.meetsAt))
    .limit(500);
  return { items: await present(ctx, ctx.db, rows) };
}

async function loadReadable(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<Row> {
  const [row] = await db
    .select()
    .from(oneOnOnes)
    .where(and(eq(oneOnOnes.id, id), eq(oneOnOnes.districtId, ctx.actor.districtId)));
  if (!row || !canReadOneOnOne(ctx.actor, row)) throw notFound('1:1');
  return row;
}

export async function getOneOnOne(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<OneOnOne> {
  const [view] = await present(ctx, db, [await loadReadable(ctx, id, db)]);
  return view!;
}

/**
 * A new 1:1 led by the caller with a person they lead (oneOnOneMembers). A caller who leads no
 * school: 403; a person of another district, or one the caller does not lead: 404.
 */
export async function createOneOnOne(ctx: Ctx, input: CreateOneOnOneInput): Promise<OneOnOne> {
  if (ctx.actor.leaderOrgUnitIds.length === 0) throw forbidden('Only school leaders hold 1:1s here');
  const members = await oneOnOneMembers(ctx);
  if (!members.items.some((m) => m.id === input.memberPersonId)) throw notFound('Person');
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(oneOnOnes)
      .values({
        districtId: ctx.actor.districtId,
        leaderPersonId: ctx.actor.personId,
        memberPersonId: input.memberPersonId,
        meetsAt: new Date(input.meetsAt),
        agenda: input.agenda,
      })
      .returning();
    await recordAudit(tx, ctx, { action: 'one_on_one.create', entityType: 'one_on_one', entityId: row!.id, after: row });
    return row!.id;
  });
  return getOneOnOne(ctx, id);
}

/** The agenda (topics ticked off), decisions, notes or time; either of the two; stale version 409. */
export async function updateOneOnOne(ctx: Ctx, id: string, input: UpdateOneOnOneInput): Promise<OneOnOne> {
  const current = await loadReadable(ctx, id);
  if (!oneOnOneAbilities(ctx.actor, current).edit) throw forbidden('Only the two people change a 1:1');
  const { version, meetsAt, ...rest } = input;
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(oneOnOnes)
      .set({ ...rest, ...(meetsAt ? { meetsAt: new Date(meetsAt) } : {}), version: version + 1, updatedAt: new Date() })
      .where(and(eq(oneOnOnes.id, id), eq(oneOnOnes.districtId, ctx.actor.districtId), eq(oneOnOnes.version, version)))
      .returning();
    if (!after) throw conflict(await getOneOnOne(ctx, id, tx));
    await recordAudit(tx, ctx, { action: 'one_on_one.update', entityType: 'one_on_one', entityId: id, before: current, after });
  });
  return getOneOnOne(ctx, id);
}

/** The leader deletes a 1:1. */
export async function deleteOneOnOne(ctx: Ctx, id: string): Promise<void> {
  const current = await loadReadable(ctx, id);
  if (!oneOnOneAbilities(ctx.actor, current).delete) throw forbidden('Only the leader deletes a 1:1');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(oneOnOnes).where(and(eq(oneOnOnes.id, id), eq(oneOnOnes.districtId, ctx.actor.districtId)));
    await recordAudit(tx, ctx, { action: 'one_on_one.delete', entityType: 'one_on_one', entityId: id, before: current });
  });
}
