import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CsvImportResult, CsvRowError } from '../../../../common/schemas/teams.ts';
import type { AttendanceList, RecordAttendanceInput, RecordAttendanceResult } from '../../../../common/schemas/training-sessions.ts';
import type { Executor } from '../../../db/client.ts';
import { people, trainingAttendance } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { forbidden } from '../../../lib/errors.ts';
import { canRecordAttendance } from '../../../policies/drivers.ts';
import { recordAudit } from '../../audit.ts';
import { markDashboardStale } from '../../dashboards/freshness.ts';
import { readCsv, templateCsv } from '../../teams/csv.ts';
import { findPeopleByKeys } from '../../teams/people.ts';
import { loadInitiative } from '../initiative.ts';
import { assertDistrictPeople, loadDriverAccess } from './access.ts';
import { loadSession, presentSessions } from './training.ts';

export const ATTENDANCE_CSV_COLUMNS = ['person', 'attended'];
/** The attendance CSV template of an initiative the caller may read (404 otherwise, like every initiative route). */
export async function attendanceCsvTemplate(ctx: Ctx, initiativeId: string): Promise<string> {
  await loadInitiative(ctx, initiativeId);
  return templateCsv(ATTENDANCE_CSV_COLUMNS, ['teacher@example.org', 'yes']);
}

const YES = new Set(['', 'yes', 'y', 'true', '1', 'present', 'si', 'sí']);
const NO = new Set(['no', 'n', 'false', '0', 'absent']);

/** GET /api/initiatives/:id/training-sessions/:sessionId/attendance: the session and who was recorded. */
export async function listAttendance(ctx: Ctx, initiativeId: string, sessionId: string): Promise<AttendanceList> {
  const access = await loadDriverAccess(ctx, initiativeId);
  await loadSession(ctx, access.initiative, sessionId);
  const rows = await ctx.db
    .select({
      attended: trainingAttendance.attended,
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
    })
    .from(trainingAttendance)
    .innerJoin(people, and(eq(people.id, trainingAttendance.personId), eq(people.districtId, trainingAttendance.districtId)))
    .where(and(eq(trainingAttendance.districtId, ctx.actor.districtId), eq(trainingAttendance.sessionId, sessionId)))
    .orderBy(asc(people.familyName), asc(people.givenName));
  const [session] = await presentSessions(ctx, access.initiative.id, sessionId);
  return {
    session: session!,
    items: rows.map(({ attended, ...person }) => ({ person, attended })),
  };
}

/** Upserts attendance rows; answers what changed. Re-sending the same marks changes nothing. */
async function writeAttendance(
  ctx: Ctx,
  tx: Executor,
  initiativeId: string,
  sessionId: string,
  marks: Map<string, boolean>,
): Promise<RecordAttendanceResult> {
  const ids = [...marks.keys()];
  const held = new Map(
    (
      await tx
        .select({ personId: trainingAttendance.personId, attended: trainingAttendance.attended })
        .from(trainingAttendance)
        .where(and(eq(trainingAttendance.sessionId, sessionId), inArray(trainingAttendance.personId, ids)))
    ).map((r) => [r.personId, r.attended]),
  );
  const result = { added: 0, updated: 0, unchanged: 0 };
  const changed: { personId: string; attended: boolean }[] = [];
  for (const [personId, attended] of marks) {
    const before = held.get(personId);
    if (before === attended) {
      result.unchanged++;
      continue;
    }
    if (before === undefined) result.added++;
    else result.updated++;
    changed.push({ personId, attended });
  }
  if (changed.length === 0) return result;
  await tx
    .insert(trainingAttendance)
    .values(changed.map((c) => ({ districtId: ctx.actor.districtId, sessionId, ...c, recordedBy: ctx.actor.userId })))
    .onConflictDoUpdate({
      target: [trainingAttendance.sessionId, trainingAttendance.personId],
      set: { attended: sql`excluded.attended`, recordedBy: ctx.actor.userId, updatedAt: new Date() },
    });
  await recordAudit(tx, ctx, {
    entityType: 'training_session',
    entityId: sessionId,
    action: 'training_session.attendance',
    after: {
      present: changed.filter((c) => c.attended).map((c) => c.personId),
      absent: changed.filter((c) => !c.attended).map((c) => c.personId),
    },
  });
  await markDashboardStale(tx, ctx.actor.districtId, [initiativeId]);
  return result;
}

