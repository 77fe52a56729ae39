import { and, asc, eq, sql } from 'drizzle-orm';
import type { FidelityComponent, FidelitySchoolTrend, FidelitySummary } from '../../../common/schemas/fidelity.ts';
import type { Executor } from '../../db/client.ts';
import { fidelityMonthly, initiativeSchools, orgUnits } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canReadFidelityAggregate, canRunAnyFidelityCheck } from '../../policies/fidelity.ts';
import { isGuest } from '../../policies/implementation.ts';
import { districtTimeZone } from '../calendar/load.ts';
import { loadInitiative, type InitiativeRow } from '../implementation/initiative.ts';
import { loadCheckerScope } from './subject.ts';
import { fidelityWithholding } from './suppress.ts';

/**
 * Aggregate fidelity, never a name beside a score: per school (from each person's latest check in
 * fidelity_latest) and per component and month (from fidelity_monthly, kept on publish). Read by
 * whoever may read the initiative (its vendor guest included); a figure over too few people or
 * checks is withheld from readers who may not read individuals (suppress.ts).
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const avg = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 100) / 100 : null);

async function loadReadable(ctx: Ctx, initiativeId: string): Promise<InitiativeRow> {
  const initiative = await loadInitiative(ctx, initiativeId);
  if (!canReadFidelityAggregate(ctx.actor, initiative)) throw notFound('Initiative');
  return initiative;
}

/** The tool's components, and any component with monthly figures (an earlier tool version's). */
async function componentsOf(db: Executor, initiative: InitiativeRow, orgUnitId?: string): Promise<FidelityComponent[]> {
  const school = orgUnitId ? sql`and m.org_unit_id = ${orgUnitId}` : sql``;
  const rows = rowsOf<{ item_id: string; human_code: string | null; title: string }>(
    await db.execute(sql`
      select i.id as item_id, i.human_code, i.full_statement as title
      from framework_items i
      where i.district_id = ${initiative.districtId} and i.id in (
        select c.item_id from rubric_criteria c where c.rubric_id = ${initiative.fidelityRubricId} and c.item_id is not null
        union
        select m.item_id from fidelity_monthly m where m.initiative_id = ${initiative.id} ${school})
      order by i.human_code nulls last, i.position, i.id`),
  );
  return rows.map((r) => ({ itemId: r.item_id, humanCode: r.human_code, title: r.title }));
}

