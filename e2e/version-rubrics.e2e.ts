// Journey: on a framework version page, HR opens the "Role rubrics" tab, adds the rubric of a new
// pathway step from there (landing on its grid), and downloads the version as CASE JSON from the
// export menu; a teacher sees the published version's rubrics read-only. axe on each state.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, expectNoAxeViolations, heading, launchBrowser, newPage, screenshot, signInAs } from './browser.ts';

interface FrameworkList {
  items: { title: string; draftId: string | null; latestPublishedId: string | null }[];
}

/** Waits for the page as long as a slow machine needs (the default poll gives up after a second). */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

let browser: Browser;
let hr: Page;
let teacher: Page;
let draftId = '';
let publishedId = '';
const stepTitle = `Reading interventionist ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  teacher = await newPage(browser);
  await signInAs(hr, DEMO.hr);
  await signInAs(teacher, DEMO.teacher);
  const demo = (await apiAs<FrameworkList>(hr, 'GET', '/api/frameworks')).items.find((f) => f.title === 'Sunshine Educator Competencies')!;
  draftId = demo.draftId!;
  publishedId = demo.latestPublishedId!;
  // A step with no rubric yet, so the draft has one to add.
  const pathway = await apiAs<{ id: string }>(hr, 'POST', '/api/pathways', {
    name: `Intervention ${stepTitle}`,
    category: 'instructional',
  });
  await apiAs(hr, 'POST', `/api/pathways/${pathway.id}/steps`, { title: stepTitle, staffRole: 'teacher' });
});

afterAll(async () => {
  await browser?.close();
});

describe('a version page lists its role rubrics and offers its downloads', () => {
  it('HR adds the rubric of a new step from the draft and lands on its grid', async () => {
    await hr.goto(`/frameworks/versions/${draftId}`);
    await eventually(() => heading(hr, /Sunshine Educator Competencies/).isVisible()).toBe(true);
    await hr.getByRole('tab', { name: 'Role rubrics' }).click();
    await eventually(() => hr.url()).toContain('tab=rubrics');
    await eventually(() =>
      hr
        .getByRole('link', { name: /Apprentice teacher/ })
        .first()
        .isVisible(),
    ).toBe(true);
    await expectNoAxeViolations(hr, 'version rubrics tab');
    await screenshot(hr, 'version-rubrics-tab');

    await hr.getByRole('button', { name: 'Add rubric for a step' }).click();
    const dialog = hr.getByRole('dialog', { name: 'New role rubric' });
    await dialog.getByLabel('Pathway step').selectOption({ label: stepTitle });
    await expectNoAxeViolations(hr, 'add rubric dialog');
    await dialog.getByRole('button', { name: 'Create rubric' }).click();
    await eventually(() => hr.url()).toMatch(/\/rubrics\/[0-9a-f-]{36}$/);
    await eventually(() => hr.getByText(stepTitle).first().isVisible()).toBe(true);

    // Back on the version page, the tab (kept in the URL) lists the new rubric.
    await hr.goBack();
    await eventually(() => hr.getByRole('link', { name: new RegExp(stepTitle) }).isVisible()).toBe(true);
  });

  it('the export menu downloads the version as a CASE package', async () => {
    await hr.goto(`/frameworks/versions/${publishedId}`);
    await hr.getByRole('button', { name: 'Export' }).click();
    const download = hr.waitForEvent('download');
    await hr.getByRole('menuitem', { name: /CASE/ }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const pkg = JSON.parse(Buffer.concat(text as Buffer[]).toString('utf8')) as { CFDocument: { title: string }; CFRubrics: unknown[] };
    expect(pkg.CFDocument.title).toContain('Sunshine Educator Competencies');
    expect(pkg.CFRubrics.length).toBeGreaterThan(0);
  });

  it('a teacher reads the published rubrics but cannot add one', async () => {
    await teacher.goto(`/frameworks/versions/${publishedId}?tab=rubrics`);
    await eventually(() =>
      teacher
        .getByRole('link', { name: /Apprentice teacher/ })
        .first()
        .isVisible(),
    ).toBe(true);
    expect(await teacher.getByRole('button', { name: 'Add rubric for a step' }).count()).toBe(0);
    await expectNoAxeViolations(teacher, 'published version rubrics as a teacher');
  });
});