async function attendanceAccess(ctx: Ctx, initiativeId: string, sessionId: string) {
  const access = await loadDriverAccess(ctx, initiativeId);
  await loadSession(ctx, access.initiative, sessionId);
  if (!canRecordAttendance(ctx.actor, access.facts)) throw forbidden('Only trainers, HR, admins and school leaders record attendance');
  return access;
}

/** POST .../attendance: marks these people of the district present (or absent). */
export async function recordAttendance(ctx: Ctx, initiativeId: string, sessionId: string, input: RecordAttendanceInput) {
  const { initiative } = await attendanceAccess(ctx, initiativeId, sessionId);
  await assertDistrictPeople(ctx, input.personIds, 'personIds');
  const marks = new Map(input.personIds.map((id) => [id, input.attended]));
  return ctx.db.transaction((tx) => writeAttendance(ctx, tx, initiative.id, sessionId, marks));
}

/**
 * POST .../attendance/import: a CSV of `person` (e-mail, staff number or roster id) and `attended`
 * (yes/no; empty is yes). A dry run, or any row in error, writes nothing; the same file applied
 * twice changes nothing the second time.
 */
export async function importAttendanceCsv(
  ctx: Ctx,
  initiativeId: string,
  sessionId: string,
  input: { csv: string; dryRun: boolean },
): Promise<CsvImportResult> {
  const { initiative } = await attendanceAccess(ctx, initiativeId, sessionId);
  const records = readCsv(input.csv, ['person']);
  const keys = await findPeopleByKeys(
    ctx.db,
    ctx.actor.districtId,
    records.map((r) => r.get('person')),
  );
  const errors: CsvRowError[] = [];
  const marks = new Map<string, boolean>();
  const seen = new Map<string, number>();
  for (const record of records) {
    const key = record.get('person');
    const personId = keys.get(key.toLowerCase());
    if (!personId) {
      errors.push({ line: record.line, code: 'unknown_person', field: 'person', value: key });
      continue;
    }
    const raw = record.get('attended').toLowerCase();
    const attended = YES.has(raw) ? true : NO.has(raw) ? false : undefined;
    if (attended === undefined) {
      errors.push({ line: record.line, code: 'bad_attended', field: 'attended', value: record.get('attended') });
      continue;
    }
    if (seen.has(personId)) {
      errors.push({ line: record.line, code: 'duplicate_row', field: 'person', value: key });
      continue;
    }
    seen.set(personId, record.line);
    marks.set(personId, attended);
  }
  const held = new Map(
    marks.size === 0
      ? []
      : (
          await ctx.db
            .select({ personId: trainingAttendance.personId, attended: trainingAttendance.attended })
            .from(trainingAttendance)
            .where(and(eq(trainingAttendance.sessionId, sessionId), inArray(trainingAttendance.personId, [...marks.keys()])))
        ).map((r) => [r.personId, r.attended]),
  );
  const unchanged = [...marks].filter(([id, attended]) => held.get(id) === attended).length;
  const result = (applied: boolean): CsvImportResult => ({
    dryRun: input.dryRun,
    applied,
    rows: records.length,
    counts: { create: marks.size - unchanged, unchanged, error: new Set(errors.map((e) => e.line)).size },
    errors: errors.slice(0, 1000),
  });
  if (input.dryRun || errors.length > 0) return result(false);
  if (marks.size > 0) await ctx.db.transaction((tx) => writeAttendance(ctx, tx, initiative.id, sessionId, marks));
  return result(true);
}
