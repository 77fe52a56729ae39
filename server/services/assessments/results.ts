import { and, asc, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { SchoolComparison, Trend, TrendQuery } from '../../../common/schemas/assessments.ts';
import {
  assessmentAdministrations,
  assessmentItems,
  assessmentScores,
  assessmentSections,
  assessmentVersions,
  orgUnits,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canCompareSchools } from '../../policies/assessments.ts';
import { readableWhere } from './administrations.ts';
import { loadInstrument, loadReach } from './load.ts';
import { readSettings } from './settings.ts';

/**
 * Results over time, read from the results kept on each administration: the trend of one instrument
 * for one team, org unit or person, the items that moved between the last two closed
 * administrations (matched by item key across versions), and the comparison of schools.
 */

/** GET /api/assessments/results/trend */
export async function trend(ctx: Ctx, q: TrendQuery): Promise<Trend> {
  const instrument = await loadInstrument(ctx, q.instrumentId);
  const a = assessmentAdministrations;
  const reach = await loadReach(ctx);
  const rows = await ctx.db
    .select({ a, versionNumber: assessmentVersions.versionNumber, targetPct: assessmentVersions.targetPct })
    .from(a)
    .innerJoin(assessmentVersions, and(eq(assessmentVersions.id, a.versionId), eq(assessmentVersions.districtId, a.districtId)))
    .where(
      and(
        eq(a.districtId, ctx.actor.districtId),
        eq(a.instrumentId, q.instrumentId),
        q.teamId ? eq(a.teamId, q.teamId) : undefined,
        q.orgUnitId ? eq(a.orgUnitId, q.orgUnitId) : undefined,
        q.soloPersonId ? eq(a.soloPersonId, q.soloPersonId) : undefined,
        readableWhere(ctx, reach),
      ),
    )
    .orderBy(asc(a.heldOn), asc(a.createdAt))
    .limit(200);
  const closed = rows.filter((r) => r.a.status === 'closed');
  return {
    instrument: { id: instrument.id, name: instrument.name },
    targetPct: rows.at(-1)?.targetPct ?? null,
    points: rows.map((r) => ({
      administrationId: r.a.id,
      heldOn: r.a.heldOn,
      versionNumber: r.versionNumber,
      status: r.a.status as 'open' | 'closed',
      totalPct: r.a.totalPct,
      sections: (r.a.results?.sections ?? []).map((s) => ({ key: s.key, title: s.title, pct: s.pct })),
    })),
    moved: closed.length >= 2 ? await movedItems(ctx, closed.at(-2)!.a.id, closed.at(-1)!.a.id) : [],
  };
}

async function keyedScores(ctx: Ctx, administrationId: string) {
  const rows = await ctx.db
    .select({ key: assessmentItems.key, text: assessmentItems.text, section: assessmentSections.title, value: assessmentScores.value })
    .from(assessmentScores)
    .innerJoin(
      assessmentItems,
      and(eq(assessmentItems.id, assessmentScores.itemId), eq(assessmentItems.districtId, assessmentScores.districtId)),
    )
    .innerJoin(
      assessmentSections,
      and(eq(assessmentSections.id, assessmentItems.sectionId), eq(assessmentSections.districtId, assessmentItems.districtId)),
    )
    .where(and(eq(assessmentScores.districtId, ctx.actor.districtId), eq(assessmentScores.administrationId, administrationId)))
    .orderBy(asc(assessmentSections.position), asc(assessmentItems.position));
  return rows;
}

async function movedItems(ctx: Ctx, previousId: string, lastId: string): Promise<Trend['moved']> {
  const [before, after] = await Promise.all([keyedScores(ctx, previousId), keyedScores(ctx, lastId)]);
  const old = new Map(before.map((r) => [r.key, r.value]));
  return after
    .filter((r) => old.has(r.key) && old.get(r.key) !== r.value)
    .map((r) => ({ key: r.key, text: r.text, section: r.section, before: old.get(r.key)!, after: r.value }));
}

/**
 * GET /api/assessments/results/schools: each school's latest closed administration of the
 * instrument, in name order (never a ranking). HR, admins and the district team; school leaders
 * only where the district turns it on (403 otherwise).
 */
export async function compareSchools(ctx: Ctx, instrumentId: string): Promise<SchoolComparison> {
  const instrument = await loadInstrument(ctx, instrumentId);
  const [reach, settings] = await Promise.all([loadReach(ctx), readSettings(ctx)]);
  if (!canCompareSchools(ctx.actor, reach, settings)) throw forbidden();
  const a = assessmentAdministrations;
  const rows = await ctx.db
    .selectDistinctOn([a.orgUnitId], {
      orgUnitId: a.orgUnitId,
      orgUnitName: orgUnits.name,
      id: a.id,
      heldOn: a.heldOn,
      totalPct: a.totalPct,
      versionId: a.versionId,
    })
    .from(a)
    .innerJoin(orgUnits, and(eq(orgUnits.id, a.orgUnitId), eq(orgUnits.districtId, a.districtId)))
    .where(
      and(eq(a.districtId, ctx.actor.districtId), eq(a.instrumentId, instrumentId), eq(a.status, 'closed'), ne(orgUnits.type, 'district')),
    )
    .orderBy(a.orgUnitId, desc(a.heldOn), desc(a.createdAt));
  const versions = rows.length
    ? await ctx.db
        .select({ id: assessmentVersions.id, versionNumber: assessmentVersions.versionNumber, targetPct: assessmentVersions.targetPct })
        .from(assessmentVersions)
        .where(
          and(
            eq(assessmentVersions.districtId, ctx.actor.districtId),
            inArray(assessmentVersions.id, [...new Set(rows.map((r) => r.versionId))]),
          ),
        )
    : [];
  const [latest] = await ctx.db
    .select({ targetPct: assessmentVersions.targetPct })
    .from(assessmentVersions)
    .where(
      and(
        eq(assessmentVersions.districtId, ctx.actor.districtId),
        eq(assessmentVersions.instrumentId, instrumentId),
        isNotNull(assessmentVersions.publishedAt),
      ),
    )
    .orderBy(desc(assessmentVersions.versionNumber))
    .limit(1);
  const number = new Map(versions.map((v) => [v.id, v.versionNumber]));
  return {
    instrument: { id: instrument.id, name: instrument.name },
    targetPct: latest?.targetPct ?? null,
    schools: rows
      .sort((x, y) => x.orgUnitName.localeCompare(y.orgUnitName))
      .map((r) => ({
        orgUnit: { id: r.orgUnitId, name: r.orgUnitName },
        administrationId: r.id,
        heldOn: r.heldOn,
        versionNumber: number.get(r.versionId) ?? 0,
        totalPct: r.totalPct,
      })),
  };
}
