// Journey 2: a district admin imports a OneRoster set through the wizard (choose -> review -> apply
// -> result) and finds an imported person; a file with errors is reported by line and cannot be applied.
//
// Runs on its own Trellis (importBaseURL): applying a bulk OneRoster set deactivates every roster row
// it does not list, which is the whole demo staff, and the other journeys need them.
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasOneRosterSamples, ONEROSTER_SAMPLES, withSamples } from '../server/test/oneroster-samples.ts';
import { quirkyOneRoster12, zipOf } from '../server/test/roster-fixtures.ts';
import {
  DEMO,
  expectNoAxeViolations,
  expectNoCutOffText,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  openFromNav,
  screenshot,
  searchPeople,
  signInAs,
  waitForTrellis,
} from './browser.ts';

/** Our own OneRoster 1.2 set with real exports' quirks (CRLF, header typos, students, passwords). */
const OUR_ZIP = { name: 'our-set.zip', mimeType: 'application/zip', buffer: zipOf(quirkyOneRoster12()) };

const fileInput = (page: Page) => page.getByLabel('Roster files');
const uploadButton = (page: Page) => page.getByRole('button', { name: 'Upload and check' });
const applyButton = (page: Page) => page.getByRole('button', { name: 'Apply the import' });
const currentStep = (page: Page) => page.getByRole('list', { name: 'Import steps' }).locator('[aria-current="step"]');

/** The texts of a table's data cells in the row headed `row` (e.g. "People"). */
async function rowCells(table: Locator, row: string): Promise<string[]> {
  const tr = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: row, exact: true }) });
  return cellTexts(tr);
}

/** A row's data cells as read aloud (textContent: badges are upper-cased only by CSS). */
async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
}

/** The dry-run or result counts table, by its caption. */
const countsTable = (page: Page, caption: string) => page.getByRole('table', { name: caption });
const COLUMNS = ['New', 'Updated', 'Deactivated', 'Unchanged', 'Errors'];

let browser: Browser;
let page: Page;
let phone: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  await waitForTrellis(inject('importBaseURL'));
  page = await newPage(browser, { baseURL: inject('importBaseURL') });
  await signInAs(page, DEMO.admin);
  phone = await newPage(browser, { baseURL: inject('importBaseURL'), phone: true });
  await signInAs(phone, DEMO.admin);
});

/** The same wizard page on a phone: readable without sideways scrolling, axe-clean, photographed. */
async function onPhone(name: string, ready: (page: Page) => Promise<unknown>) {
  await phone.goto(new URL(page.url()).pathname);
  await ready(phone);
  await expectNoAxeViolations(phone, `${name} (phone)`, { soft: true });
  await expectNoSidewaysScroll(phone, `${name} (phone)`);
  await expectNoCutOffText(phone, `${name} (phone)`);
  await screenshot(phone, `phone-${name}`);
}
afterAll(async () => {
  await browser?.close();
});

