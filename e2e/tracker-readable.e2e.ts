// Journey: the tracker read as a principal does, at 1280 px (all nine competencies without scrolling
// sideways) and 390 px in English and Spanish (a Spanish browser stays Spanish after signing in); the coach's views carry no "missing observations"
// signal; /login signs in and goes home; the person page hides empty fields and charts over the
// scale's levels; a teacher tells two action steps of one title apart. axe on every page.
// Relies on the demo district (server/seed/seed-observations.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  DEMO_PASSWORD,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  fillSignIn,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';

let browser: Browser;
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the first school tracker the signed-in person may open and waits for its rows. */
async function openSchoolTracker(page: Page, counted: RegExp) {
  await page.goto('/tracker');
  await poll(
    async () => (await page.getByText(counted).count()) + (await page.getByRole('main').getByRole('list').getByRole('link').count()),
  ).toBeGreaterThan(0);
  if (!/\/tracker\/schools\//.test(page.url())) await page.getByRole('main').getByRole('list').getByRole('link').first().click();
  await poll(() => page.getByText(counted).count()).toBe(1);
}

/** Text that a badge or cell clips: wider content than its box, or a box wider than the viewport. */
async function clipped(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll(sel)]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > width + 1)
      .map((el) => (el.textContent ?? '').trim());
  }, selector);
}

/**
 * All nine competency columns of the demo rubric, and the columns before them, fit at 1280 px: each
 * header lies within the viewport and the table does not scroll sideways. No header runs into the next.
 */
async function expectEveryCompetencyOnScreen(page: Page, tableLabel: string) {
  const region = page.getByRole('region', { name: tableLabel });
  const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth, 'the table scrolls sideways').toBeLessThanOrEqual(clientWidth);
  const viewport = page.viewportSize()!.width;
  const competencies = region.locator('th button[aria-describedby]');
  expect(await competencies.count()).toBe(9);
  for (const header of await competencies.all()) {
    const box = (await header.boundingBox())!;
    expect(box.x, await header.innerText()).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, await header.innerText()).toBeLessThanOrEqual(viewport);
  }
  // Each header's text stays inside its own cell (a long word would run into the next header).
  const overflowing = await region.evaluate((el) =>
    [...el.querySelectorAll('th[scope=col]')]
      .filter((th) => th.scrollWidth > th.clientWidth + 1)
      .map((th) => (th as HTMLElement).innerText),
  );
  expect(overflowing).toEqual([]);
}

describe('the tracker, readable', () => {
  it('at 1280 px puts what a principal scans first beside the names, with named competency headers', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.principal);
    await openSchoolTracker(page, /\d+ of \d+ teachers/);
    const table = page.getByRole('region', { name: 'Teachers and their latest levels' });
    // Header texts without the sort arrow and its spoken direction.
    const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) =>
      h
        .replace(/\s+/g, ' ')
        .replace(/ [▲▼] (ascending|descending)$/, '')
        .trim(),
    );
    expect(headers.slice(0, 4)).toEqual(['Teacher', 'Feedback', 'Last observation', 'Scored this term']);
    // Competency headers: the code on screen, code and short name as the sort button's name, the
    // short name and full statement as its description (and tooltip).
    const competency = table.getByRole('columnheader').nth(4).getByRole('button');
    expect(await competency.locator('strong').innerText()).toMatch(/^\S+$/);
    expect(
      await table
        .getByRole('columnheader')
        .nth(4)
        .getByRole('button', { name: /^\S+ \p{L}+ \p{L}+/u })
        .count(),
    ).toBe(1);
    const description = await competency.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
    );
    expect(description.length).toBeGreaterThan(20);
    // Keyboard focus shows the same statement as a tooltip.
    await competency.focus();
    await poll(() => page.getByRole('tooltip').filter({ hasText: description }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await competency.blur();
    // The first columns are on screen without scrolling sideways.
    const viewport = page.viewportSize()!.width;
    for (const name of ['Feedback', 'Last observation', 'Scored this term']) {
      const box = (await table.getByRole('columnheader', { name, exact: true }).boundingBox())!;
      expect(box.x + box.width, name).toBeLessThanOrEqual(viewport);
    }
    await expectEveryCompetencyOnScreen(page, 'Teachers and their latest levels');
    await screenshot(page, 'tracker-readable-en-1280');
    await expectNoAxeViolations(page, 'school tracker at 1280 px');
    await expectNoSidewaysScroll(page, 'school tracker at 1280 px');
    await page.context().close();
  });

  it('keeps a Spanish browser in Spanish after signing in, and reads at 1280 px', async () => {
    const page = await newPage(browser, { locale: 'es-ES' });
    await page.goto('/');
    await poll(() => page.getByRole('button', { name: 'Iniciar sesión' }).count()).toBe(1);
    await fillSignIn(page, DEMO.principal, DEMO_PASSWORD);
    await page.getByRole('button', { name: /menú de la cuenta de/i }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await openSchoolTracker(page, /\d+ de \d+ docentes/);
    await poll(() => page.getByRole('region', { name: 'Docentes y sus últimos niveles' }).getByRole('row').count()).toBeGreaterThan(1);
    expect(await clipped(page, '.mantine-Badge-label')).toEqual([]);
    await expectEveryCompetencyOnScreen(page, 'Docentes y sus últimos niveles');
    await screenshot(page, 'tracker-readable-es-1280');
    await expectNoAxeViolations(page, 'school tracker in Spanish at 1280 px');
    await expectNoSidewaysScroll(page, 'school tracker in Spanish at 1280 px');
    await page.context().close();
  });

  for (const locale of ['en-US', 'es-ES']) {
    it(`on a phone (${locale}): cards that do not overlap, badges and text not cut off`, async () => {
      const page = await newPage(browser, { phone: true, locale });
      await signInAs(page, DEMO.principal);
      await openSchoolTracker(page, /\d+ (of|de) \d+ (teachers|docentes)/);
      const cards = page.locator('main li.mantine-Card-root');
      await poll(() => cards.count()).toBeGreaterThan(1);
      const boxes = await cards.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]!.top, `card ${i} starts below card ${i - 1}`).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom);
      // Nothing inside a card reaches past its edge.
      const outside = await cards.evaluateAll((els) =>
        els.flatMap((card) => {
          const box = card.getBoundingClientRect();
          return [...card.querySelectorAll('*')]
            .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > box.right + 1)
            .map((el) => (el.textContent ?? '').trim().slice(0, 40));
        }),
      );
      expect(outside).toEqual([]);
      expect(await clipped(page, 'main .mantine-Badge-label')).toEqual([]);
      await screenshot(page, `tracker-readable-${locale.slice(0, 2)}-390`);
      await expectNoAxeViolations(page, `school tracker on a phone (${locale})`);
      await expectNoSidewaysScroll(page, `school tracker on a phone (${locale})`);
      await page.context().close();
    });
  }
});

