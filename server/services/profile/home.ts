import { sql, type SQL } from 'drizzle-orm';
import { OBSERVED_ROLES } from '../../../common/observation.ts';
import type { HomeGrowth, HomeObservation } from '../../../common/schemas/profile.ts';
import type { Ctx } from '../../lib/context.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canObserveAnyone } from '../../policies/observations.ts';
import { loadTrackerContext, type TrackerContext } from '../tracker/context.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const LIST = 8;

interface ObservationRow {
  id: string;
  observed_on: string;
  type_name: string;
  kind: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  feedback_due_on: string | null;
  acknowledged: boolean;
}

const presentObservation = (r: ObservationRow): HomeObservation => ({
  id: r.id,
  observedOn: r.observed_on,
  typeName: r.type_name,
  kind: r.kind,
  personName: `${r.preferred_name || r.given_name} ${r.family_name}`,
  feedbackDueOn: r.feedback_due_on,
  acknowledged: r.acknowledged,
});

/** Observations with the type and the other person (`who`: the observer or the observed teacher). */
async function observationsWhere(ctx: Ctx, who: 'observer' | 'observed', where: SQL, order: SQL) {
  const personColumn = who === 'observer' ? sql`o.observer_person_id` : sql`o.observed_person_id`;
  const rows = rowsOf<ObservationRow>(
    await ctx.db.execute(sql`
      select o.id, o.observed_on::text, t.name as type_name, o.kind, p.given_name, p.family_name, p.preferred_name,
        o.feedback_due_on::text, (o.acknowledged_revision is not null and o.acknowledged_revision = o.revision) as acknowledged
      from observations o
      join observation_types t on t.id = o.type_id
      join people p on p.id = ${personColumn}
      where o.district_id = ${ctx.actor.districtId} and ${where}
      order by ${order}
      limit ${LIST}`),
  );
  return rows.map(presentObservation);
}

async function myCoaching(ctx: Ctx, context: TrackerContext): Promise<HomeGrowth['mine']['coaching']> {
  const { districtId, personId } = ctx.actor;
  const [held] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`
      select count(*)::int as n from coaching_log_attendees a join coaching_logs l on l.id = a.log_id
      where a.person_id = ${personId} and l.district_id = ${districtId} and l.status = 'held'
        and l.starts_at >= ${context.windowStartsOn}::date and l.starts_at < ${context.windowEndsOn}::date + 1`),
  );
  const [next] = rowsOf<{
    id: string;
    starts_at: string;
    activity: string;
    given_name: string;
    family_name: string;
    preferred_name: string | null;
  }>(
    await ctx.db.execute(sql`
      select l.id, l.starts_at, l.activity, p.given_name, p.family_name, p.preferred_name
      from coaching_log_attendees a join coaching_logs l on l.id = a.log_id join people p on p.id = l.coach_person_id
      where a.person_id = ${personId} and l.district_id = ${districtId} and l.status = 'scheduled' and l.starts_at >= now()
      order by l.starts_at limit 1`),
  );
  return {
    heldThisTerm: held?.n ?? 0,
    next: next
      ? {
          id: next.id,
          startsAt: new Date(next.starts_at).toISOString(),
          activity: next.activity,
          coachName: `${next.preferred_name || next.given_name} ${next.family_name}`,
        }
      : null,
  };
}

/**
 * Teachers in a leader's schools with fewer scored observations this term than required. Only
 * school leaders get this list: the requirement counts evaluations, which a coach may not see (the
 * coaching/evaluation firewall), so a count from their development observations alone would flag
 * teachers who are not missing anything.
 */