describe('roster import wizard', () => {
  it('imports a OneRoster 1.2 set: dry run, apply with progress, result, then the person is in the directory', async () => {
    await openFromNav(page, 'Import roster');
    await heading(page, 'Import roster').waitFor();
    expect(await currentStep(page).innerText()).toContain('Choose files');
    await page.getByText('No roster has been imported yet.').waitFor();
    await expectNoAxeViolations(page, 'import step 1 (choose files)');

    await fileInput(page).setInputFiles(OUR_ZIP);
    await page.getByText('1 file chosen').waitFor();
    expect(await page.getByRole('list', { name: '1 file chosen' }).innerText()).toContain('our-set.zip');
    await expectNoAxeViolations(page, 'import step 1 with a file chosen');
    await screenshot(page, 'desktop-40-import-file-chosen');

    await uploadButton(page).click();
    await heading(page, 'Review the changes').waitFor();
    expect(await currentStep(page).innerText()).toContain('Review');
    await page.getByText('This is a dry run of our-set.zip: nothing has been changed yet.').waitFor();

    const dryRun = countsTable(page, 'What the import would change');
    expect(await dryRun.getByRole('columnheader').allInnerTexts()).toEqual(['Records', ...COLUMNS]);
    const people = await rowCells(dryRun, 'People');
    expect(people[0], 'people to create').toBe('3');
    expect(people[4], 'people with errors').toBe('0');
    expect((await rowCells(dryRun, 'Schools and departments'))[0]).toBe('1');
    expect((await rowCells(dryRun, 'Roles'))[0]).toBe('3');
    // Students, guardians and the files Trellis does not read are counted, not reported as errors.
    await page.getByText(/Ignored because they are not staff: 3 users and 4 roles\./).waitFor();

    // The set's department names a parent organisation that is not in the set.
    await page.getByRole('heading', { name: 'Problems found' }).waitFor();
    const issues = page.getByRole('table', { name: 'Problems found in the files' });
    const warning = issues.getByRole('row').filter({ hasText: 'org-missing-parent' });
    expect(await cellTexts(warning)).toEqual([
      'orgs.csv',
      '2',
      'Warning',
      'The parent organization "org-missing-parent" of "org-science" is not in the file; "org-science" is imported without a parent.',
    ]);
    // The set is not this district's roster: the admin is warned before deactivating nearly everyone,
    // the schools as well as the people.
    // Everyone but the two people an admin granted access to (HR, the admin), who imports never deactivate.
    const massWarning = await issues.getByText(/would deactivate \d+ of the \d+ people/).innerText();
    const [, deactivated, districtPeople] = /would deactivate (\d+) of the (\d+) people/.exec(massWarning)!;
    expect(Number(districtPeople) - Number(deactivated)).toBe(2);
    expect(Number(districtPeople)).toBeGreaterThan(300);
    await issues.getByText(/would deactivate \d+ of the \d+ schools and departments/).waitFor();
    expect(await applyButton(page).isEnabled()).toBe(true);
    await expectNoAxeViolations(page, 'import step 2 (review)');
    await expectNoCutOffText(page, 'import step 2 (review)');
    await screenshot(page, 'desktop-41-import-review');
    await onPhone('41-import-review', (p) => p.getByRole('heading', { name: 'Problems found' }).waitFor());

    // Hold the progress polls until step 3 has been checked, so the short run can be looked at.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const importUrl = /\/api\/imports\/[0-9a-f-]{36}$/;
    await page.route(importUrl, async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.fallback();
    });
    const applied = page.waitForResponse((r) => r.url().endsWith('/apply') && r.request().method() === 'POST');
    await applyButton(page).click();
    expect((await applied).status()).toBe(202);
    await heading(page, 'Applying the import').waitFor();
    expect(await currentStep(page).innerText()).toContain('Apply');
    await page.getByRole('status').filter({ hasText: 'Applying the import…' }).waitFor();
    // At 0% the bar's filled section has no width: it is there for screen readers, with its value.
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor({ state: 'attached' });
    expect(await progress.getAttribute('aria-valuetext')).toMatch(/^\d+%$/);
    await page.getByText(/^\d+ of \d+ changes written \(\d+%\)$/).waitFor();
    await expectNoAxeViolations(page, 'import step 3 (applying)');
    await screenshot(page, 'desktop-42-import-applying');
    release();
    await page.unroute(importUrl);

    await heading(page, 'Import result').waitFor();
    expect(await currentStep(page).innerText()).toContain('Result');
    await page.getByRole('status').filter({ hasText: 'The import was applied' }).waitFor();
    const result = countsTable(page, 'What the import changed');
    expect((await rowCells(result, 'People'))[0]).toBe('3');
    await expectNoAxeViolations(page, 'import step 4 (result)');
    await screenshot(page, 'desktop-43-import-result');
    await onPhone('43-import-result', (p) => p.getByRole('table', { name: 'What the import changed' }).waitFor());

    await page.getByRole('link', { name: 'Go to the people directory' }).click();
    await heading(page, 'People').waitFor();
    expect(await searchPeople(page, 'Samuel Okafor')).toBe(1);
    const results = page.getByRole('table', { name: 'Staff members' });
    // The directory lists people by family name and preferred name: Samuel goes by "Sam".
    const samuel = results.getByRole('link', { name: 'Okafor, Sam' });
    await samuel.waitFor();
    await samuel.click();
    await heading(page, 'Sam Okafor').waitFor();
    const details = page.getByRole('definition');
    expect(await details.allInnerTexts()).toContain('Samuel');
    expect(await details.allInnerTexts()).toContain('samuel.okafor@example.org');
    // His one role ended in 2025: it is in the role history, not among the current roles.
    await page.getByText('No current role.').waitFor();
    const history = page.getByRole('table', { name: 'All role assignments, including ended ones' });
    expect(await history.getByRole('row').nth(1).innerText()).toMatch(/School administrator\s+Science Department/);
    await screenshot(page, 'desktop-44-imported-person');

    // The import is listed among past imports, as applied.
    await openFromNav(page, 'Import roster');
    const past = page.getByRole('table', { name: 'Earlier imports, newest first' });
    await past.getByRole('row').filter({ hasText: 'our-set.zip' }).filter({ hasText: 'Applied' }).waitFor();
  });

  it('reports a file with an unknown role by line, and keeps Apply disabled', async () => {
    await page.goto('/import');
    await heading(page, 'Import roster').waitFor();
    const users = [
      'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName',
      'u-ann,active,2024-01-01,true,org-sch-222-456,teacher,ann.able,Ann,Able',
      'u-bo,active,2024-01-01,true,org-sch-222-456,wizard,bo.baker,Bo,Baker',
    ].join('\n');
    await fileInput(page).setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(`${users}\n`) });
    await page.getByText('1 file chosen').waitFor();
    await uploadButton(page).click();
    await heading(page, 'Review the changes').waitFor();

    const issues = page.getByRole('table', { name: 'Problems found in the files' });
    const error = issues.getByRole('row').filter({ hasText: 'Unknown role "wizard".' });
    expect(await cellTexts(error)).toEqual(['users.csv', '3', 'Error', 'Unknown role "wizard".']);
    const errorCount =
      Number((await rowCells(countsTable(page, 'What the import would change'), 'Roles'))[4]) +
      Number((await rowCells(countsTable(page, 'What the import would change'), 'People'))[4]);
    expect(errorCount).toBeGreaterThan(0);

    // Apply stays focusable (so its reason can be read) but is disabled and says why.
    const apply = applyButton(page);
    expect(await apply.getAttribute('aria-disabled')).toBe('true');
    expect(await apply.isDisabled()).toBe(true);
    const reasonId = await apply.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${reasonId}"]`).innerText()).toMatch(
      /^The import can't be applied: \d+ errors? must be fixed in the files first\./,
    );
    const applyRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/apply')) applyRequests.push(request.url());
    });
    await apply.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(applyRequests).toEqual([]);
    await expectNoAxeViolations(page, 'import step 2 with errors');
    await screenshot(page, 'desktop-45-import-review-errors');
    await onPhone('45-import-review-errors', (p) => p.getByRole('button', { name: 'Apply the import' }).waitFor());

    // Discarding leaves nothing behind and says so.
    await page.getByRole('button', { name: 'Discard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Discard this import?' });
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('status').filter({ hasText: 'The import was discarded' }).waitFor();
    expect(applyRequests).toEqual([]);
  });

  it('explains a file it cannot read before any dry run', async () => {
    await page.goto('/import');
    await heading(page, 'Import roster').waitFor();
    await fileInput(page).setInputFiles({ name: 'roster.zip', mimeType: 'application/zip', buffer: Buffer.from('this is not a zip') });
    await uploadButton(page).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The files could not be read' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('roster.zip is not a valid zip file.');
    expect(await fileInput(page).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'import step 1 with an unreadable file');
    await screenshot(page, 'desktop-46-import-unreadable-file');
  });

  // Read in place (GPL sample set from another project: never copied into this repository).
  it.skipIf(!hasOneRosterSamples)(withSamples('reads the real OneRoster 1.2 sample in a dry run'), async () => {
    await page.goto('/import');
    await heading(page, 'Import roster').waitFor();
    await fileInput(page).setInputFiles(path.join(ONEROSTER_SAMPLES, 'v1p2_full_dataset.zip'));
    await uploadButton(page).click();
    await heading(page, 'Review the changes').waitFor();
    const dryRun = countsTable(page, 'What the import would change');
    expect((await rowCells(dryRun, 'People'))[0], 'people to create').toBe('3');
    expect((await rowCells(dryRun, 'People'))[4], 'people with errors').toBe('0');
    await page.getByText(/Ignored because they are not staff: 3 users and 4 roles\./).waitFor();
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('dialog', { name: 'Discard this import?' }).getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('status').filter({ hasText: 'The import was discarded' }).waitFor();
  });
});
