import { and, asc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { WalkthroughPeriod, WalkthroughReport, WalkthroughReportQuery } from '../../../common/schemas/walkthroughs.ts';
import type { Executor } from '../../db/client.ts';
import { observationTypes, observations, orgUnits, schoolTerms } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canReadAnyWalkthroughReport, canReadWalkthroughReportAt } from '../../policies/walkthroughs.ts';
import { districtToday } from '../coaching/refs.ts';
import { competencyLabels } from './competencies.ts';

interface Period {
  key: string;
  label: string;
  startsOn: string;
  endsOn: string;
}

interface Tally {
  seen: number;
  looked: number;
}

const share = (t: Tally) => ({ seen: t.seen, looked: t.looked, share: t.looked === 0 ? null : t.seen / t.looked });

function monthOf(day: string): Period {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const key = day.slice(0, 7);
  return { key, label: key, startsOn: `${key}-01`, endsOn: `${key}-${String(last).padStart(2, '0')}` };
}

function minusMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months, 1);
  return d.toISOString().slice(0, 10);
}

/** Which schools the report covers: the one asked for (checked), or all the actor may read. */
async function schoolScope(ctx: Ctx, db: Executor, school: string | undefined): Promise<string[] | 'all'> {
  if (!canReadAnyWalkthroughReport(ctx.actor)) throw forbidden('Only school leaders, HR and admins read the walkthrough report');
  if (!school) return canReadWalkthroughReportAt(ctx.actor, null) ? 'all' : ctx.actor.leaderOrgUnitIds;
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, school), eq(orgUnits.districtId, ctx.actor.districtId)));
  if (!row || !canReadWalkthroughReportAt(ctx.actor, school)) throw notFound('School');
  return [school];
}

/** The district's terms overlapping the range, as periods (a walkthrough outside every term is left out). */
async function termPeriods(db: Executor, districtId: string, from: string, to: string): Promise<Period[]> {
  const rows = await db
    .select({ id: schoolTerms.id, name: schoolTerms.name, startsOn: schoolTerms.startsOn, endsOn: schoolTerms.endsOn })
    .from(schoolTerms)
    .where(and(eq(schoolTerms.districtId, districtId), lte(schoolTerms.startsOn, to), gte(schoolTerms.endsOn, from)))
    .orderBy(asc(schoolTerms.startsOn));
  return rows.map((r) => ({ key: r.id, label: r.name, startsOn: r.startsOn, endsOn: r.endsOn }));
}

/**
 * GET /api/walkthroughs/report: per look-for, the share of published walkthroughs (classrooms) that
 * marked it seen, out of those that marked it seen or not seen, over the range and per period (month
 * or school term). Periods without walkthroughs are absent. Look-fors are those of the district's
 * active walkthrough types, then any others recorded in the range; each carries its competency tag.
 */
export async function walkthroughReport(ctx: Ctx, q: z.infer<typeof WalkthroughReportQuery>): Promise<WalkthroughReport> {
  const db = ctx.db;
  const districtId = ctx.actor.districtId;
  const scope = await schoolScope(ctx, db, q.school);
  const { today } = await districtToday(db, districtId);
  const to = q.to ?? today;
  const from = q.from ?? minusMonths(to, 11);
  const period: WalkthroughPeriod = q.period;

  const where: SQL[] = [
    eq(observations.districtId, districtId),
    eq(observations.kind, 'walkthrough'),
    eq(observations.status, 'published'),
    gte(observations.observedOn, from),
    lte(observations.observedOn, to),
  ];
  if (scope !== 'all') {
    if (scope.length === 0) return { schoolId: null, from, to, period, walkthroughs: 0, periods: [], lookFors: [] };
    where.push(inArray(observations.orgUnitId, scope));
  }
  const rows = await db
    .select({ observedOn: observations.observedOn, results: observations.lookForResults })
    .from(observations)
    .where(and(...where))
    .orderBy(asc(observations.observedOn));

  const terms = period === 'term' ? await termPeriods(db, districtId, from, to) : [];
  const periodOf = (day: string): Period | undefined =>
    period === 'month' ? monthOf(day) : terms.find((t) => t.startsOn <= day && day <= t.endsOn);

  const types = await db
    .select({ lookFors: observationTypes.lookFors, lookForItems: observationTypes.lookForItems })
    .from(observationTypes)
    .where(and(eq(observationTypes.districtId, districtId), eq(observationTypes.kind, 'walkthrough'), eq(observationTypes.active, true)))
    .orderBy(asc(observationTypes.createdAt), asc(observationTypes.id));
  const order: string[] = [];
  const tagOf = new Map<string, string>();
  for (const t of types) {
    for (const lf of t.lookFors) if (!order.includes(lf)) order.push(lf);
    for (const [lf, itemId] of Object.entries(t.lookForItems)) if (!tagOf.has(lf)) tagOf.set(lf, itemId);
  }

  const periods = new Map<string, Period & { walkthroughs: number }>();
  const totals = new Map<string, Tally>();
  const perPeriod = new Map<string, Map<string, Tally>>();
  let walkthroughs = 0;
  for (const row of rows) {
    const p = periodOf(row.observedOn);
    if (!p) continue;
    walkthroughs += 1;
    const pr = periods.get(p.key) ?? { ...p, walkthroughs: 0 };
    pr.walkthroughs += 1;
    periods.set(p.key, pr);
    for (const r of row.results) {
      if (r.seen === null) continue;
      if (!order.includes(r.lookFor)) order.push(r.lookFor);
      const total = totals.get(r.lookFor) ?? { seen: 0, looked: 0 };
      const byP = perPeriod.get(r.lookFor) ?? new Map<string, Tally>();
      const cell = byP.get(p.key) ?? { seen: 0, looked: 0 };
      for (const t of [total, cell]) {
        t.looked += 1;
        if (r.seen) t.seen += 1;
      }
      byP.set(p.key, cell);
      perPeriod.set(r.lookFor, byP);
      totals.set(r.lookFor, total);
    }
  }

  const labels = await competencyLabels(db, districtId, [...tagOf.values()]);
  const periodList = [...periods.values()].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return {
    schoolId: q.school ?? null,
    from,
    to,
    period,
    walkthroughs,
    periods: periodList,
    lookFors: order.map((lookFor) => {
      const itemId = tagOf.get(lookFor);
      const byP = perPeriod.get(lookFor) ?? new Map<string, Tally>();
      return {
        lookFor,
        competency: itemId ? (labels.get(itemId) ?? null) : null,
        ...share(totals.get(lookFor) ?? { seen: 0, looked: 0 }),
        byPeriod: periodList.filter((p) => byP.has(p.key)).map((p) => ({ period: p.key, ...share(byP.get(p.key)!) })),
      };
    }),
  };
}