describe('the coaching/evaluation firewall', () => {
  it('shows a coach no "missing observations", on their home page or their tracker', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.coach);
    const growth = page.waitForResponse((r) => r.url().includes('/api/home/growth'));
    await page.goto('/');
    await growth;
    await poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Missing scored observations' }).count()).toBe(0);
    await openSchoolTracker(page, /\d+ of \d+ teachers/);
    expect(await page.getByRole('checkbox', { name: 'Missing observations' }).count()).toBe(0);
    expect(await page.getByText('Missing observations', { exact: true }).count()).toBe(0);
    await screenshot(page, 'tracker-coach');
    await page.context().close();
  });
});

describe('smaller things seen on screenshots', () => {
  it('/login opens sign-in and leads home after signing in, not to "Page not found"', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await fillSignIn(page, DEMO.principal, DEMO_PASSWORD);
    await poll(() => new URL(page.url()).pathname).toBe('/');
    await poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByText('Page not found').count()).toBe(0);
    // A return path off the app goes home too.
    await page.goto('/sign-in?next=%2F%5Cevil.example');
    await poll(() => new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).host).toBe(new URL(await page.evaluate(() => location.href)).host);
    await page.context().close();
  });

  it('the person page shows no empty fields and charts a 1-4 scale over 1 to 4', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.principal);
    await openSchoolTracker(page, /\d+ of \d+ teachers/);
    await page.getByRole('region', { name: 'Teachers and their latest levels' }).getByRole('rowheader').first().getByRole('link').click();
    await poll(() => page.getByRole('heading', { name: 'Competency profile' }).count()).toBe(1);
    // The details list: no "Middle name None" (the role table's open end date still reads "None").
    expect(await page.locator('dd', { hasText: /^None$/ }).count()).toBe(0);
    expect(await page.locator('dt', { hasText: 'Middle name' }).count()).toBe(0);
    const ticks = page.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await poll(() => ticks.count()).toBeGreaterThan(0);
    const values = [...new Set(await ticks.allTextContents())].map(Number);
    expect(values.every(Number.isInteger), `y ticks ${values.join(', ')}`).toBe(true);
    expect(Math.min(...values)).toBe(1);
    expect(Math.max(...values)).toBe(4);
    await screenshot(page, 'person-profile-axes');
    await expectNoAxeViolations(page, 'person page with charts');
    await page.context().close();
  });

  it("tells a teacher's action steps apart: when and in which observation each was agreed", async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.teacher);
    type Step = { id: string; title: string; observationId: string | null };
    type Obs = { id: string; actionSteps: Step[]; openActionSteps: Step[]; actionStepChecks: { actionStepId: string }[] };
    const list = (await (await page.request.get('/api/observations?mine=received&status=published&limit=50')).json()) as {
      items: { id: string }[];
    };
    let found: { obs: Obs; checked: Step } | null = null;
    for (const item of list.items) {
      const obs = (await (await page.request.get(`/api/observations/${item.id}`)).json()) as Obs;
      const checked = obs.openActionSteps.find(
        (s) => s.observationId !== obs.id && obs.actionStepChecks.some((c) => c.actionStepId === s.id),
      );
      // One that also agreed a step of its own, so both origins show side by side.
      if (checked && obs.actionSteps.some((s) => s.observationId === obs.id)) {
        found = { obs, checked };
        break;
      }
    }
    expect(found, 'a published observation that checks a step agreed earlier and agrees one of its own').not.toBeNull();
    await page.goto(`/observations/${found!.obs.id}`);
    const checks = page
      .getByRole('listitem')
      .filter({ hasText: found!.checked.title })
      .filter({ hasText: /Agreed .+ · in an earlier observation/ });
    await poll(() => checks.count()).toBeGreaterThan(0);
    await poll(() => page.getByText(/Agreed .+ · in this observation/).count()).toBeGreaterThan(0);
    await screenshot(page, 'observation-steps-teacher');
    await expectNoAxeViolations(page, 'observation with action steps (teacher)');
    await page.context().close();
  });
});
