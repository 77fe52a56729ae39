import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '../../../../common/clock.ts';
import { INITIATIVE_LIMITS } from '../../../../common/implementation.ts';
import type { Initiative } from '../../../../common/schemas/initiatives.ts';
import type { Executor } from '../../../db/client.ts';
import { frameworkVersions, initiativeFunding, initiativeSchools, initiativeWaves, orgUnits, rubrics } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { canManageInitiatives, isGuest } from '../../../policies/implementation.ts';
import { districtToday } from '../../coaching/refs.ts';
import type { InitiativeRow } from '../initiative.ts';

type FundingRow = typeof initiativeFunding.$inferSelect;
type WaveRow = typeof initiativeWaves.$inferSelect;

/**
 * The warning a funding row carries on `today` (district time zone): `past` once its spend-by date
 * has gone by, `soon` within INITIATIVE_LIMITS.fundingWarningDays of it, else null.
 */
export function fundingWarning(spendBy: string, today: string): 'past' | 'soon' | null {
  if (spendBy < today) return 'past';
  return spendBy <= addDays(today, INITIATIVE_LIMITS.fundingWarningDays) ? 'soon' : null;
}

export const presentFunding = (r: FundingRow, today: string) => ({
  id: r.id,
  source: r.source,
  amountUsd: Number(r.amount),
  startsOn: r.startsOn,
  spendBy: r.spendBy,
  warning: fundingWarning(r.spendBy, today),
  version: r.version,
});

export const presentWave = (r: WaveRow) => ({
  id: r.id,
  position: r.position,
  name: r.name,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  version: r.version,
});

/** The initiative as its setup page reads it: details, covered schools, waves and (not to guests) funding. */
export async function presentInitiative(ctx: Ctx, row: InitiativeRow, db: Executor = ctx.db): Promise<Initiative> {
  const guest = isGuest(ctx.actor);
  const [profile, rubric, schools, waves, funding, { today }] = await Promise.all([
    row.profileVersionId
      ? db
          .select({
            id: frameworkVersions.id,
            frameworkId: frameworkVersions.frameworkId,
            title: frameworkVersions.title,
            versionNumber: frameworkVersions.versionNumber,
            status: frameworkVersions.status,
          })
          .from(frameworkVersions)
          .where(eq(frameworkVersions.id, row.profileVersionId))
      : [],
    row.fidelityRubricId
      ? db
          .select({ id: rubrics.id, title: rubrics.title, versionId: rubrics.versionId })
          .from(rubrics)
          .where(eq(rubrics.id, row.fidelityRubricId))
      : [],
    db
      .select({
        orgUnitId: initiativeSchools.orgUnitId,
        name: orgUnits.name,
        identifier: orgUnits.identifier,
        waveId: initiativeSchools.waveId,
      })
      .from(initiativeSchools)
      .innerJoin(orgUnits, eq(orgUnits.id, initiativeSchools.orgUnitId))
      .where(and(eq(initiativeSchools.districtId, row.districtId), eq(initiativeSchools.initiativeId, row.id)))
      .orderBy(asc(orgUnits.name)),
    db.select().from(initiativeWaves).where(eq(initiativeWaves.initiativeId, row.id)).orderBy(asc(initiativeWaves.startsOn)),
    guest
      ? []
      : db.select().from(initiativeFunding).where(eq(initiativeFunding.initiativeId, row.id)).orderBy(asc(initiativeFunding.spendBy)),
    districtToday(db, row.districtId),
  ]);
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    need: row.need,
    profileVersion: profile[0] ?? null,
    fidelityRubric: rubric[0] ?? null,
    coveredRoles: row.coveredRoles,
    partnerName: row.partnerName,
    fidelityThresholdPct: row.fidelityThresholdPct,
    fullImplementationPct: row.fullImplementationPct,
    principalsSeeIndividualFidelity: row.principalsSeeIndividualFidelity,
    status: row.status as Initiative['status'],
    version: row.version,
    schools,
    waves: waves.map(presentWave),
    funding: funding.map((f) => presentFunding(f, today)),
    abilities: { manage: canManageInitiatives(ctx.actor) },
  };
}
