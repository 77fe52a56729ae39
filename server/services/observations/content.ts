import { and, eq, inArray, sql } from 'drizzle-orm';
import { isScoredKind } from '../../../common/observation.ts';
import type { SaveDraftInput } from '../../../common/schemas/observations.ts';
import type { Db, Executor } from '../../db/client.ts';
import { qualified } from '../../db/qualified.ts';
import {
  actionStepChecks,
  actionSteps,
  auditLog,
  observationNotes,
  observationScores,
  observations,
  rubricCriteria,
  scaleLevels,
} from '../../db/schema/index.ts';
import { auditValues, type AuditRecord } from '../audit.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { invalid, type ObservationRow } from './access.ts';

/** The content fields of a draft save or a revision (all optional: absent = unchanged). */
export type ContentInput = Omit<SaveDraftInput, 'version'>;

export interface RubricMeta {
  /** criterionId -> itemId (null for a CASE criterion outside the version). */
  criteria: Map<string, string | null>;
  levels: Map<string, { levelScore: number | null; proficient: boolean }>;
}

/** The write read, built once per database (building the SQL each time cost more than running it). */
function forWriteQuery(db: Db) {
  const criteria = sql<
    { id: string; itemId: string | null }[]
  >`coalesce((select json_agg(json_build_object('id', c.id, 'itemId', c.item_id))
    from ${rubricCriteria} c where c.rubric_id = ${qualified(observations.rubricId)} and c.district_id = ${qualified(observations.districtId)}), '[]'::json)`;
  const levels = sql<
    { id: string; levelScore: number | string | null; proficient: boolean }[]
  >`coalesce((select json_agg(json_build_object('id', l.id,
    'levelScore', l.level_score, 'proficient', l.proficient)) from ${scaleLevels} l where l.scale_id = ${qualified(observations.scaleId)} and l.district_id = ${qualified(observations.districtId)}), '[]'::json)`;
  return db
    .select({ row: observations, criteria, levels })
    .from(observations)
    .where(and(eq(observations.id, sql.placeholder('id')), eq(observations.districtId, sql.placeholder('districtId'))))
    .prepare('observation_for_write');
}

const prepared = new WeakMap<Db, ReturnType<typeof forWriteQuery>>();

/** The observation with its rubric's criteria and its scale's levels, in one (prepared) statement. */
export async function loadForWrite(ctx: Ctx, id: string): Promise<{ row: ObservationRow; meta: RubricMeta }> {
  let query = prepared.get(ctx.db);
  if (!query) prepared.set(ctx.db, (query = forWriteQuery(ctx.db)));
  const [found] = await query.execute({ id, districtId: ctx.actor.districtId });
  if (!found) throw notFound('Observation');
  return {
    row: found.row,
    meta: {
      criteria: new Map(found.criteria.map((c) => [c.id, c.itemId])),
      levels: new Map(
        found.levels.map((l) => [l.id, { levelScore: l.levelScore === null ? null : Number(l.levelScore), proficient: l.proficient }]),
      ),
    },
  };
}

/**
 * Checks the content against the observation's rubric and scale: each score's competency must be
 * a criterion of the teacher's rubric and its level a level of the rubric's scale; notes are tagged
 * with the rubric's competencies; cited notes exist; checked action steps are the teacher's.
 */
export async function validateContent(db: Executor, row: ObservationRow, meta: RubricMeta, input: ContentInput): Promise<void> {
  const rubricItems = new Set([...meta.criteria.values()].filter((v): v is string => v !== null));
  if (input.notes) {
    const seen = new Set<string>();
    input.notes.forEach((n, i) => {
      if (seen.has(n.id)) throw invalid(`notes.${i}.id`, 'Two notes have the same id');
      seen.add(n.id);
      if (n.itemId && !rubricItems.has(n.itemId))
        throw invalid(`notes.${i}.itemId`, `Competency ${n.itemId} is not in this observation's rubric`);
    });
  }
  if (input.scores && input.scores.length > 0) {
    if (!isScoredKind(row.kind)) throw invalid('scores', 'Only a scored observation or a fidelity check has scores');
    let noteIds: Set<string> | null = input.notes ? new Set(input.notes.map((n) => n.id)) : null;
    const criteria = new Set<string>();
    for (const [i, s] of input.scores.entries()) {
      if (!meta.criteria.has(s.criterionId)) {
        throw invalid(`scores.${i}.criterionId`, `Competency ${s.criterionId} is not in this teacher's rubric; it cannot be scored here`);
      }
      if (meta.criteria.get(s.criterionId) === null)
        throw invalid(`scores.${i}.criterionId`, `Competency ${s.criterionId} is outside the framework and cannot be scored`);
      if (criteria.has(s.criterionId)) throw invalid(`scores.${i}.criterionId`, `Competency ${s.criterionId} is scored twice`);
      criteria.add(s.criterionId);
      if (!meta.levels.has(s.scaleLevelId))
        throw invalid(`scores.${i}.scaleLevelId`, `Level ${s.scaleLevelId} is not on the rubric's scale`);
      if (s.citedNoteIds.length > 0) {
        noteIds ??= new Set(
          (await db.select({ id: observationNotes.id }).from(observationNotes).where(eq(observationNotes.observationId, row.id))).map(
            (n) => n.id,
          ),
        );
        const missing = s.citedNoteIds.find((id) => !noteIds!.has(id));
        if (missing) throw invalid(`scores.${i}.citedNoteIds`, `Cited note ${missing} is not one of this observation's notes`);
      }
    }
  }
  if (input.actionStepChecks && input.actionStepChecks.length > 0) {
    const ids = input.actionStepChecks.map((c) => c.actionStepId);
    if (new Set(ids).size !== ids.length) throw invalid('actionStepChecks', 'An action step is checked twice');
    const found = await db
      .select({ id: actionSteps.id })
      .from(actionSteps)
      .where(and(eq(actionSteps.districtId, row.districtId), eq(actionSteps.personId, row.observedPersonId), inArray(actionSteps.id, ids)));
    const known = new Set(found.map((f) => f.id));
    const i = ids.findIndex((id) => !known.has(id));
    if (i >= 0) throw invalid(`actionStepChecks.${i}.actionStepId`, 'That action step is not one of this teacher’s');
  }
}

