import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { FidelityCheck, FidelityCheckList, PersonFidelity } from '../../../common/schemas/fidelity.ts';
import type { Executor } from '../../db/client.ts';
import { fidelityChecks, initiatives, observations, people } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canReadPersonFidelity } from '../../policies/fidelity.ts';
import { canReadInitiative, isGuest } from '../../policies/implementation.ts';
import { loadInitiative, type InitiativeRow } from '../implementation/initiative.ts';
import { personNameSql } from '../observations/access.ts';
import { checkViews } from './checks.ts';
import { loadSubject } from './subject.ts';

/**
 * A person's individual fidelity: read by whom policies/fidelity.ts allows (the person, their
 * coaches, HR and admins, principals when the initiative says so); an observer reads the checks they
 * ran; everyone else gets 404. Drafts are their observers' only.
 */

async function loadPerson(ctx: Ctx, personId: string) {
  const [person] = await ctx.db
    .select({ id: people.id, name: personNameSql(people) })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.districtId, ctx.actor.districtId)));
  if (!person || isGuest(ctx.actor)) throw notFound('Person');
  return person;
}

const observedBy = (actor: Actor) =>
  or(eq(observations.observerPersonId, actor.personId), eq(observations.coObserverPersonId, actor.personId))!;

/** The checks of the person on the initiative the actor may read (all, or only those they observed). */
async function readableChecks(ctx: Ctx, initiative: InitiativeRow, personId: string): Promise<FidelityCheck[]> {
  const subject = await loadSubject(ctx.db, initiative, personId);
  const base = and(
    eq(fidelityChecks.districtId, ctx.actor.districtId),
    eq(fidelityChecks.initiativeId, initiative.id),
    eq(fidelityChecks.personId, personId),
  )!;
  const visible: SQL = canReadPersonFidelity(ctx.actor, subject)
    ? or(eq(observations.status, 'published'), observedBy(ctx.actor))!
    : observedBy(ctx.actor);
  return checkViews(ctx.db, and(base, visible)!);
}

/** GET /api/initiatives/:id/fidelity/checks?personId=: one person's checks on the initiative (404 when none are the caller's to read). */
export async function listPersonChecks(ctx: Ctx, initiativeId: string, personId: string): Promise<FidelityCheckList> {
  const initiative = await loadInitiative(ctx, initiativeId);
  await loadPerson(ctx, personId);
  const subject = await loadSubject(ctx.db, initiative, personId);
  const items = await readableChecks(ctx, initiative, personId);
  if (!canReadPersonFidelity(ctx.actor, subject) && items.length === 0) throw notFound('Person');
  return { items, total: items.length };
}

interface ComponentScoreRow {
  check_id: string;
  item_id: string;
  human_code: string | null;
  title: string;
  position: number;
  pct: string | number | null;
}

/** Each published check's component shares (level / the scale's top level x 100). */
async function componentScores(db: Executor, checkIds: string[]): Promise<ComponentScoreRow[]> {
  if (checkIds.length === 0) return [];
  const result = (await db.execute(sql`
    select c.id as check_id, s.item_id, i.human_code, i.full_statement as title, i.position,
      round(s.level_score / nullif((select max(l.level_score) from scale_levels l where l.scale_id = o.scale_id), 0) * 100, 2) as pct
    from fidelity_checks c
    join observations o on o.id = c.observation_id
    join observation_scores s on s.observation_id = o.id
    join framework_items i on i.id = s.item_id
    where c.id in (${sql.join(
      checkIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`)) as unknown as { rows: ComponentScoreRow[] };
  return result.rows;
}

/** GET /api/people/:id/fidelity: the person's own trend on each initiative the caller may read it on. */
export async function personFidelity(ctx: Ctx, personId: string): Promise<PersonFidelity> {
  const { actor } = ctx;
  const person = await loadPerson(ctx, personId);
  const ids = await ctx.db
    .selectDistinct({ id: fidelityChecks.initiativeId })
    .from(fidelityChecks)
    .where(and(eq(fidelityChecks.districtId, actor.districtId), eq(fidelityChecks.personId, personId)));
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(initiatives)
          .where(
            and(
              eq(initiatives.districtId, actor.districtId),
              inArray(
                initiatives.id,
                ids.map((r) => r.id),
              ),
            ),
          )
          .orderBy(initiatives.name);
  const out: PersonFidelity['initiatives'] = [];
  for (const initiative of rows.filter((r) => canReadInitiative(actor, r))) {
    const checks = await readableChecks(ctx, initiative, personId);
    if (checks.length === 0) continue;
    const published = checks.filter((c) => c.status === 'published');
    const scores = await componentScores(
      ctx.db,
      published.map((c) => c.id),
    );
    const dayOf = new Map(published.map((c) => [c.id, c.checkedOn]));
    const order = new Map(published.map((c, i) => [c.id, i])); // newest first
    const byItem = new Map<string, { row: ComponentScoreRow; pcts: { at: number; pct: number }[] }>();
    for (const s of scores) {
      if (s.pct === null || !dayOf.has(s.check_id)) continue;
      const entry = byItem.get(s.item_id) ?? { row: s, pcts: [] };
      entry.pcts.push({ at: order.get(s.check_id)!, pct: Number(s.pct) });
      byItem.set(s.item_id, entry);
    }
    const components = [...byItem.values()]
      .sort((a, b) => (a.row.human_code ?? '').localeCompare(b.row.human_code ?? '') || a.row.position - b.row.position)
      .map(({ row, pcts }) => ({
        itemId: row.item_id,
        humanCode: row.human_code,
        title: row.title,
        checks: pcts.length,
        latestPct: [...pcts].sort((a, b) => a.at - b.at)[0]!.pct,
        averagePct: Math.round((pcts.reduce((sum, p) => sum + p.pct, 0) / pcts.length) * 100) / 100,
      }));
    out.push({
      initiative: { id: initiative.id, name: initiative.name, thresholdPct: initiative.fidelityThresholdPct },
      checks,
      components,
    });
  }
  const sees = person.id === actor.personId || isHrOrAdmin(actor) || actor.caseloadPersonIds.includes(person.id);
  if (!sees && out.length === 0) throw notFound('Person');
  return { person, initiatives: out };
}
