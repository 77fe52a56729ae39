import { and, desc, eq, isNull } from 'drizzle-orm';
import i18next from 'i18next';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical from 'ical-generator';
import en from '../../../common/i18n/en/calendar.json' with { type: 'json' };
import es from '../../../common/i18n/es/calendar.json' with { type: 'json' };
import type { CalendarEvent, CalendarFeedStatus, CreatedCalendarFeed } from '../../../common/schemas/calendar.ts';
import type { Database } from '../../db/client.ts';
import { calendarFeeds, districts, people, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { recordAudit } from '../audit.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { todayIn } from '../school-calendar/context.ts';
import { eventsFor } from './events.ts';
import { addDays, dayjs, zonedInstant } from '../../../common/clock.ts';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { calendar: en }, es: { calendar: es } },
  ns: ['calendar'],
  defaultNS: 'calendar',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The feed covers this many days back and ahead of today. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;

const feedUrl = (origin: string, token: string) => `${origin}/api/calendar/feed/${token}.ics`;

/** Whether the caller has a live feed URL (never the secret: it is not kept). */
export async function feedStatus(ctx: Ctx): Promise<CalendarFeedStatus> {
  const [row] = await ctx.db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null };
}

/** Creates the caller's feed URL, revoking the previous one; the URL is in this answer only. */
export async function rotateFeed(ctx: Ctx, origin: string): Promise<CreatedCalendarFeed> {
  const token = newToken();
  const createdAt = new Date();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: createdAt })
      .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)));
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ districtId: ctx.actor.districtId, userId: ctx.actor.userId, tokenHash: hashToken(token), createdAt })
      .returning({ id: calendarFeeds.id });
    await recordAudit(tx, ctx, {
      action: 'calendar_feed.rotate',
      entityType: 'calendar_feed',
      entityId: row!.id,
      after: { userId: ctx.actor.userId },
    });
  });
  return { url: feedUrl(origin, token), createdAt: createdAt.toISOString() };
}

/** Revokes the caller's feed URL (idempotent). */
export async function revokeFeed(ctx: Ctx): Promise<CalendarFeedStatus> {
  await ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    for (const row of revoked) {
      await recordAudit(tx, ctx, {
        action: 'calendar_feed.revoke',
        entityType: 'calendar_feed',
        entityId: row.id,
        before: { userId: ctx.actor.userId },
      });
    }
  });
  return { active: false, createdAt: null };
}

/** The summary of an event in a language (the same words as the web calendar). */
export function eventSummary(event: CalendarEvent, locale: string): string {
  const t = i18n.getFixedT(locale === 'es' ? 'es' : 'en', 'calendar');
  const withNames = event.with.join(', ');
  const key = event.kind === 'observation' ? `event.observation_${event.role}` : `event.${event.kind}`;
  return t(key, { with: withNames, type: event.typeName ?? '', activity: event.activity ? t(`activity.${event.activity}`) : '' });
}

/**
 * The iCalendar text of a feed token, or null when the token is unknown or revoked or its person
 * deactivated. Reads only: calendar apps poll feeds, so nothing is written per request. The token
 * is looked up with the owner's executor (no district is known yet); the events are read bound to
 * the feed's district.
 */
export async function renderFeed(
  database: Pick<Database, 'db' | 'forDistrict'>,
  token: string,
  origin: string,
  now = new Date(),
): Promise<string | null> {
  const [feed] = await database.db
    .select({
      districtId: calendarFeeds.districtId,
      personId: users.personId,
      locale: users.locale,
      userActive: users.active,
      personActive: people.active,
      timeZone: districts.timeZone,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(districts, eq(districts.id, calendarFeeds.districtId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed || !feed.userActive || !feed.personActive) return null;
  const { timeZone } = feed;
  const today = todayIn(timeZone, now);
  const events = await eventsFor(database.forDistrict(feed.districtId), {
    districtId: feed.districtId,
    personId: feed.personId,
    start: zonedInstant(timeZone, addDays(today, -FEED_DAYS_BACK)),
    end: zonedInstant(timeZone, addDays(today, FEED_DAYS_AHEAD + 1)),
    own: true,
  });
  const locale = feed.locale === 'es' ? 'es' : 'en';
  const t = i18n.getFixedT(locale, 'calendar');
  const host = new URL(origin).host;
  // Times in the district's zone carry `TZID`, which RFC 5545 answers with a VTIMEZONE block of the
  // zone's rules (Outlook refuses a feed without one). A zone with no known rules: times in UTC.
  const vtimezone = getVtimezoneComponent(timeZone);
  const zone = vtimezone ? timeZone : null;
  const cal = ical({ name: t('feed.name'), timezone: zone ? { name: zone, generator: () => vtimezone } : null, ttl: 60 * 60 });
  for (const event of events) {
    cal.createEvent({
      id: `${event.id}@${host}`,
      start: zone ? dayjs(event.startsAt).tz(zone) : new Date(event.startsAt),
      end: zone ? dayjs(event.endsAt).tz(zone) : new Date(event.endsAt),
      timezone: zone,
      summary: eventSummary(event, locale),
      url: event.link ? `${origin}${event.link}` : null,
    });
  }
  return cal.toString();
}
