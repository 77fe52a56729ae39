import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NonSchoolDayKind } from '../../../common/observation.ts';
import { isSchoolDay, schoolDaysBetween } from '../../../common/school-days.ts';
import {
  MAX_NON_SCHOOL_DAY_RUN,
  schoolYearRange,
  type CreateNonSchoolDaysInput,
  type CreateTermInput,
  type NonSchoolDay,
  type SchoolCalendar,
  type SchoolTerm,
  type UpdateTermInput,
} from '../../../common/schemas/settings.ts';
import type { Executor } from '../../db/client.ts';
import { nonSchoolDays, schoolTerms } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../lib/errors.ts';
import { canManageSchoolCalendar } from '../../policies/observations.ts';
import { recordAudit } from '../audit.ts';

type TermRow = typeof schoolTerms.$inferSelect;
type DayRow = typeof nonSchoolDays.$inferSelect;

const invalid = (path: string, message: string) => new AppError('validation_failed', message, [{ path, message }]);

const presentTerm = (r: TermRow): SchoolTerm => ({
  id: r.id,
  name: r.name,
  schoolYear: r.schoolYear,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  version: r.version,
});
const presentDay = (r: DayRow): NonSchoolDay => ({ id: r.id, day: r.day, kind: r.kind as NonSchoolDayKind, label: r.label });

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const daysApart = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

async function daysBetween(db: Executor, districtId: string, from: string, to: string) {
  return db
    .select()
    .from(nonSchoolDays)
    .where(and(eq(nonSchoolDays.districtId, districtId), gte(nonSchoolDays.day, from), lte(nonSchoolDays.day, to)))
    .orderBy(asc(nonSchoolDays.day));
}

/** A school year's terms and non-school days (July 1 to June 30; everyone in the district reads it). */
export async function schoolCalendarView(ctx: Ctx, schoolYear: string): Promise<SchoolCalendar> {
  const { from, to: yearEnd } = schoolYearRange(schoolYear);
  const districtId = ctx.actor.districtId;
  const terms = await ctx.db
    .select()
    .from(schoolTerms)
    .where(and(eq(schoolTerms.districtId, districtId), eq(schoolTerms.schoolYear, schoolYear)))
    .orderBy(asc(schoolTerms.startsOn));
  // The year runs to June 30, or to the end of a term that runs past it (a summer session).
  const to = terms.reduce((last, t) => (t.endsOn > last ? t.endsOn : last), yearEnd);
  const days = await daysBetween(ctx.db, districtId, from, to);
  const closed = new Set(days.map((d) => d.day));
  const termSchoolDays = Object.fromEntries(terms.map((t) => [t.id, schoolDaysBetween(previousDay(t.startsOn), t.endsOn, closed)]));
  return {
    schoolYear,
    from,
    to,
    terms: terms.map(presentTerm),
    nonSchoolDays: days.map(presentDay),
    termSchoolDays,
    abilities: { edit: canManageSchoolCalendar(ctx.actor) },
  };
}

/** School days after `from` up to and including `to`, with the non-school days in between. */
export async function countSchoolDays(ctx: Ctx, from: string, to: string) {
  if (to < from) throw invalid('to', 'The end date cannot be before the start date');
  if (daysApart(from, to) > 731) throw invalid('to', 'Count at most two years of days at a time');
  const days = await daysBetween(ctx.db, ctx.actor.districtId, from, to);
  return { from, to, schoolDays: schoolDaysBetween(from, to, new Set(days.map((d) => d.day))), nonSchoolDays: days.map(presentDay) };
}

function requireEditor(ctx: Ctx) {
  if (!canManageSchoolCalendar(ctx.actor)) throw forbidden();
}

