import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ImplementationTeamRole } from '../../../../common/implementation.ts';
import type {
  AddImplementationMembersInput,
  ChangeImplementationRoleInput,
  EndImplementationMemberInput,
} from '../../../../common/schemas/implementation-teams.ts';
import type { Executor } from '../../../db/client.ts';
import { implementationTeamMembers, people } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidField, invalidState, notFound } from '../../../lib/errors.ts';
import { canManageImplementationMembers } from '../../../policies/implementation-teams.ts';
import { recordAudit } from '../../audit.ts';
import { districtToday } from '../../coaching/refs.ts';
import { holdsOn } from '../../teams/periods.ts';
import { actorRoles, implementationTeamView, loadTeamRow, type ImplementationTeamRow } from './load.ts';

/** The team, once the caller may manage its members (editors and its current facilitator); else 403. */
export async function requireMemberManager(ctx: Ctx, teamId: string, db: Executor = ctx.db) {
  const team = await loadTeamRow(ctx, teamId, db);
  const { today } = await districtToday(db, ctx.actor.districtId);
  const roles = await actorRoles(ctx, teamId, today, db);
  if (!canManageImplementationMembers(ctx.actor, team, roles.includes('facilitator')))
    throw forbidden("Only the team's facilitator, its school's leaders, HR and admins change its members");
  if (!team.active) throw invalidState('This team has been retired', { code: 'team_retired' });
  return { team, today };
}

/** Active people of the district among `ids`; a 400 naming `field` when any is not. */
export async function requireDistrictPeople(ctx: Ctx, ids: string[], field: string, db: Executor = ctx.db) {
  const unique = [...new Set(ids)];
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.districtId, ctx.actor.districtId), eq(people.active, true), inArray(people.id, unique)));
  if (found.length !== unique.length) throw invalidField(field, 'not a person of this district');
  return unique;
}

/**
 * Inserts memberships, skipping anyone who already holds that role on the team today. Returns the
 * counts; audits each row added.
 */
export async function insertImplementationMembers(
  ctx: Ctx,
  tx: Executor,
  team: ImplementationTeamRow,
  entries: { personId: string; role: ImplementationTeamRole; startsOn: string }[],
  today: string,
) {
  const existing = await tx
    .select()
    .from(implementationTeamMembers)
    .where(and(eq(implementationTeamMembers.districtId, ctx.actor.districtId), eq(implementationTeamMembers.teamId, team.id)));
  const held = new Set(existing.filter((m) => holdsOn(m, today) || m.startsOn > today).map((m) => `${m.personId}:${m.role}`));
  const rows = [];
  for (const entry of entries) {
    const key = `${entry.personId}:${entry.role}`;
    if (held.has(key)) continue;
    held.add(key);
    rows.push({ districtId: ctx.actor.districtId, teamId: team.id, ...entry });
  }
  if (rows.length === 0) return { added: 0, unchanged: entries.length };
  const inserted = await tx.insert(implementationTeamMembers).values(rows).returning();
  await recordAudit(
    tx,
    ctx,
    inserted.map((row) => ({
      action: 'implementation_team_member.add',
      entityType: 'implementation_team_member',
      entityId: row.id,
      after: row,
    })),
  );
  return { added: inserted.length, unchanged: entries.length - inserted.length };
}

/** Adds several people of the district to the team in one role (already there in that role: unchanged). */
export async function addImplementationMembers(ctx: Ctx, teamId: string, input: z.infer<typeof AddImplementationMembersInput>) {
  const { team, today } = await requireMemberManager(ctx, teamId);
  const ids = await requireDistrictPeople(ctx, input.personIds, 'personIds');
  const startsOn = input.startsOn ?? today;
  return ctx.db.transaction((tx) =>
    insertImplementationMembers(
      ctx,
      tx,
      team,
      ids.map((personId) => ({ personId, role: input.role, startsOn })),
      today,
    ),
  );
}

async function loadMember(ctx: Ctx, teamId: string, memberId: string) {
  const [row] = await ctx.db
    .select()
    .from(implementationTeamMembers)
    .where(
      and(
        eq(implementationTeamMembers.id, memberId),
        eq(implementationTeamMembers.teamId, teamId),
        eq(implementationTeamMembers.districtId, ctx.actor.districtId),
      ),
    );
  if (!row) throw notFound('Team member');
  return row;
}

/** Ends a membership (default today, the first day they are off the team); the row stays as history. */
export async function endImplementationMember(
  ctx: Ctx,
  teamId: string,
  memberId: string,
  input: z.infer<typeof EndImplementationMemberInput>,
) {
  const { today } = await requireMemberManager(ctx, teamId);
  const member = await loadMember(ctx, teamId, memberId);
  if (member.version !== input.version) throw conflict(await implementationTeamView(ctx, teamId));
  if (member.endsOn !== null && member.endsOn <= today) throw invalidState('This membership has already ended', { code: 'already_ended' });
  const endsOn = input.endsOn ?? today;
  // Ending on the first day is allowed: a membership added by mistake is ended the same day (it held no day).
  if (endsOn < member.startsOn) throw invalidField('endsOn', 'the end cannot come before the start');
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(implementationTeamMembers)
      .set({ endsOn, version: member.version + 1, updatedAt: new Date() })
      .where(and(eq(implementationTeamMembers.id, memberId), eq(implementationTeamMembers.version, member.version)))
      .returning();
    if (!updated) throw conflict(await implementationTeamView(ctx, teamId, tx));
    await recordAudit(tx, ctx, {
      action: 'implementation_team_member.end',
      entityType: 'implementation_team_member',
      entityId: memberId,
      before: member,
      after: updated,
    });
  });
  return implementationTeamView(ctx, teamId);
}

/** Changes a current member's role: their row ends today and a new one starts today (same day: edited in place). */
export async function changeImplementationRole(
  ctx: Ctx,
  teamId: string,
  memberId: string,
  input: z.infer<typeof ChangeImplementationRoleInput>,
) {
  const { today } = await requireMemberManager(ctx, teamId);
  const member = await loadMember(ctx, teamId, memberId);
  if (member.version !== input.version) throw conflict(await implementationTeamView(ctx, teamId));
  if (member.role === input.role) return implementationTeamView(ctx, teamId);
  if (!holdsOn(member, today)) throw invalidState('Only a current member can change role', { code: 'not_current' });
  await ctx.db.transaction(async (tx) => {
    const sameDay = member.startsOn === today;
    const [updated] = await tx
      .update(implementationTeamMembers)
      .set(
        sameDay ? { role: input.role, version: member.version + 1 } : { endsOn: today, version: member.version + 1, updatedAt: new Date() },
      )
      .where(and(eq(implementationTeamMembers.id, memberId), eq(implementationTeamMembers.version, member.version)))
      .returning();
    if (!updated) throw conflict(await implementationTeamView(ctx, teamId, tx));
    const after = sameDay
      ? updated
      : (
          await tx
            .insert(implementationTeamMembers)
            .values({
              districtId: ctx.actor.districtId,
              teamId,
              personId: member.personId,
              role: input.role,
              startsOn: today,
              endsOn: member.endsOn,
            })
            .returning()
        )[0];
    await recordAudit(tx, ctx, {
      action: 'implementation_team_member.role',
      entityType: 'implementation_team_member',
      entityId: after!.id,
      before: member,
      after,
    });
  });
  return implementationTeamView(ctx, teamId);
}