/** Thrown inside a write transaction when the row's version (or status) moved meanwhile. */
export class StaleWrite extends Error {}

/**
 * Writes the content in the caller's transaction in two statements (an autosave must be fast):
 * 1. the deletes of each list sent and the update of the row (version + 1, only if it is still at
 *    `version` and `status`, else StaleWrite and the caller's transaction rolls back);
 * 2. the bulk inserts of each list sent and the audit row.
 */
export async function writeContent(
  tx: Executor,
  ctx: Ctx,
  row: ObservationRow,
  meta: RubricMeta,
  input: ContentInput,
  guard: { version: number; status: string },
  audit: (updated: ObservationRow) => AuditRecord,
  extra: Partial<ObservationRow> = {},
): Promise<ObservationRow> {
  const set: Partial<ObservationRow> = { ...extra, version: guard.version + 1, updatedAt: new Date(), updatedByUserId: ctx.actor.userId };
  if (input.observedOn !== undefined) set.observedOn = input.observedOn;
  if (input.scheduledAt !== undefined) set.scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : null;
  if (input.durationMinutes !== undefined) set.durationMinutes = input.durationMinutes;
  if (input.classLabel !== undefined) set.classLabel = input.classLabel;
  if (input.glows !== undefined) set.glows = input.glows;
  if (input.grows !== undefined) set.grows = input.grows;
  if (input.lookForResults !== undefined)
    set.lookForResults = input.lookForResults.map((l) => ({ lookFor: l.lookFor, seen: l.seen, comment: l.comment ?? null }));
  const deletes = [];
  if (input.notes)
    deletes.push(
      tx
        .$with('dn')
        .as(tx.delete(observationNotes).where(eq(observationNotes.observationId, row.id)).returning({ id: observationNotes.id })),
    );
  if (input.scores)
    deletes.push(
      tx
        .$with('ds')
        .as(tx.delete(observationScores).where(eq(observationScores.observationId, row.id)).returning({ id: observationScores.id })),
    );
  if (input.actionStepChecks) {
    deletes.push(
      tx
        .$with('dc')
        .as(tx.delete(actionStepChecks).where(eq(actionStepChecks.observationId, row.id)).returning({ id: actionStepChecks.id })),
    );
  }
  const [updated] = await tx
    .with(...deletes)
    .update(observations)
    .set(set)
    .where(and(eq(observations.id, row.id), eq(observations.version, guard.version), eq(observations.status, guard.status)))
    .returning();
  if (!updated) throw new StaleWrite();

  const districtId = row.districtId;
  const notes = input.notes ?? [];
  const scores = input.scores ?? [];
  const checks = input.actionStepChecks ?? [];
  const inserts = [];
  if (notes.length > 0) {
    const values = notes.map((n, position) => ({
      id: n.id,
      districtId,
      observationId: row.id,
      position,
      notedAt: new Date(n.notedAt),
      body: n.body,
      itemId: n.itemId ?? null,
    }));
    inserts.push(tx.$with('n').as(tx.insert(observationNotes).values(values).onConflictDoNothing().returning({ id: observationNotes.id })));
  }
  if (scores.length > 0) {
    const values = scores.map((s) => ({
      districtId,
      observationId: row.id,
      criterionId: s.criterionId,
      itemId: meta.criteria.get(s.criterionId)!,
      scaleLevelId: s.scaleLevelId,
      levelScore: meta.levels.get(s.scaleLevelId)?.levelScore ?? null,
      comment: s.comment ?? null,
      citedNoteIds: s.citedNoteIds,
    }));
    inserts.push(tx.$with('s').as(tx.insert(observationScores).values(values).returning({ id: observationScores.id })));
  }
  if (checks.length > 0) {
    const values = checks.map((c) => ({
      districtId,
      actionStepId: c.actionStepId,
      observationId: row.id,
      result: c.result,
      comment: c.comment ?? null,
    }));
    inserts.push(tx.$with('c').as(tx.insert(actionStepChecks).values(values).returning({ id: actionStepChecks.id })));
  }
  const record = audit(updated);
  const [written] = await tx
    .with(...inserts)
    .insert(auditLog)
    .values(auditValues(ctx, record))
    .returning({ notes: notes.length > 0 ? sql<number>`(select count(*) from "n")`.mapWith(Number) : sql<number>`0`.mapWith(Number) });
  if (written!.notes !== notes.length) throw invalid('notes', 'A note id is already used elsewhere; give the note a new id');
  return updated;
}
