import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActionStepCheckResult, ObservationKind, ObservationPurpose, ObservationStatus } from '../../../common/observation.ts';
import type {
  Observation,
  ObservationList,
  ObservationListItem,
  ObservationListQuery,
  ObservationRevisionDetail,
  ObservationRubric,
  ObservationSnapshot,
} from '../../../common/schemas/observations.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionStepChecks,
  actionSteps,
  districts,
  observationNotes,
  observationReplies,
  observationRevisions,
  observationScores,
  observationTypes,
  observations,
  orgUnits,
  people,
  users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { logRead } from '../record-reads/log.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { observationAbilities } from '../../policies/observations.ts';
import { actionStepViews } from '../action-steps/load.ts';
import { loadGrid } from '../rubrics/grid.ts';
import { todayIn } from '../school-calendar/context.ts';
import { isObserverOf, loadReadableObservation, personNameSql, readableObservationsWhere, type ObservationRow } from './access.ts';

const observed = alias(people, 'observed');
const observer = alias(people, 'observer');
const coObserver = alias(people, 'co_observer');
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function selectListRows(db: Executor) {
  return db
    .select({
      o: observations,
      type: {
        id: observationTypes.id,
        name: observationTypes.name,
        kind: observationTypes.kind,
        lookFors: observationTypes.lookFors,
        countsTowardRequirement: observationTypes.countsTowardRequirement,
      },
      observedName: personNameSql(observed),
      observerName: personNameSql(observer),
      coObserverName: sql<string | null>`case when ${coObserver.id} is null then null else ${personNameSql(coObserver)} end`,
      schoolName: orgUnits.name,
      timeZone: districts.timeZone,
    })
    .from(observations)
    .innerJoin(observationTypes, eq(observationTypes.id, observations.typeId))
    .innerJoin(observed, eq(observed.id, observations.observedPersonId))
    .innerJoin(observer, eq(observer.id, observations.observerPersonId))
    .leftJoin(coObserver, eq(coObserver.id, observations.coObserverPersonId))
    .leftJoin(orgUnits, eq(orgUnits.id, observations.orgUnitId))
    .innerJoin(districts, eq(districts.id, observations.districtId));
}

type ListRow = Awaited<ReturnType<ReturnType<typeof selectListRows>['where']>>[number];

function presentListItem(actor: Actor, r: ListRow, today: string): ObservationListItem {
  const o = r.o;
  return {
    id: o.id,
    type: { ...r.type, kind: r.type.kind as ObservationKind },
    kind: o.kind as ObservationKind,
    purpose: o.purpose as ObservationPurpose,
    status: o.status as ObservationStatus,
    observed: { id: o.observedPersonId, name: r.observedName },
    observer: { id: o.observerPersonId, name: r.observerName },
    coObserver: o.coObserverPersonId ? { id: o.coObserverPersonId, name: r.coObserverName ?? '' } : null,
    school: o.orgUnitId && r.schoolName ? { id: o.orgUnitId, name: r.schoolName } : null,
    observedOn: o.observedOn,
    scheduledAt: iso(o.scheduledAt),
    durationMinutes: o.durationMinutes,
    classLabel: o.classLabel,
    publishedAt: iso(o.publishedAt),
    revision: o.revision,
    feedbackDueOn: o.feedbackDueOn,
    feedbackMeetingAt: iso(o.feedbackMeetingAt),
    feedbackHeldAt: iso(o.feedbackHeldAt),
    feedbackOverdue: o.status === 'published' && o.feedbackHeldAt === null && o.feedbackDueOn !== null && today > o.feedbackDueOn,
    acknowledgedAt: iso(o.acknowledgedAt),
    acknowledgedRevision: o.acknowledgedRevision,
    updatedAt: iso(o.updatedAt)!,
    version: o.version,
    abilities: observationAbilities(actor, o),
  };
}