/** Serialises calendar writes of one district (overlap checks then insert) until the transaction ends. */
async function lockCalendar(tx: Executor, districtId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`school_calendar:${districtId}`}))`);
}

/** A term lies in its school year and overlaps no other term of the district. */
async function checkTerm(tx: Executor, ctx: Ctx, term: { schoolYear: string; startsOn: string; endsOn: string }, exceptId?: string) {
  if (term.endsOn < term.startsOn) throw invalid('endsOn', 'A term cannot end before it starts');
  // A term starts within its school year (July 1 to June 30); a summer session may run past June.
  const { from, to } = schoolYearRange(term.schoolYear);
  if (term.startsOn < from || term.startsOn > to)
    throw invalid('startsOn', `The term must start within the school year ${term.schoolYear} (${from} to ${to})`);
  if (daysApart(term.startsOn, term.endsOn) > 366) throw invalid('endsOn', 'A term lasts at most a year');
  const conditions = [
    eq(schoolTerms.districtId, ctx.actor.districtId),
    lte(schoolTerms.startsOn, term.endsOn),
    gte(schoolTerms.endsOn, term.startsOn),
  ];
  if (exceptId) conditions.push(ne(schoolTerms.id, exceptId));
  const [overlap] = await tx
    .select()
    .from(schoolTerms)
    .where(and(...conditions))
    .limit(1);
  if (overlap) {
    throw invalid('startsOn', `The dates overlap the term "${overlap.name}" (${overlap.startsOn} to ${overlap.endsOn})`);
  }
}

async function loadTerm(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<TermRow> {
  const [row] = await db
    .select()
    .from(schoolTerms)
    .where(and(eq(schoolTerms.id, id), eq(schoolTerms.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Term');
  return row;
}

export async function createTerm(ctx: Ctx, input: z.infer<typeof CreateTermInput>): Promise<SchoolTerm> {
  requireEditor(ctx);
  const row = await ctx.db.transaction(async (tx) => {
    await lockCalendar(tx, ctx.actor.districtId);
    await checkTerm(tx, ctx, input);
    const [created] = await tx
      .insert(schoolTerms)
      .values({ ...input, districtId: ctx.actor.districtId })
      .returning();
    await recordAudit(tx, ctx, { action: 'school_term.create', entityType: 'school_term', entityId: created!.id, after: created });
    return created!;
  });
  return presentTerm(row);
}

/** Renames or moves a term when `version` is current, else 409 with the current term. */
export async function updateTerm(ctx: Ctx, id: string, input: z.infer<typeof UpdateTermInput>): Promise<SchoolTerm> {
  const current = await loadTerm(ctx, id);
  requireEditor(ctx);
  if (current.version !== input.version) throw conflict(presentTerm(current));
  const { version, ...fields } = input;
  const row = await ctx.db.transaction(async (tx) => {
    await lockCalendar(tx, ctx.actor.districtId);
    await checkTerm(tx, ctx, { ...current, ...fields }, id);
    const [updated] = await tx
      .update(schoolTerms)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(schoolTerms.id, id), eq(schoolTerms.districtId, ctx.actor.districtId), eq(schoolTerms.version, version)))
      .returning();
    if (!updated) return null;
    await recordAudit(tx, ctx, { action: 'school_term.update', entityType: 'school_term', entityId: id, before: current, after: updated });
    return updated;
  });
  if (!row) throw conflict(presentTerm(await loadTerm(ctx, id)));
  return presentTerm(row);
}

export async function deleteTerm(ctx: Ctx, id: string): Promise<void> {
  const current = await loadTerm(ctx, id);
  requireEditor(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(schoolTerms).where(and(eq(schoolTerms.id, id), eq(schoolTerms.districtId, ctx.actor.districtId)));
    await recordAudit(tx, ctx, { action: 'school_term.delete', entityType: 'school_term', entityId: id, before: current });
  });
}

/**
 * Marks a day, or the weekdays of a break from `day` through `through`, as non-school days. A date
 * already marked answers 409 `conflict` with the days already there; nothing is written then.
 */
export async function createNonSchoolDays(ctx: Ctx, input: z.infer<typeof CreateNonSchoolDaysInput>): Promise<NonSchoolDay[]> {
  requireEditor(ctx);
  const last = input.through ?? input.day;
  const dates: string[] = [];
  for (let d = input.day, n = 0; d <= last; d = nextDay(d), n += 1) {
    if (n >= MAX_NON_SCHOOL_DAY_RUN) throw invalid('through', `Mark at most ${MAX_NON_SCHOOL_DAY_RUN} days at a time`);
    if (isSchoolDay(d, new Set())) dates.push(d);
  }
  if (dates.length === 0) {
    throw invalid(input.through ? 'through' : 'day', 'Weekends are never school days: choose a weekday');
  }
  const districtId = ctx.actor.districtId;
  const rows = await ctx.db.transaction(async (tx): Promise<{ existing: DayRow[] } | { created: DayRow[] }> => {
    await lockCalendar(tx, districtId);
    const existing = await tx
      .select()
      .from(nonSchoolDays)
      .where(and(eq(nonSchoolDays.districtId, districtId), inArray(nonSchoolDays.day, dates)))
      .orderBy(asc(nonSchoolDays.day));
    if (existing.length > 0) return { existing };
    const created = await tx
      .insert(nonSchoolDays)
      .values(dates.map((day) => ({ districtId, day, kind: input.kind, label: input.label })))
      .returning();
    await recordAudit(
      tx,
      ctx,
      created.map((r) => ({ action: 'non_school_day.create', entityType: 'non_school_day', entityId: r.id, after: r })),
    );
    return { created };
  });
  if ('existing' in rows) throw conflict(rows.existing.map(presentDay));
  return rows.created.sort((a, b) => a.day.localeCompare(b.day)).map(presentDay);
}

export async function deleteNonSchoolDay(ctx: Ctx, id: string): Promise<void> {
  const [current] = await ctx.db
    .select()
    .from(nonSchoolDays)
    .where(and(eq(nonSchoolDays.id, id), eq(nonSchoolDays.districtId, ctx.actor.districtId)));
  if (!current) throw notFound('Non-school day');
  requireEditor(ctx);
  await ctx.db.transaction(async (tx) => {
    await tx.delete(nonSchoolDays).where(eq(nonSchoolDays.id, id));
    await recordAudit(tx, ctx, { action: 'non_school_day.delete', entityType: 'non_school_day', entityId: id, before: current });
  });
}
