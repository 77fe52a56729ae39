import { sql } from 'drizzle-orm';
import type { CompetencyProfile, EvidencePoint, ProfileCompetency } from '../../../common/schemas/profile.ts';
import type { Ctx } from '../../lib/context.ts';
import type { Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';

/**
 * What of a person's evidence the actor sees: everything (the person, HR, admins, leaders of their
 * school), development observations only (their caseload coach: coaching is not evaluation), or
 * nothing (404: the person is outside the actor's scope).
 */
export function profileView(actor: Actor, personId: string, personOrgUnitIds: string[]): CompetencyProfile['view'] | null {
  if (personId === actor.personId || isHrOrAdmin(actor)) return 'full';
  if (personOrgUnitIds.some((id) => actor.leaderOrgUnitIds.includes(id))) return 'full';
  if (actor.caseloadPersonIds.includes(personId)) return 'development';
  return null;
}

interface EvidenceRow {
  id: string;
  item_id: string;
  human_code: string | null;
  statement: string;
  version_id: string;
  version_title: string;
  version_number: number;
  observed_at: string;
  level_score: string | number | null;
  label: string | null;
  proficient: boolean | null;
  source: string;
  source_id: string | null;
  scale_id: string | null;
}

/** Gives each competency the levels of the scales its evidence was scored on (a chart's axis), lowest first. */
async function attachScaleLevels(ctx: Ctx, byItem: Map<string, ProfileCompetency>, scalesOf: Map<string, Set<string>>) {
  const scaleIds = [...new Set([...scalesOf.values()].flatMap((ids) => [...ids]))];
  if (scaleIds.length === 0) return;
  const ids = sql.join(
    scaleIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const result = (await ctx.db.execute(sql`
    select sl.scale_id, sl.label, sl.level_score from scale_levels sl
    where sl.district_id = ${ctx.actor.districtId} and sl.scale_id in (${ids})
    order by sl.level_score, sl.position`)) as unknown as { rows: { scale_id: string; label: string; level_score: string | number }[] };
  for (const [itemId, scaleIdsOfItem] of scalesOf) {
    const levels = result.rows
      .filter((r) => scaleIdsOfItem.has(r.scale_id))
      .map((r) => ({ label: r.label, levelScore: Number(r.level_score) }));
    byItem.get(itemId)!.scaleLevels = levels.sort((a, b) => a.levelScore - b.levelScore);
  }
}

/**
 * The person's evidence grouped by competency, oldest first, one point per source record (a revised
 * observation's newest evidence replaces the earlier revision's), with the latest level.
 */
export async function competencyProfile(ctx: Ctx, personId: string): Promise<CompetencyProfile> {
  const { districtId } = ctx.actor;
  const exists = (await ctx.db.execute(sql`select 1 from people where id = ${personId} and district_id = ${districtId}`)) as unknown as {
    rows: unknown[];
  };
  if (exists.rows.length === 0) throw notFound('Person');
  const orgUnits = (await currentOrgUnitsOf(ctx.db, districtId, [personId])).get(personId) ?? [];
  const view = profileView(ctx.actor, personId, orgUnits);
  if (!view) throw notFound('Person');
  const coachFilter =
    view === 'development'
      ? sql`and e.source = 'observation' and exists (select 1 from observations o where o.id = e.source_id and o.district_id = ${districtId} and o.purpose = 'development' and o.status = 'published')`
      : sql``;
  const result = (await ctx.db.execute(sql`
    select * from (
      select distinct on (e.item_id, e.source, coalesce(e.source_id, e.id))
        e.id, e.item_id, i.human_code, i.full_statement as statement, v.id as version_id, v.title as version_title,
        v.version_number, e.observed_at, e.level_score, sl.label, sl.proficient, e.source, e.source_id, sl.scale_id
      from evidence e
      join framework_items i on i.id = e.item_id and i.district_id = e.district_id
      join framework_versions v on v.id = i.version_id and v.district_id = e.district_id
      left join scale_levels sl on sl.id = e.scale_level_id and sl.district_id = e.district_id
      where e.district_id = ${districtId} and e.person_id = ${personId} and e.source <> 'fidelity_check' ${coachFilter}
      order by e.item_id, e.source, coalesce(e.source_id, e.id), e.created_at desc
    ) x
    order by x.version_number desc, x.human_code nulls last, x.item_id, x.observed_at, x.id`)) as unknown as { rows: EvidenceRow[] };
  const byItem = new Map<string, ProfileCompetency>();
  const scalesOf = new Map<string, Set<string>>();
  for (const row of result.rows) {
    let competency = byItem.get(row.item_id);
    if (!competency) {
      competency = {
        itemId: row.item_id,
        humanCode: row.human_code,
        statement: row.statement,
        framework: { versionId: row.version_id, title: row.version_title, versionNumber: Number(row.version_number) },
        points: [],
        latest: null,
        scaleLevels: [],
      };
      byItem.set(row.item_id, competency);
    }
    const point: EvidencePoint = {
      id: row.id,
      observedAt: new Date(row.observed_at).toISOString(),
      levelScore: row.level_score === null ? null : Number(row.level_score),
      label: row.label,
      proficient: row.proficient,
      source: row.source,
      sourceId: row.source_id,
    };
    competency.points.push(point);
    competency.latest = point;
    if (row.scale_id) scalesOf.set(row.item_id, (scalesOf.get(row.item_id) ?? new Set()).add(row.scale_id));
  }
  await attachScaleLevels(ctx, byItem, scalesOf);
  const competencies = [...byItem.values()].sort(
    (a, b) =>
      b.framework.versionNumber - a.framework.versionNumber ||
      (a.humanCode ?? '\uffff').localeCompare(b.humanCode ?? '\uffff', 'en', { numeric: true }),
  );
  return { personId, view, competencies };
}
