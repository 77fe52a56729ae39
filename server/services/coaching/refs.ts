import { and, eq, inArray } from 'drizzle-orm';
import type { CoachingPersonRef, FocusItemRef } from '../../../common/schemas/coaching.ts';
import type { Executor } from '../../db/client.ts';
import { districts, frameworkItems, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { canCoach, canCoachAnyone } from '../../policies/coaching.ts';
import { todayIn } from '../school-calendar/context.ts';

/** Names of people of the district, keyed by id (missing ones absent). */
export async function personRefs(db: Executor, districtId: string, ids: string[]): Promise<Map<string, CoachingPersonRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName, preferredName: people.preferredName })
    .from(people)
    .where(and(eq(people.districtId, districtId), inArray(people.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

export const unknownPerson = (id: string): CoachingPersonRef => ({ id, givenName: '?', familyName: '', preferredName: null });

/** Framework items of the district by id, presented as a focus (code + short statement). */
export async function focusItemRefs(db: Executor, districtId: string, ids: (string | null)[]): Promise<Map<string, FocusItemRef>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      id: frameworkItems.id,
      code: frameworkItems.humanCode,
      full: frameworkItems.fullStatement,
      short: frameworkItems.abbreviatedStatement,
    })
    .from(frameworkItems)
    .where(and(eq(frameworkItems.districtId, districtId), inArray(frameworkItems.id, unique)));
  return new Map(rows.map((r) => [r.id, { id: r.id, code: r.code, statement: r.short ?? r.full }]));
}

export const invalid = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('validation_failed', message, [{ path, message, ...extra }]);

/** Every focus item must be a framework item of the district. */
export async function checkFocusItems(db: Executor, districtId: string, ids: (string | null | undefined)[], path: string) {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return;
  const found = await focusItemRefs(db, districtId, wanted);
  if (wanted.some((id) => !found.has(id))) throw invalid(path, 'Pick competencies of this district');
}

/**
 * Writing coaching records: a non-coach gets 403; a coach naming anyone outside their caseload gets
 * 404 (the person is not theirs to know about).
 */
export function requireCoachOf(ctx: Ctx, coacheeIds: string[]) {
  if (!canCoachAnyone(ctx.actor)) throw forbidden('Only coaches write coaching records');
  if (!canCoach(ctx.actor, coacheeIds)) throw notFound('Person');
}

/** The district's time zone and today's date there. */
export async function districtToday(db: Executor, districtId: string): Promise<{ timeZone: string; today: string }> {
  const [row] = await db.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, districtId));
  const timeZone = row?.timeZone ?? 'America/New_York';
  return { timeZone, today: todayIn(timeZone) };
}

/** The calendar date (ISO) of an instant in a time zone. */
export const dateIn = (timeZone: string, at: Date) => todayIn(timeZone, at);
