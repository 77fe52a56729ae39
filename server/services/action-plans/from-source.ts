import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { DataSourcePlans, DataSourceQuery } from '../../../common/schemas/action-plans.ts';
import { actionPlans, implementationTeams, initiatives } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canEditActionPlans, canReadActionPlans } from '../../policies/action-plans.ts';
import { currentTeamMemberships } from '../implementation/teams/memberships.ts';
import { dataSourceFacts, sourceFitsTeam } from './data-sources.ts';

/**
 * GET /api/action-plans/from-source: where a "Plan an action" link leads. The source's facts (what
 * the problem step is written from), the active plans it fits that the caller writes, and the teams
 * it fits where the caller may start a plan. A source the caller may not read, or one that does not
 * hold (an item of another version, an outcome value under the minimum count), is a 400 naming the
 * query field; a vendor guest 404.
 */
export async function plansForSource(ctx: Ctx, q: DataSourceQuery): Promise<DataSourcePlans> {
  if (!canReadActionPlans(ctx.actor)) throw notFound('Action plans');
  const source = await dataSourceFacts(ctx, q, (name) => name);
  const districtId = ctx.actor.districtId;
  const fitting =
    source.kind === 'assessment_item'
      ? or(
          source.administration.team ? eq(implementationTeams.id, source.administration.team.id) : undefined,
          eq(implementationTeams.orgUnitId, source.administration.orgUnit.id),
        )
      : or(eq(implementationTeams.kind, 'district'), eq(implementationTeams.orgUnitId, source.orgUnitId));
  const [teams, memberships] = await Promise.all([
    ctx.db
      .select()
      .from(implementationTeams)
      .where(and(eq(implementationTeams.districtId, districtId), eq(implementationTeams.active, true), fitting))
      .orderBy(asc(implementationTeams.name))
      .limit(200),
    isHrOrAdmin(ctx.actor) ? [] : currentTeamMemberships(ctx),
  ]);
  const mine = new Set(memberships.map((m) => m.teamId));
  const writable = teams.filter((team) => sourceFitsTeam(team, source) && canEditActionPlans(ctx.actor, team, mine.has(team.id)));
  const plans = writable.length
    ? await ctx.db
        .select({ plan: actionPlans, initiativeName: initiatives.name })
        .from(actionPlans)
        .leftJoin(initiatives, and(eq(initiatives.id, actionPlans.initiativeId), eq(initiatives.districtId, actionPlans.districtId)))
        .where(
          and(
            eq(actionPlans.districtId, districtId),
            eq(actionPlans.active, true),
            inArray(
              actionPlans.teamId,
              writable.map((team) => team.id),
            ),
          ),
        )
        .orderBy(desc(actionPlans.createdAt))
        .limit(200)
    : [];
  const teamName = new Map(writable.map((team) => [team.id, team.name]));
  return {
    source,
    plans: plans.map(({ plan, initiativeName }) => ({
      id: plan.id,
      title: plan.title,
      team: { id: plan.teamId, name: teamName.get(plan.teamId) ?? '' },
      initiative: plan.initiativeId ? { id: plan.initiativeId, name: initiativeName ?? '' } : null,
    })),
    teams: writable.map((team) => ({ id: team.id, name: team.name })),
  };
}
