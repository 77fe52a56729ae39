// Journey: the principal reads their month on a desktop (grid, event details, previous/next month
// in the URL), opens a teacher's calendar, and subscribes (the feed URL serves iCalendar); the
// demo teacher reads their agenda on a phone. axe and screenshots on each screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../common/clock.ts';
import {
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

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const events = (page: Page) => page.getByRole('button', { name: /^(Observation|Feedback meeting|Coaching session):/ });
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

describe('calendar', () => {
  it('principal: month grid, details, months in the URL, a teacher calendar, subscribe', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.principal);
    await page.goto('/calendar');
    await heading(page, 'Calendar').waitFor();
    await page.getByRole('table').waitFor();
    await events(page).first().waitFor();
    expect(await events(page).count()).toBeGreaterThan(3);
    await expectNoAxeViolations(page, 'calendar month grid');
    await screenshot(page, 'calendar-desktop-principal');

    // Details of an observation the principal makes: type and teacher, with a link to open it.
    await page
      .getByRole('button', { name: /^Observation: .* Scored observation: / })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('link', { name: 'Open' }).getAttribute('href')).resolves.toMatch(/^\/observations\//);
    await expectNoAxeViolations(page, 'calendar event details');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Next month: kept in the URL; upcoming observations and meetings are there.
    const month = todayIn(DEMO_TIME_ZONE).slice(0, 7);
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.waitForURL(new RegExp(`month=${nextMonth(month)}`));
    await page.reload();
    await page.getByRole('table').waitFor();
    // While a month loads (held back 3 s here) the person picker stays, and what is typed stays.
    await page.route('**/api/calendar?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Previous month' }).click();
    await page.waitForURL((url) => !url.search.includes('month=') || url.search.includes(`month=${month}`));
    const picker = page.getByRole('combobox', { name: 'Calendar of' });
    await picker.waitFor({ timeout: 1000 });

    // A teacher's calendar: who observes her, no content, no link.
    await picker.fill('Michelle');
    await page.getByRole('table').waitFor();
    await page.unroute('**/api/calendar?*');
    await page.getByRole('option', { name: 'Michelle Reyes' }).click();
    await page.waitForURL(/person=/);
    const observed = page.getByRole('button', { name: /^Observation: .* Observation with / }).first();
    await observed.waitFor();
    await observed.click();
    await page.getByRole('dialog').getByText('Details are not shared on this calendar.').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'calendar-desktop-teacher-seen-by-principal');

    // Subscribe: the address is shown once and serves iCalendar.
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('button', { name: 'Create subscription address' }).click();
    const address = await page.getByRole('textbox', { name: 'Your subscription address' }).inputValue();
    expect(address).toMatch(/\/api\/calendar\/feed\/[\w-]+\.ics$/);
    const feed = await page.request.get(address);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*END:VCALENDAR/);
    await expectNoAxeViolations(page, 'calendar subscribe');
    await screenshot(page, 'calendar-subscribe');
    await page.getByRole('button', { name: 'Stop the subscription' }).click();
    await page.getByText('The subscription address no longer works.').waitFor();
    expect((await page.request.get(address)).status()).toBe(404);
    await page.context().close();
  });

  it('teacher on a phone: an agenda of the month', async () => {
    const page = await newPage(browser, { phone: true });
    await signInAs(page, DEMO.teacher);
    await page.goto('/calendar');
    await heading(page, 'Calendar').waitFor();
    await events(page).first().waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expect(page.getByRole('combobox', { name: 'Calendar of' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'calendar agenda on a phone');
    await expectNoSidewaysScroll(page, 'calendar agenda on a phone');
    await screenshot(page, 'calendar-phone-teacher');
    // The next month: its own heading, then its events or, when nothing falls in it (the demo
    // schedules two weeks ahead), the empty message, never the month before still on screen.
    const next = new Date();
    next.setDate(1);
    next.setMonth(next.getMonth() + 1);
    const label = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'America/New_York' }).format(next);
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.waitForURL(/month=/);
    await page.getByRole('heading', { name: label }).waitFor();
    await events(page).first().or(page.getByText('Nothing scheduled this month.')).waitFor();
    await screenshot(page, 'calendar-phone-teacher-next-month');
    await page.context().close();
  });
});