/** GET /api/initiatives/:id/fidelity/summary */
export async function fidelitySummary(ctx: Ctx, initiativeId: string): Promise<FidelitySummary> {
  const initiative = await loadReadable(ctx, initiativeId);
  const id = initiative.id;
  const components = await componentsOf(ctx.db, initiative);
  const schools = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(initiativeSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, initiativeSchools.orgUnitId))
    .where(and(eq(initiativeSchools.districtId, initiative.districtId), eq(initiativeSchools.initiativeId, id)))
    .orderBy(asc(orgUnits.name), asc(orgUnits.id));
  const latest = rowsOf<{ org_unit_id: string; people: number; at: number; avg: string | null }>(
    await ctx.db.execute(sql`
      select l.org_unit_id, count(*)::int as people, count(*) filter (where l.at_fidelity)::int as at, round(avg(l.score_pct), 2) as avg
      from fidelity_latest l where l.initiative_id = ${id} group by l.org_unit_id`),
  );
  const monthly = rowsOf<{ org_unit_id: string; item_id: string; month: string; checks: number; sum_pct: string }>(
    await ctx.db.execute(sql`
      select m.org_unit_id, m.item_id, m.month::text as month, m.checks, m.sum_pct
      from fidelity_monthly m where m.initiative_id = ${id} and m.checks > 0`),
  );

  const bySchool = new Map(latest.map((l) => [l.org_unit_id, l]));
  const schoolItem = new Map<string, { checks: number; sum: number }>();
  const monthItem = new Map<string, { checks: number; sum: number }>();
  const monthSchoolChecks = new Map<string, number>();
  for (const m of monthly) {
    const sum = Number(m.sum_pct);
    for (const [map, key] of [
      [schoolItem, `${m.org_unit_id}|${m.item_id}`],
      [monthItem, `${m.month}|${m.item_id}`],
    ] as const) {
      const e = map.get(key) ?? { checks: 0, sum: 0 };
      e.checks += m.checks;
      e.sum += sum;
      map.set(key, e);
    }
    // A check scores every component, so a school's checks in a month are its most-scored component's count.
    const key = `${m.month}|${m.org_unit_id}`;
    monthSchoolChecks.set(key, Math.max(monthSchoolChecks.get(key) ?? 0, m.checks));
  }
  const withheld = fidelityWithholding(ctx.actor, initiative);
  /** Each component's figure; `orgUnitId` is the school it is of (none: district-wide). */
  const figure = (map: Map<string, { checks: number; sum: number }>, prefix: string, orgUnitId?: string) =>
    components.map((c) => {
      const e = map.get(`${prefix}|${c.itemId}`);
      const suppressed = withheld(e?.checks ?? 0, orgUnitId);
      return { itemId: c.itemId, checks: e?.checks ?? 0, averagePct: e && !suppressed ? avg(e.sum, e.checks) : null, suppressed };
    });
  const months = [...new Set(monthly.map((m) => m.month))].sort().map((month) => {
    const sums = [...monthItem.entries()].filter(([k]) => k.startsWith(`${month}|`)).map(([, e]) => e);
    const checks = [...monthSchoolChecks.entries()].filter(([k]) => k.startsWith(`${month}|`)).reduce((n, [, v]) => n + v, 0);
    const total = sums.reduce((acc, e) => ({ n: acc.n + e.checks, sum: acc.sum + e.sum }), { n: 0, sum: 0 });
    const suppressed = withheld(checks);
    return { month, checks, averagePct: suppressed ? null : avg(total.sum, total.n), suppressed, components: figure(monthItem, month) };
  });
  const totals = latest.reduce((acc, l) => ({ people: acc.people + l.people, at: acc.at + l.at }), { people: 0, at: 0 });
  const totalsWithheld = withheld(totals.people);
  const scope = isGuest(ctx.actor) ? null : await loadCheckerScope(ctx.db, ctx.actor, id);
  return {
    initiative: {
      id,
      name: initiative.name,
      thresholdPct: initiative.fidelityThresholdPct,
      hasTool: initiative.fidelityRubricId !== null,
      principalsSeeIndividualFidelity: initiative.principalsSeeIndividualFidelity,
    },
    components,
    schools: schools.map((s) => {
      const l = bySchool.get(s.id);
      const suppressed = withheld(l?.people ?? 0, s.id);
      return {
        orgUnitId: s.id,
        name: s.name,
        peopleChecked: l?.people ?? 0,
        atFidelity: suppressed ? 0 : (l?.at ?? 0),
        atFidelityPct: l && !suppressed ? avg(l.at * 100, l.people) : null,
        averagePct: l?.avg === null || l?.avg === undefined || suppressed ? null : Number(l.avg),
        suppressed,
        components: figure(schoolItem, s.id, s.id),
      };
    }),
    months,
    totals: {
      peopleChecked: totals.people,
      atFidelity: totalsWithheld ? 0 : totals.at,
      atFidelityPct: totalsWithheld ? null : avg(totals.at * 100, totals.people),
      suppressed: totalsWithheld,
    },
    abilities: { startCheck: scope !== null && initiative.fidelityRubricId !== null && canRunAnyFidelityCheck(ctx.actor, scope) },
  };
}

/**
 * GET /api/initiatives/:id/fidelity/schools/:orgUnitId: the school's trend per component by month
 * (one indexed read of fidelity_monthly), beside the coaching sessions of the initiative's coaching
 * pairs on that component with the school's staff and the school's staff at training on it.
 */
