import { and, eq } from 'drizzle-orm';
import type {
  CreateImplementationTeamInput,
  ImplementationTeamDetail,
  UpdateImplementationTeamInput,
} from '../../../../common/schemas/implementation-teams.ts';
import type { Executor } from '../../../db/client.ts';
import { implementationTeams, initiatives, orgUnits } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidField, notFound } from '../../../lib/errors.ts';
import { canEditImplementationTeam, canReadImplementationTeams } from '../../../policies/implementation-teams.ts';
import { recordAudit } from '../../audit.ts';
import { assertInitiativeOrgUnits } from '../initiative.ts';
import { implementationTeamView, loadTeamRow } from './load.ts';

interface TeamShape {
  id?: string;
  kind: string;
  orgUnitId: string;
  initiativeId: string | null;
  reportsToTeamId: string | null;
}

/**
 * Checks every id a team names against the caller's district and the team: the org unit is the
 * district's own unit (district and talent-management teams) or a school (school teams); the
 * initiative is one of the district's, and covers a school team's school; the team it reports to is
 * another active district team. Each failure is a 400 naming the field.
 */
async function checkTeamRefs(ctx: Ctx, team: TeamShape, db: Executor = ctx.db) {
  const districtId = ctx.actor.districtId;
  const [unit] = await db
    .select({ type: orgUnits.type })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, team.orgUnitId), eq(orgUnits.districtId, districtId), eq(orgUnits.active, true)));
  const wantedType = team.kind === 'school' ? 'school' : 'district';
  if (!unit) throw invalidField('orgUnitId', 'not an org unit of this district');
  if (unit.type !== wantedType)
    throw invalidField(
      'orgUnitId',
      team.kind === 'school' ? 'a school team belongs to a school' : "this team belongs to the district's own unit",
    );
  if (team.initiativeId) {
    const [initiative] = await db
      .select()
      .from(initiatives)
      .where(and(eq(initiatives.id, team.initiativeId), eq(initiatives.districtId, districtId)));
    if (!initiative) throw invalidField('initiativeId', 'not an initiative of this district');
    if (team.kind === 'school') await assertInitiativeOrgUnits(ctx, initiative, [team.orgUnitId], 'orgUnitId', db);
  }
  if (team.reportsToTeamId) {
    if (team.reportsToTeamId === team.id) throw invalidField('reportsToTeamId', 'a team cannot report to itself');
    const [parent] = await db
      .select({ kind: implementationTeams.kind, active: implementationTeams.active })
      .from(implementationTeams)
      .where(and(eq(implementationTeams.id, team.reportsToTeamId), eq(implementationTeams.districtId, districtId)));
    if (!parent || !parent.active) throw invalidField('reportsToTeamId', 'not a team of this district');
    if (parent.kind !== 'district') throw invalidField('reportsToTeamId', 'a team reports to a district implementation team');
  }
}

/** 404 for a guest; 403 for anyone else who may not edit a team of that kind there. */
function requireEditor(ctx: Ctx, team: { kind: string; orgUnitId: string }) {
  if (!canReadImplementationTeams(ctx.actor)) throw notFound('Team');
  if (!canEditImplementationTeam(ctx.actor, team))
    throw forbidden('Only HR and admins edit district teams; school leaders edit their own school teams');
}

/** Creates a team (HR and admins any; school leaders the school teams of their schools). */
export async function createImplementationTeam(ctx: Ctx, input: CreateImplementationTeamInput): Promise<ImplementationTeamDetail> {
  requireEditor(ctx, input);
  const values = {
    kind: input.kind,
    name: input.name,
    orgUnitId: input.orgUnitId,
    initiativeId: input.initiativeId ?? null,
    termsOfReference: input.termsOfReference ?? '',
    reportsToTeamId: input.reportsToTeamId ?? null,
    reportsWhat: input.reportsWhat ?? '',
  };
  await checkTeamRefs(ctx, values);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(implementationTeams)
      .values({ districtId: ctx.actor.districtId, ...values, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, { action: 'implementation_team.create', entityType: 'implementation_team', entityId: row!.id, after: row });
    return row!.id;
  });
  return implementationTeamView(ctx, id);
}

/**
 * Edits a team: name, org unit, initiative, terms of reference, reports-to, active. The caller must
 * be able to edit it before and after (a leader cannot move a team out of their school). A stale
 * `version` answers 409 with the current team.
 */
export async function updateImplementationTeam(
  ctx: Ctx,
  id: string,
  input: UpdateImplementationTeamInput,
): Promise<ImplementationTeamDetail> {
  const team = await loadTeamRow(ctx, id);
  requireEditor(ctx, team);
  const { version, ...set } = input;
  const next = {
    id,
    kind: team.kind,
    orgUnitId: set.orgUnitId ?? team.orgUnitId,
    initiativeId: set.initiativeId === undefined ? team.initiativeId : set.initiativeId,
    reportsToTeamId: set.reportsToTeamId === undefined ? team.reportsToTeamId : set.reportsToTeamId,
  };
  requireEditor(ctx, next);
  if (team.version !== version) throw conflict(await implementationTeamView(ctx, id));
  await checkTeamRefs(ctx, next);
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(implementationTeams)
      .set({ ...set, version: version + 1, updatedAt: new Date() })
      .where(
        and(
          eq(implementationTeams.id, id),
          eq(implementationTeams.districtId, ctx.actor.districtId),
          eq(implementationTeams.version, version),
        ),
      )
      .returning();
    if (!updated) throw conflict(await implementationTeamView(ctx, id, tx));
    await recordAudit(tx, ctx, {
      action: set.active === false ? 'implementation_team.retire' : 'implementation_team.update',
      entityType: 'implementation_team',
      entityId: id,
      before: team,
      after: updated,
    });
  });
  return implementationTeamView(ctx, id);
}
