// Journey: the principal opens the school tracker, sorts it, filters to teachers below proficient on
// a competency, exports CSV and opens a teacher (competency profile); HR opens the district view and a
// school from it; the teacher's home page shows their growth; the same pages on a phone. axe on every page.
// Relies on the demo district (server/seed/seed-observations.ts) but asserts only what any term shows.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectNoAxeViolations, expectNoSidewaysScroll, heading, launchBrowser, newPage, screenshot, signInAs } from './browser.ts';

let browser: Browser;
/** Waits for a value the page shows after a request (vitest's default poll gives up after 1 s). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** From /tracker to a school tracker: straight there for one school, else the first school of the picker. */
async function openSchoolTracker(page: Page) {
  await page.goto('/tracker');
  // One school: straight there; several: the picker lists them.
  await poll(() => page.getByText(/\d+ of \d+ teachers|Choose a school/).count()).toBeGreaterThan(0);
  if (!/\/tracker\/schools\//.test(page.url())) await page.getByRole('list').getByRole('link').first().click();
  await poll(() => page.url()).toMatch(/\/tracker\/schools\/[0-9a-f-]+/);
  await poll(() => page.getByText(/\d+ of \d+ teachers/).count()).toBe(1);
}

describe('school tracker', () => {
  let page: Page;
  let table: ReturnType<Page['getByRole']>;

  it('the principal opens the tracker and sorts it', async () => {
    page = await newPage(browser);
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await signInAs(page, DEMO.principal);
    await openSchoolTracker(page);
    table = page.getByRole('region', { name: 'Teachers and their latest levels' });
    await poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'tracker-school');
    await expectNoAxeViolations(page, 'school tracker');
    // Sort by last observation, then descending.
    const header = page.getByRole('columnheader', { name: /Last observation/ });
    await header.getByRole('button').click();
    await poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('button').click();
    await poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(page.url()).toContain('sort=-lastObservedOn');
  });

  it('filters to teachers below proficient on a competency and exports CSV', async () => {
    await page.getByLabel('Below proficient on', { exact: true }).first().click();
    await page.getByRole('option').nth(1).click();
    await poll(() => page.url()).toContain('belowProficient=');
    await poll(() => page.getByText(/\d+ of \d+ teachers/).count()).toBe(1);
    await screenshot(page, 'tracker-school-below');
    // Export CSV: a download with the header row and the same filters.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^tracker-.+\.csv$/);
    const text = fs.readFileSync((await file.path())!, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^name,role,/);
  });

  it('filters by flag, clears the filters and opens a teacher with their competency profile', async () => {
    await page.getByRole('checkbox', { name: 'Missing observations' }).click();
    await poll(() => page.url()).toContain('flags=missing');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await poll(() => page.url()).not.toContain('flags=');
    // Wait for the unfiltered rows ("18 of 18 teachers") before picking one, so the link read is the one clicked.
    await poll(async () => {
      const m = /(\d+) of (\d+) teachers/.exec((await page.getByText(/\d+ of \d+ teachers/).textContent()) ?? '');
      return m !== null && m[1] === m[2];
    }).toBe(true);
    const first = table.getByRole('rowheader').first().getByRole('link');
    const name = (await first.textContent())!.trim();
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await poll(() => new URL(page.url()).pathname).toBe(href);
    await poll(() => heading(page, name).count()).toBe(1);
    await poll(() => page.getByRole('heading', { name: 'Competency profile' }).count()).toBe(1);
    await screenshot(page, 'tracker-person-profile');
    await expectNoAxeViolations(page, 'person page with competency profile');
    const tableToggle = page.getByText('Table', { exact: true });
    if (await tableToggle.count()) {
      await tableToggle.click();
      await poll(() => page.getByRole('table').filter({ hasText: 'Source' }).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'competency profile table');
    }
    await page.context().close();
  });

  it('HR opens the district view and a school from it', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.hr);
    await page.goto('/tracker');
    await page.getByRole('link', { name: 'District view: every school' }).click();
    await poll(() => heading(page, 'District view').count()).toBe(1);
    // The first read queues the refresh; the page polls until every school is computed.
    await poll(() => page.getByText(/Updating \d+ schools/).count()).toBe(0);
    const region = page.getByRole('region', { name: 'Schools' });
    await poll(() => region.getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, 'tracker-district');
    await expectNoAxeViolations(page, 'district view');
    await region.getByRole('rowheader').first().getByRole('link').click();
    await poll(() => page.url()).toMatch(/\/tracker\/schools\//);
    await poll(() => page.getByText(/\d+ of \d+ teachers/).count()).toBe(1);
    await page.context().close();
  });

  it('shows the teacher their growth on the home page', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.teacher);
    await page.goto('/');
    await poll(() => page.getByRole('region', { name: /My recent observations|My action steps|My coaching/ }).count()).toBeGreaterThan(0);
    await screenshot(page, 'tracker-home-teacher');
    await expectNoAxeViolations(page, 'teacher home with growth widgets');
    await page.context().close();
  });

  it('works on a phone: cards instead of the table, no sideways scroll', async () => {
    const page = await newPage(browser, { phone: true });
    await signInAs(page, DEMO.principal);
    await openSchoolTracker(page);
    await poll(() => page.getByRole('listitem').count()).toBeGreaterThan(0);
    await screenshot(page, 'tracker-school-phone');
    await expectNoAxeViolations(page, 'school tracker on a phone');
    await expectNoSidewaysScroll(page, 'school tracker on a phone');
    await page.goto('/');
    await poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await screenshot(page, 'tracker-home-principal-phone');
    await expectNoAxeViolations(page, 'principal home on a phone');
    await expectNoSidewaysScroll(page, 'principal home on a phone');
    await page.context().close();
  });

  it('shows the district view as cards on a phone', async () => {
    const hr = await newPage(browser, { phone: true });
    await signInAs(hr, DEMO.hr);
    await hr.goto('/tracker/district');
    await poll(() => heading(hr, 'District view').count()).toBe(1);
    await poll(() => hr.getByText(/Updating \d+ schools/).count()).toBe(0);
    await screenshot(hr, 'tracker-district-phone');
    await expectNoAxeViolations(hr, 'district view on a phone');
    await expectNoSidewaysScroll(hr, 'district view on a phone');
    await hr.context().close();
  });
});