/** GET /api/observations: what the caller may read, newest observed first. */
export async function listObservations(ctx: Ctx, q: ObservationListQuery): Promise<ObservationList> {
  const where: SQL[] = [readableObservationsWhere(ctx.actor)];
  if (q.observedPersonId) where.push(eq(observations.observedPersonId, q.observedPersonId));
  if (q.observerPersonId) {
    where.push(or(eq(observations.observerPersonId, q.observerPersonId), eq(observations.coObserverPersonId, q.observerPersonId))!);
  }
  if (q.status) where.push(eq(observations.status, q.status));
  if (q.schoolId) where.push(eq(observations.orgUnitId, q.schoolId));
  if (q.typeId) where.push(eq(observations.typeId, q.typeId));
  if (q.kind) where.push(eq(observations.kind, q.kind));
  if (q.purpose) where.push(eq(observations.purpose, q.purpose));
  if (q.from) where.push(gte(observations.observedOn, q.from));
  if (q.to) where.push(lte(observations.observedOn, q.to));
  if (q.mine === 'made') {
    where.push(or(eq(observations.observerPersonId, ctx.actor.personId), eq(observations.coObserverPersonId, ctx.actor.personId))!);
  }
  if (q.mine === 'received') where.push(and(eq(observations.observedPersonId, ctx.actor.personId), eq(observations.status, 'published'))!);
  const condition = and(...where);
  // The page's ids come off observations_list_idx in the list's order (no sort of the district's
  // rows), and only those rows are joined to names, types and schools.
  const order = [desc(observations.observedOn), desc(observations.createdAt), desc(observations.id)];
  const pageIds = ctx.db.select({ id: observations.id }).from(observations).where(condition).orderBy(...order).limit(q.limit).offset(q.offset);
  const rows = await joinNames(ctx.db, await ctx.db.select().from(observations).where(inArray(observations.id, pageIds)).orderBy(...order));
  const { total, totalIsLowerBound } = await countUpTo(ctx.db, condition, q.offset + LIST_COUNT_CAP);
  const today = todayIn(rows[0]?.timeZone ?? 'America/New_York');
  return { items: rows.map((r) => presentListItem(ctx.actor, r, today)), total, totalIsLowerBound };
}

/**
 * The names, types, schools and time zone of a page's rows, by id. One statement joining seven
 * tables cost PostgreSQL ~15 ms to plan (row-level security on each) against under 1 ms to run, on
 * every request; four small lookups plan in microseconds (issue 11).
 */
async function joinNames(db: Executor, page: (typeof observations.$inferSelect)[]): Promise<ListRow[]> {
  if (page.length === 0) return [];
  const personIds = [...new Set(page.flatMap((o) => [o.observedPersonId, o.observerPersonId, o.coObserverPersonId ?? o.observedPersonId]))];
  const [names, types, schools, zones] = await Promise.all([
    db.select({ id: people.id, name: personNameSql(people) }).from(people).where(inArray(people.id, personIds)),
    db
      .select({ id: observationTypes.id, name: observationTypes.name, kind: observationTypes.kind, lookFors: observationTypes.lookFors, countsTowardRequirement: observationTypes.countsTowardRequirement })
      .from(observationTypes)
      .where(inArray(observationTypes.id, [...new Set(page.map((o) => o.typeId))])),
    db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, [...new Set(page.map((o) => o.orgUnitId ?? o.typeId))])),
    db.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, page[0]!.districtId)),
  ]);
  const name = new Map(names.map((n) => [n.id, n.name]));
  const type = new Map(types.map((t) => [t.id, t]));
  const school = new Map(schools.map((u) => [u.id, u.name]));
  return page.map((o) => ({
    o,
    type: type.get(o.typeId)!,
    observedName: name.get(o.observedPersonId)!,
    observerName: name.get(o.observerPersonId)!,
    coObserverName: o.coObserverPersonId ? (name.get(o.coObserverPersonId) ?? null) : null,
    schoolName: o.orgUnitId ? (school.get(o.orgUnitId) ?? null) : null,
    timeZone: zones[0]!.timeZone,
  }));
}

/**
 * How far past the page the list counts: an exact total of a district's 200,000 observations costs
 * a scan on every page; past this many the list says "more than" instead.
 */
export const LIST_COUNT_CAP = 10_000;

async function countUpTo(db: Executor, condition: SQL | undefined, cap: number) {
  const capped = db.select({ one: sql`1` }).from(observations).where(condition).limit(cap + 1).as('capped');
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(capped);
  return Number(n) > cap ? { total: cap, totalIsLowerBound: true } : { total: Number(n), totalIsLowerBound: false };
}

/** The observation's current content, as a revision snapshot keeps it. */
export async function loadContent(db: Executor, row: ObservationRow): Promise<ObservationSnapshot> {
  const notes = await db
    .select()
    .from(observationNotes)
    .where(eq(observationNotes.observationId, row.id))
    .orderBy(asc(observationNotes.position));
  const scores = await db.select().from(observationScores).where(eq(observationScores.observationId, row.id)).orderBy(asc(observationScores.createdAt));
  const checks = await db.select().from(actionStepChecks).where(eq(actionStepChecks.observationId, row.id)).orderBy(asc(actionStepChecks.createdAt));
  return {
    observedOn: row.observedOn,
    durationMinutes: row.durationMinutes,
    classLabel: row.classLabel,
    glows: row.glows,
    grows: row.grows,
    notes: notes.map((n) => ({ id: n.id, position: n.position, notedAt: iso(n.notedAt)!, body: n.body, itemId: n.itemId })),
    scores: scores.map((s) => ({
      criterionId: s.criterionId,
      itemId: s.itemId,
      scaleLevelId: s.scaleLevelId,
      levelScore: s.levelScore === null ? null : Number(s.levelScore),
      comment: s.comment,
      citedNoteIds: s.citedNoteIds,
    })),
    lookForResults: row.lookForResults.map((l) => ({ lookFor: l.lookFor, seen: l.seen, comment: l.comment ?? null })),
    actionStepChecks: checks.map((c) => ({ actionStepId: c.actionStepId, result: c.result as ActionStepCheckResult, comment: c.comment })),
  };
}