export async function schoolFidelityTrend(ctx: Ctx, initiativeId: string, orgUnitId: string): Promise<FidelitySchoolTrend> {
  const initiative = await loadReadable(ctx, initiativeId);
  const [school] = await ctx.db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(initiativeSchools)
    .innerJoin(orgUnits, eq(orgUnits.id, initiativeSchools.orgUnitId))
    .where(
      and(
        eq(initiativeSchools.districtId, initiative.districtId),
        eq(initiativeSchools.initiativeId, initiative.id),
        eq(initiativeSchools.orgUnitId, orgUnitId),
      ),
    );
  if (!school) throw notFound('School');
  const monthly = await ctx.db
    .select({
      month: fidelityMonthly.month,
      itemId: fidelityMonthly.itemId,
      checks: fidelityMonthly.checks,
      sumPct: fidelityMonthly.sumPct,
      present: fidelityMonthly.present,
    })
    .from(fidelityMonthly)
    .where(and(eq(fidelityMonthly.initiativeId, initiative.id), eq(fidelityMonthly.orgUnitId, orgUnitId)))
    .orderBy(asc(fidelityMonthly.month), asc(fidelityMonthly.itemId));
  const tz = await districtTimeZone(ctx, initiative.districtId);
  const atSchool = (person: ReturnType<typeof sql>) => sql`exists (select 1 from role_assignments ra where ra.person_id = ${person}
    and ra.org_unit_id = ${orgUnitId} and ra.active and (ra.begin_date is null or ra.begin_date <= current_date)
    and (ra.end_date is null or ra.end_date >= current_date))`;
  const coaching = rowsOf<{ month: string; item_id: string; n: number }>(
    await ctx.db.execute(sql`
      select (date_trunc('month', l.starts_at at time zone ${tz}))::date::text as month, ic.item_id, count(distinct l.id)::int as n
      from initiative_coaching ic
      join coaching_logs l on l.coach_person_id = ic.coach_person_id and l.district_id = ic.district_id and l.status = 'held'
        and (l.starts_at at time zone ${tz})::date >= ic.starts_on and (ic.ends_on is null or (l.starts_at at time zone ${tz})::date <= ic.ends_on)
      join coaching_log_attendees a on a.log_id = l.id and a.person_id = ic.person_id
      where ic.district_id = ${initiative.districtId} and ic.initiative_id = ${initiative.id} and ic.item_id is not null
        and ${atSchool(sql`ic.person_id`)}
      group by 1, 2`),
  );
  const training = rowsOf<{ month: string; item_id: string; n: number }>(
    await ctx.db.execute(sql`
      select (date_trunc('month', ts.starts_at at time zone ${tz}))::date::text as month, ts.item_id, count(*)::int as n
      from training_sessions ts
      join training_attendance ta on ta.session_id = ts.id and ta.attended
      where ts.district_id = ${initiative.districtId} and ts.initiative_id = ${initiative.id} and ts.item_id is not null
        and ${atSchool(sql`ta.person_id`)}
      group by 1, 2`),
  );
  const components = await componentsOf(ctx.db, initiative, orgUnitId);
  const key = (month: string, itemId: string) => `${month}|${itemId}`;
  const fid = new Map(monthly.map((m) => [key(m.month, m.itemId), m]));
  const coached = new Map(coaching.map((c) => [key(c.month, c.item_id), c.n]));
  const trained = new Map(training.map((c) => [key(c.month, c.item_id), c.n]));
  const withheld = fidelityWithholding(ctx.actor, initiative);
  const months = [...new Set([...monthly.map((m) => m.month), ...coaching.map((c) => c.month), ...training.map((c) => c.month)])].sort();
  return {
    initiative: { id: initiative.id, name: initiative.name, thresholdPct: initiative.fidelityThresholdPct },
    school,
    components,
    months: months.map((month) => ({
      month,
      components: components.map((c) => {
        const m = fid.get(key(month, c.itemId));
        const suppressed = withheld(m?.checks ?? 0, school.id);
        return {
          itemId: c.itemId,
          checks: m?.checks ?? 0,
          averagePct: m && !suppressed ? avg(Number(m.sumPct), m.checks) : null,
          suppressed,
          present: suppressed ? 0 : (m?.present ?? 0),
          coachingSessions: coached.get(key(month, c.itemId)) ?? 0,
          trainingAttended: trained.get(key(month, c.itemId)) ?? 0,
        };
      }),
    })),
  };
}
