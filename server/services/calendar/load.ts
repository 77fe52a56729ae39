import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { NonSchoolDayKind } from '../../../common/observation.ts';
import { CALENDAR_MAX_DAYS, type Calendar, type CalendarQuery } from '../../../common/schemas/calendar.ts';
import { districts, nonSchoolDays, people } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { isHrOrAdmin } from '../../policies/app.ts';
import { canReadPerson } from '../../policies/people.ts';
import { currentOrgUnitsOf } from '../observations/role-rubric.ts';
import { eventsFor } from './events.ts';
import { addDays, daysBetween, zonedInstant } from '../../../common/clock.ts';

/** School leaders, HR and admins may open the calendars of people in their scope; everyone their own. */
export const canViewOthersCalendars = (actor: Actor) => isHrOrAdmin(actor) || actor.leaderOrgUnitIds.length > 0;

export async function districtTimeZone(ctx: Pick<Ctx, 'db'>, districtId: string): Promise<string> {
  const [row] = await ctx.db.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, districtId));
  return row?.timeZone ?? 'America/New_York';
}

/**
 * A person's calendar from `from` to `to` (ISO dates, inclusive, in the district's time zone; at
 * most CALENDAR_MAX_DAYS). Another person's: only for a school leader of one of their schools, HR
 * or an admin; anyone else (and anyone outside the district) gets 404.
 */
export async function calendarFor(ctx: Ctx, query: z.infer<typeof CalendarQuery>): Promise<Calendar> {
  const { actor } = ctx;
  const span = daysBetween(query.from, query.to);
  if (span < 0)
    throw new AppError('validation_failed', 'The range ends before it starts', [{ path: 'to', message: 'Must not be before from' }]);
  if (span + 1 > CALENDAR_MAX_DAYS) {
    throw new AppError('validation_failed', `At most ${CALENDAR_MAX_DAYS} days at a time`, [
      { path: 'to', message: `At most ${CALENDAR_MAX_DAYS} days after from` },
    ]);
  }
  const personId = query.personId ?? actor.personId;
  const [person] = await ctx.db
    .select({
      id: people.id,
      districtId: people.districtId,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
    })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.districtId, actor.districtId)));
  if (!person) throw notFound('Person');
  const own = personId === actor.personId;
  if (!own) {
    const orgUnits = (await currentOrgUnitsOf(ctx.db, actor.districtId, [personId])).get(personId) ?? [];
    const allowed =
      canViewOthersCalendars(actor) &&
      canReadPerson(actor, { id: personId, districtId: person.districtId, currentOrgUnitIds: orgUnits }) &&
      (isHrOrAdmin(actor) || orgUnits.some((id) => actor.leaderOrgUnitIds.includes(id)));
    if (!allowed) throw notFound('Person');
  }
  const timeZone = await districtTimeZone(ctx, actor.districtId);
  const events = await eventsFor(ctx.db, {
    districtId: actor.districtId,
    personId,
    start: zonedInstant(timeZone, query.from),
    end: zonedInstant(timeZone, addDays(query.to, 1)),
    own,
  });
  const closed = await ctx.db
    .select({ id: nonSchoolDays.id, day: nonSchoolDays.day, kind: nonSchoolDays.kind, label: nonSchoolDays.label })
    .from(nonSchoolDays)
    .where(and(eq(nonSchoolDays.districtId, actor.districtId), gte(nonSchoolDays.day, query.from), lte(nonSchoolDays.day, query.to)))
    .orderBy(asc(nonSchoolDays.day));
  return {
    person: { id: person.id, name: `${person.preferredName ?? person.givenName} ${person.familyName}` },
    from: query.from,
    to: query.to,
    timeZone,
    events,
    nonSchoolDays: closed.map((d) => ({ ...d, kind: d.kind as NonSchoolDayKind })),
    abilities: { viewOthers: canViewOthersCalendars(actor) },
  };
}
