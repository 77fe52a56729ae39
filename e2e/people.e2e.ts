// Journey 3: HR finds a teacher in the directory, reads their role history, edits their phone, and
// meets a concurrent edit by an admin (the conflict shows both values); then the same search by keyboard only.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectNoAxeViolations, heading, launchBrowser, newPage, openFromNav, searchPeople, signInAs } from './browser.ts';

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const results = (page: Page) => page.getByRole('table', { name: 'Staff members' });
const phoneInput = (page: Page) => page.getByRole('textbox', { name: 'Phone' });
/** The edit form's Save (the access section below it has a Save of its own for admins). */
const saveButton = (page: Page) => page.getByRole('form', { name: 'Edit details' }).getByRole('button', { name: 'Save', exact: true });

/** The value shown for a field in the person's details (the definition list under "Details"). */
async function detail(page: Page, field: string): Promise<string> {
  const details = page.getByRole('heading', { name: 'Details', exact: true }).locator('xpath=following-sibling::dl[1]');
  const term = details.getByRole('term').filter({ hasText: new RegExp(`^${field}$`) });
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** Saves the edit form and waits for the PATCH answer. */
async function save(page: Page): Promise<number> {
  const answered = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/people/'));
  await saveButton(page).click();
  return (await answered).status();
}

/** Describes the focused element, e.g. "INPUT search Search" or "A link Reyes, Michelle". */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName} ${el.getAttribute('type') ?? ''} ${el.getAttribute('aria-label') ?? el.innerText ?? ''}`.trim() : '';
  });

/**
 * True when the focused element draws a focus indicator: an outline or box-shadow ring, or (Mantine
 * inputs) a border of another colour than an unfocused input's.
 */
const focusVisible = (page: Page) =>
  page.evaluate(async () => {
    const el = document.activeElement;
    if (!el) return false;
    // Mantine eases the border colour in: read the style once that transition has finished.
    await Promise.all(el.getAnimations().map((animation) => animation.finished));
    const style = getComputedStyle(el);
    if ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none') return true;
    const other = [...document.querySelectorAll('input, select')].find((input) => input !== el);
    return !!other && getComputedStyle(other).borderTopColor !== style.borderTopColor;
  });

/** Presses Tab until `target` has the focus (at most `max` times); returns how many it took. */
async function tabTo(page: Page, target: Locator, max = 25): Promise<number> {
  const handle = await target.elementHandle();
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el) => document.activeElement === el, handle)) return presses;
  }
  throw new Error(`Tab never reached the element (focus is on "${await focused(page)}")`);
}

let browser: Browser;
let hr: Page;
let personUrl = '';
beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  await signInAs(hr, DEMO.hr);
});
afterAll(async () => {
  await browser?.close();
});

describe('people directory and person page (HR)', () => {
  it('finds a teacher by family name and shows their roles and role history', async () => {
    await openFromNav(hr, 'People');
    await heading(hr, 'People').waitFor();
    await results(hr).waitFor();
    expect(await searchPeople(hr, 'Reyes')).toBe(1);
    const link = results(hr).getByRole('link', { name: 'Reyes, Michelle' });
    await link.waitFor();
    await link.click();

    await heading(hr, 'Michelle Reyes').waitFor();
    personUrl = new URL(hr.url()).pathname;
    await hr.getByText('Teacher · Palm Grove Elementary').waitFor();
    expect(await detail(hr, 'E-mail')).toBe('teacher@sunshine.example');
    const current = hr.getByRole('list', { name: 'Current roles' });
    expect(await current.innerText()).toContain('Teacher (primary)');
    const history = hr.getByRole('table', { name: 'All role assignments, including ended ones' });
    expect(await history.getByRole('columnheader').allTextContents()).toEqual([
      'Role',
      'School or department',
      'Start date',
      'End date',
      'Status',
      'Actions',
    ]);
    const teacherRow = history.getByRole('row').filter({ hasText: 'Palm Grove Elementary' });
    // The demo seed starts every role on August 1 of a year it draws; the year is not the point here.
    const cells = (await teacherRow.getByRole('cell').allTextContents()).slice(0, 5);
    expect(cells[2]).toMatch(/^Aug 1, 20\d\d$/);
    expect([...cells.slice(0, 2), ...cells.slice(3)]).toEqual(['Teacher (primary)', 'Palm Grove Elementary', 'None', 'Current']);
    await hr.getByRole('heading', { name: 'Change history' }).waitFor();
    await expectNoAxeViolations(hr, 'person page (HR)');
  });

  it('edits the phone number and records the change', async () => {
    await hr.getByRole('button', { name: 'Edit', exact: true }).click();
    await hr.getByRole('heading', { name: 'Edit details' }).waitFor();
    await expectNoAxeViolations(hr, 'person edit form');
    await phoneInput(hr).fill('+1 305 555 0101');
    expect(await save(hr)).toBe(200);
    await hr.getByText('The changes were saved.').waitFor();
    await hr.getByRole('heading', { name: 'Details', exact: true }).waitFor();
    expect(await detail(hr, 'Phone')).toBe('+1 305 555 0101');
    // The change history names who changed what.
    const changes = hr.getByRole('table', { name: 'Changes to this person, newest first' });
    const edit = changes.getByRole('row').filter({ hasText: 'Person edited' }).first();
    await edit.waitFor();
    expect(await edit.innerText()).toContain('Rafael Ortega');
    expect(await edit.innerText()).toContain('+1 305 555 0101');
  });

  it('shows the conflict with the current values when someone else saved first', async () => {
    // HR starts editing from the current version...
    await hr.getByRole('button', { name: 'Edit', exact: true }).click();
    await phoneInput(hr).waitFor();
    expect(await phoneInput(hr).inputValue()).toBe('+1 305 555 0101');

    // ...while the district admin, in another browser, saves a different phone number.
    const admin = await newPage(browser);
    await signInAs(admin, DEMO.admin);
    await admin.goto(personUrl);
    await heading(admin, 'Michelle Reyes').waitFor();
    await admin.getByRole('button', { name: 'Edit', exact: true }).click();
    await phoneInput(admin).fill('+1 305 555 0202');
    expect(await save(admin)).toBe(200);
    await admin.getByText('The changes were saved.').waitFor();
    await admin.context().close();

    // HR's save is stale: nothing is overwritten, and both values are shown.
    await phoneInput(hr).fill('+1 305 555 0303');
    expect(await save(hr)).toBe(409);
    const conflict = hr.getByRole('alert').filter({ hasText: 'Someone else changed this' });
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Your changes were not saved.');
    const compare = conflict.getByRole('table', { name: 'Your values and the current values' });
    expect(await compare.getByRole('columnheader').allTextContents()).toEqual(['Field', 'Your value', 'Current value']);
    const phoneRow = compare.getByRole('row').filter({ has: hr.getByRole('rowheader', { name: 'Phone' }) });
    expect(await phoneRow.getByRole('cell').allTextContents()).toEqual(['+1 305 555 0303', '+1 305 555 0202']);
    await expectNoAxeViolations(hr, 'person edit conflict');

    // Loading the current values puts the admin's number in the form; saving again then works.
    await conflict.getByRole('button', { name: 'Load the current values' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await phoneInput(hr).inputValue()).toBe('+1 305 555 0202');
    await phoneInput(hr).fill('+1 305 555 0303');
    expect(await save(hr)).toBe(200);
    await hr.getByRole('heading', { name: 'Details', exact: true }).waitFor();
    expect(await detail(hr, 'Phone')).toBe('+1 305 555 0303');
  });
});

describe('keyboard only', () => {
  it('skips to the content, searches, and opens a person with Tab and Enter', async () => {
    const page = await newPage(browser);
    await signInAs(page, DEMO.hr);
    await page.goto('/people');
    await heading(page, 'People').waitFor();
    await results(page).waitFor();

    // The first Tab offers the skip link; Enter moves past the header and the navigation.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    // HR passes the page's two header actions (evaluators, add a person) and lands on the search.
    const presses = await tabTo(page, searchBox(page), 4);
    expect(presses, 'Tab presses from the main content to the search box').toBeLessThanOrEqual(3);
    expect(await focusVisible(page), 'the search box shows it has the focus').toBe(true);

    await searchPeople(page, 'Reyes', (text) => page.keyboard.type(text));
    const first = results(page).getByRole('link').first();
    await first.waitFor();
    expect(await first.innerText()).toBe('Reyes, Michelle');
    await tabTo(page, first, 10);
    expect(await focusVisible(page), 'the result link shows it has the focus').toBe(true);
    await page.keyboard.press('Enter');

    await heading(page, 'Michelle Reyes').waitFor();
    // After the page change the focus is at the start of the new page's content, not lost.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.context().close();
  });
});
