import { and, asc, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActionStepCheckResult, ObservationKind, ObservationPurpose, ObservationStatus } from '../../../common/observation.ts';
import type {
  Observation,
  ObservationListItem,
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
import { isObserverOf, loadReadableObservation, personNameSql, type ObservationRow } from './access.ts';

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

/**
 * What a list item is made of: the observation's own columns it shows (never its notes, glows or
 * look-for results) and the names of what it points at.
 */
export interface ListRow {
  o: Pick<ObservationRow, ListColumn>;
  type: { id: string; name: string; kind: string; lookFors: string[]; countsTowardRequirement: boolean };
  observedName: string;
  observerName: string;
  coObserverName: string | null;
  schoolName: string | null;
  timeZone: string;
}

/** The observation columns a list item shows or its abilities read. */
export const LIST_COLUMNS = [
  'id',
  'districtId',
  'typeId',
  'kind',
  'purpose',
  'status',
  'observedPersonId',
  'observerPersonId',
  'coObserverPersonId',
  'orgUnitId',
  'observedOn',
  'scheduledAt',
  'durationMinutes',
  'classLabel',
  'publishedAt',
  'revision',
  'feedbackDueOn',
  'feedbackMeetingAt',
  'feedbackHeldAt',
  'acknowledgedAt',
  'acknowledgedRevision',
  'createdAt',
  'updatedAt',
  'version',
] as const satisfies readonly (keyof ObservationRow)[];
type ListColumn = (typeof LIST_COLUMNS)[number];

export function presentListItem(actor: Actor, r: ListRow, today: string): ObservationListItem {
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

/** The observation's current content, as a revision snapshot keeps it. */
export async function loadContent(db: Executor, row: ObservationRow): Promise<ObservationSnapshot> {
  const notes = await db
    .select()
    .from(observationNotes)
    .where(eq(observationNotes.observationId, row.id))
    .orderBy(asc(observationNotes.position));
  const scores = await db
    .select()
    .from(observationScores)
    .where(eq(observationScores.observationId, row.id))
    .orderBy(asc(observationScores.createdAt));
  const checks = await db
    .select()
    .from(actionStepChecks)
    .where(eq(actionStepChecks.observationId, row.id))
    .orderBy(asc(actionStepChecks.createdAt));
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
  const open = await actionStepViews(
    ctx.actor,
    db,
    and(openWhere, or(sql`${actionSteps.observationId} is null`, ne(actionSteps.observationId, id)))!,
  );
  const replies = await db
    .select({
      id: observationReplies.id,
      authorId: observationReplies.authorPersonId,
      author: personNameSql(people),
      body: observationReplies.body,
      createdAt: observationReplies.createdAt,
    })
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