async function loadRubric(ctx: Ctx, db: Executor, rubricId: string | null): Promise<ObservationRubric | null> {
  if (!rubricId) return null;
  try {
    const grid = await loadGrid(ctx, rubricId, db);
    return { id: grid.rubric.id, title: grid.rubric.title, scaleId: grid.rubric.scaleId, levels: grid.levels, criteria: grid.criteria };
  } catch {
    return null;
  }
}

/** GET /api/observations/:id: everything the observation page shows, for a caller who may read it (else 404). */
export async function observationView(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<Observation> {
  const row = await loadReadableObservation(ctx, id, db);
  const [listRow] = await selectListRows(db).where(eq(observations.id, id));
  const item = presentListItem(ctx.actor, listRow!, todayIn(listRow!.timeZone));
  const content = await loadContent(db, row);
  const rubric = await loadRubric(ctx, db, row.rubricId);
  const agreed = await actionStepViews(ctx.actor, db, eq(actionSteps.observationId, id));
  const checkedIds = content.actionStepChecks.map((c) => c.actionStepId);
  const openWhere = isObserverOf(ctx.actor, row)
    ? and(
        eq(actionSteps.personId, row.observedPersonId),
        or(inArray(actionSteps.status, ['assigned', 'practicing']), checkedIds.length ? inArray(actionSteps.id, checkedIds) : sql`false`),
      )
    : checkedIds.length
      ? inArray(actionSteps.id, checkedIds)
      : sql`false`;
  const open = await actionStepViews(ctx.actor, db, and(openWhere, or(sql`${actionSteps.observationId} is null`, ne(actionSteps.observationId, id)))!);
  const replies = await db
    .select({ id: observationReplies.id, authorId: observationReplies.authorPersonId, author: personNameSql(people), body: observationReplies.body, createdAt: observationReplies.createdAt })
    .from(observationReplies)
    .innerJoin(people, eq(people.id, observationReplies.authorPersonId))
    .where(eq(observationReplies.observationId, id))
    .orderBy(asc(observationReplies.createdAt));
  const revisions = await loadRevisions(db, id);
  const { observedOn: _o, durationMinutes: _d, classLabel: _c, ...rest } = content;
  return {
    ...item,
    ...rest,
    rubric,
    actionSteps: agreed,
    openActionSteps: open,
    replies: replies.map((r) => ({ id: r.id, author: { id: r.authorId, name: r.author }, body: r.body, createdAt: iso(r.createdAt)! })),
    revisions,
  };
}

function revisionsQuery(db: Executor, where: SQL) {
  return db
    .select({
      revision: observationRevisions.revision,
      reason: observationRevisions.reason,
      createdAt: observationRevisions.createdAt,
      snapshot: observationRevisions.snapshot,
      personId: people.id,
      personName: personNameSql(people),
    })
    .from(observationRevisions)
    .leftJoin(users, eq(users.id, observationRevisions.createdByUserId))
    .leftJoin(people, eq(people.id, users.personId))
    .where(where);
}

async function loadRevisions(db: Executor, observationId: string) {
  const rows = await revisionsQuery(db, eq(observationRevisions.observationId, observationId)).orderBy(desc(observationRevisions.revision));
  return rows.map((r) => ({
    revision: r.revision,
    reason: r.reason,
    createdBy: r.personId ? { id: r.personId, name: r.personName } : null,
    createdAt: iso(r.createdAt)!,
  }));
}

/** GET /api/observations/:id/revisions/:revision: what the teacher was shown then. */
export async function revisionView(ctx: Ctx, id: string, revision: number): Promise<ObservationRevisionDetail> {
  const row = await loadReadableObservation(ctx, id);
  const [r] = await revisionsQuery(ctx.db, and(eq(observationRevisions.observationId, id), eq(observationRevisions.revision, revision))!);
  if (!r) throw notFound('Revision');
  await logRead(ctx, 'observation', id, [row.observedPersonId]);
  return {
    revision: r.revision,
    reason: r.reason,
    createdBy: r.personId ? { id: r.personId, name: r.personName } : null,
    createdAt: iso(r.createdAt)!,
    snapshot: r.snapshot as unknown as ObservationSnapshot,
  };
}
