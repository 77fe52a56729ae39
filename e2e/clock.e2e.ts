// Journey: one clock. The coach's browser runs in Tokyo while the demo district keeps New York time.
// The coach schedules a session for 5:00 PM (district wall time); the teacher's coaching page, the
// coach's plan page and both calendars show it at 5:00 PM with the district zone's name, the calendar marks the
// district's non-school days, and an observation's note times read in the district zone. Desktop
// and phone, English and Spanish, with screenshots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatTimeIn, fromWallTime, isIsoDay, todayIn } from '../common/clock.ts';
import { isSchoolDay } from '../common/school-days.ts';
import { schoolYearOf } from '../common/schemas/settings.ts';
import {
  apiAs,
  DEMO,
  DEMO_TIME_ZONE,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';

const READER_ZONE = 'Asia/Tokyo';
const WAIT = { timeout: 15_000 };
let browser: Browser;
let coach: Page;
/** The session the coach schedules, as the API keeps it. */
let session: { id: string; planId: string | null; startsAt: string };
/** A future non-school day of the district and the month shown. */
let closed: { day: string; label: string };
let month = '';

/** Intl puts narrow no-break spaces before "PM": compare text with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');
const labelled = (instant: string, locale: 'en' | 'es') => plain(formatTimeIn(instant, { timeZone: DEMO_TIME_ZONE, locale, label: true }));

type SchoolCalendar = { nonSchoolDays: { day: string; label: string }[] };
type Caseload = { items: { person: { id: string; familyName: string } }[] };
type LogPage = { items: { id: string; planId: string | null; startsAt: string; status: string }[] };

beforeAll(async () => {
  browser = await launchBrowser();
  coach = await newPage(browser, { timezoneId: READER_ZONE });
  coach.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await signInAs(coach, DEMO.coach);
});
afterAll(async () => {
  await browser?.close();
});

describe('one clock', () => {
  it('a coach in another zone schedules at district time and reads the same time on every page', async () => {
    // A future non-school day (the seed enters the school year's holidays and breaks), and a school day of its month to schedule on.
    const today = todayIn(DEMO_TIME_ZONE);
    const year = schoolYearOf(today);
    const days = [
      ...(await apiAs<SchoolCalendar>(coach, 'GET', `/api/school-calendar?schoolYear=${year}`)).nonSchoolDays,
      ...(await apiAs<SchoolCalendar>(coach, 'GET', `/api/school-calendar?schoolYear=${schoolYearOf(addDays(today, 366))}`)).nonSchoolDays,
    ];
    closed = days.find((d) => d.day >= addDays(today, 3))!;
    expect(closed, 'a future non-school day in the demo calendar').toBeDefined();
    month = closed.day.slice(0, 7);
    const off = new Set(days.map((d) => d.day));
    let day = addDays(today, 2) > `${month}-01` ? addDays(today, 2) : `${month}-01`;
    while (!isSchoolDay(day, off) && day.slice(0, 7) <= month) day = addDays(day, 1);
    expect(isIsoDay(day)).toBe(true);

    await coach.goto('/coaching');
    await heading(coach, 'Coaching').waitFor();
    await coach.getByRole('button', { name: 'Log a session with Michelle Reyes' }).click();
    const dialog = coach.getByRole('dialog', { name: 'Log a coaching session' });
    await dialog.getByText('Scheduled', { exact: true }).click();
    // The input says whose clock it reads, and is read as the district's wall time.
    await dialog.getByText(/^Time in America\/New_York \(E[SD]T\)$/).waitFor();
    // A day the district entered as a non-school day is named under the input.
    await dialog.getByLabel('Date and time').fill(`${closed.day}T10:00`);
    await dialog.getByText(`is not a school day in the district calendar (${closed.label}).`, { exact: false }).waitFor();
    await dialog.getByLabel('Date and time').fill(`${day}T17:00`);
    await dialog.getByText('is not a school day', { exact: false }).waitFor({ state: 'detached' });
    await dialog.getByLabel('Activity').selectOption({ label: 'Co-planning' });
    await screenshot(coach, 'clock-schedule-dialog-tokyo');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const expected = fromWallTime(`${day}T17:00`, DEMO_TIME_ZONE).toISOString();
    const michelle = (await apiAs<Caseload>(coach, 'GET', '/api/coaching/caseload')).items.find((i) => i.person.familyName === 'Reyes')!
      .person.id;
    const logs = await apiAs<LogPage>(coach, 'GET', `/api/coaching/logs?personId=${michelle}&status=scheduled&limit=100`);
    session = logs.items.find((l) => new Date(l.startsAt).toISOString() === expected)!;
    expect(session, `a session at ${expected} (5:00 PM in New York), not at 5:00 PM in Tokyo`).toBeDefined();
    expect(session.planId, "Michelle's active plan").not.toBeNull();
    const time = labelled(expected, 'en');
    expect(time).toMatch(/^5:00 PM E[SD]T$/);

    // The coaching page of the teacher coached (also in Tokyo) and the coach's caseload.
    const teacher = await newPage(browser, { timezoneId: READER_ZONE });
    await signInAs(teacher, DEMO.teacher);
    await teacher.goto(`/coaching?log=${session.id}`);
    await expect.poll(async () => plain(await teacher.locator(`#session-${session.id}`).textContent()), WAIT).toContain(time);
    await screenshot(teacher, 'clock-coaching-desktop-en');
    await teacher.context().close();
    // The plan page.
    await coach.goto(`/coaching/plans/${session.planId}`);
    await expect.poll(async () => plain(await coach.locator(`#session-${session.id}`).textContent()), WAIT).toContain(time);
    // The calendar: the same time, labelled, and the non-school day marked.
    await coach.goto(`/calendar?month=${month}`);
    const event = coach.getByRole('button', { name: /^Coaching session: .*co-planning/i }).filter({ hasText: 'Michelle Reyes' });
    await expect
      .poll(async () => (await event.allTextContents()).map(plain).filter((text) => text.includes(`: ${time} `)).length, WAIT)
      .toBeGreaterThan(0);
    await coach.getByText(`No school: ${closed.label}`).first().waitFor();
    await coach.getByText("Times are in the district's time zone (America/New_York).").waitFor();
    await expectNoAxeViolations(coach, 'calendar in another zone');
    await screenshot(coach, 'clock-calendar-desktop-en');
  });

  it('the same on a phone and in Spanish', async () => {
    const phone = await newPage(browser, { phone: true, locale: 'es-ES', timezoneId: READER_ZONE });
    await signInAs(phone, DEMO.teacher);
    await apiAs(phone, 'PATCH', '/api/me', { locale: 'es' });
    try {
      const time = labelled(session.startsAt, 'es');
      expect(time).toMatch(/^17:00 GMT-[45]$/);
      await phone.goto(`/calendar?month=${month}`);
      await phone.getByText(`Sin clases: ${closed.label}`).first().waitFor();
      const event = phone.getByRole('button', { name: /^Sesión de coaching: .*planificación conjunta/ });
      await expect
        .poll(async () => (await event.allTextContents()).map(plain).filter((text) => text.includes(`: ${time} `)).length, WAIT)
        .toBeGreaterThan(0);
      await expectNoSidewaysScroll(phone, 'calendar agenda in Spanish');
      await screenshot(phone, 'clock-calendar-phone-es');
      await phone.goto(`/coaching?log=${session.id}`);
      await expect.poll(async () => plain(await phone.locator(`#session-${session.id}`).textContent()), WAIT).toContain(time);
      await screenshot(phone, 'clock-coaching-phone-es');
    } finally {
      await apiAs(phone, 'PATCH', '/api/me', { locale: 'en' });
      await phone.context().close();
    }
  });

  it("an observation's note times read in the district zone", async () => {
    for (const [size, locale] of [
      ['desktop', 'en'],
      ['phone', 'es'],
    ] as const) {
      const page = await newPage(browser, {
        phone: size === 'phone',
        locale: locale === 'es' ? 'es-ES' : 'en-US',
        timezoneId: READER_ZONE,
      });
      await signInAs(page, DEMO.principal);
      if (locale === 'es') await apiAs(page, 'PATCH', '/api/me', { locale: 'es' });
      try {
        const list = await apiAs<{ items: { id: string; status: string }[] }>(page, 'GET', '/api/observations?limit=50');
        let found: { id: string; notes: { notedAt: string }[] } | undefined;
        for (const item of list.items.filter((o) => o.status === 'published')) {
          const o = await apiAs<{ id: string; notes: { notedAt: string }[] }>(page, 'GET', `/api/observations/${item.id}`);
          if (o.notes.length) {
            found = o;
            break;
          }
        }
        expect(found, 'a published observation with notes').toBeDefined();
        await page.goto(`/observations/${found!.id}`);
        const time = labelled(found!.notes[0]!.notedAt, locale);
        await expect.poll(async () => plain(await page.locator('main').textContent()), WAIT).toContain(time);
        await screenshot(page, `clock-observation-notes-${size}-${locale}`);
      } finally {
        if (locale === 'es') await apiAs(page, 'PATCH', '/api/me', { locale: 'en' });
        await page.context().close();
      }
    }
  });
});