async function missingInScope(ctx: Ctx, context: TrackerContext) {
  const empty = { items: [], total: 0, requiredPerTerm: context.requiredPerTerm };
  const { actor } = ctx;
  if (!context.term || isHrOrAdmin(actor) || actor.leaderOrgUnitIds.length === 0) return empty;
  const ids = sql.join(
    actor.leaderOrgUnitIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const inSchools = sql`ra.org_unit_id in (select id from org_units where id in (${ids}) or parent_id in (${ids}))`;
  const roles = sql.join(
    OBSERVED_ROLES.map((r) => sql`${r}`),
    sql`, `,
  );
  const rows = rowsOf<{
    person_id: string;
    given_name: string;
    family_name: string;
    preferred_name: string | null;
    n: number;
    total: number;
  }>(
    await ctx.db.execute(sql`
      with scope as (
        select distinct ra.person_id from role_assignments ra join people pp on pp.id = ra.person_id and pp.active
        where ra.district_id = ${actor.districtId} and ra.role in (${roles}) and ra.active
          and (ra.begin_date is null or ra.begin_date <= ${context.today}::date) and (ra.end_date is null or ra.end_date >= ${context.today}::date)
          and ${inSchools} and ra.person_id <> ${actor.personId}
      ),
      counted as (
        select s.person_id, (
          select count(*)::int from observations o join observation_types t on t.id = o.type_id
          where o.district_id = ${actor.districtId} and o.observed_person_id = s.person_id and o.status = 'published'
            and t.counts_toward_requirement and o.observed_on between ${context.windowStartsOn}::date and ${context.windowEndsOn}::date
        ) as n
        from scope s
      )
      select c.person_id, p.given_name, p.family_name, p.preferred_name, c.n, count(*) over ()::int as total
      from counted c join people p on p.id = c.person_id
      where c.n < ${context.requiredPerTerm}
      order by c.n, p.family_name, p.given_name
      limit ${LIST}`),
  );
  return {
    items: rows.map((r) => ({ personId: r.person_id, name: `${r.preferred_name || r.given_name} ${r.family_name}`, scoredThisTerm: r.n })),
    total: rows[0]?.total ?? 0,
    requiredPerTerm: context.requiredPerTerm,
  };
}

/** The caller's own growth (observations received, action steps, coaching) and, for observers, what needs them. */
export async function homeGrowth(ctx: Ctx): Promise<HomeGrowth> {
  const { districtId, personId } = ctx.actor;
  const context = await loadTrackerContext(ctx.db, districtId);
  const observations = await observationsWhere(
    ctx,
    'observer',
    sql`o.observed_person_id = ${personId} and o.status = 'published'`,
    sql`o.observed_on desc, o.published_at desc`,
  );
  const actionSteps = rowsOf<{ id: string; title: string; status: string; due_on: string | null; observation_id: string | null }>(
    await ctx.db.execute(sql`
      select a.id, a.title, a.status, a.due_on::text, a.observation_id from action_steps a
      where a.district_id = ${districtId} and a.person_id = ${personId} and a.status <> 'mastered'
        and (a.observation_id is null or exists (select 1 from observations o where o.id = a.observation_id and o.status = 'published'))
      order by a.due_on nulls last, a.created_at limit ${LIST}`),
  ).map((a) => ({ id: a.id, title: a.title, status: a.status, dueOn: a.due_on, observationId: a.observation_id }));
  const coaching = await myCoaching(ctx, context);
  let observer: HomeGrowth['observer'] = null;
  if (canObserveAnyone(ctx.actor)) {
    const mineAsObserver = sql`(o.observer_person_id = ${personId} or o.co_observer_person_id = ${personId})`;
    observer = {
      drafts: await observationsWhere(
        ctx,
        'observed',
        sql`${mineAsObserver} and o.status = 'draft'`,
        sql`o.observed_on desc, o.created_at desc`,
      ),
      overdueFeedback: await observationsWhere(
        ctx,
        'observed',
        sql`o.observer_person_id = ${personId} and o.status = 'published' and o.feedback_held_at is null and o.feedback_due_on < ${context.today}::date`,
        sql`o.feedback_due_on, o.observed_on`,
      ),
      missing: await missingInScope(ctx, context),
    };
  }
  return { mine: { observations, actionSteps, coaching }, observer };
}
