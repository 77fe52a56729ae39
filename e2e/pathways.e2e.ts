// Journey: HR builds a career ladder in the browser, writes a role rubric in the grid (autosave,
// reload, a concurrent edit by another editor), compares two steps, downloads the documents, and
// finds the rubric read-only once published; then the same pages on a phone. axe on every page.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  mainNav,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';

const tag = randomUUID().slice(0, 6);
const ladderName = `Teaching ladder ${tag}`;

interface Item {
  id: string;
}
interface Grid {
  rubric: { id: string };
  criteria: { id: string; descriptors: { id: string; version: number }[] }[];
}

let browser: Browser;
let hr: Page;
let versionId = '';
let draftVersion = 0;
let pathwayUrl = '';
const stepIds: string[] = [];
let competencies: string[] = [];
let rubricA = '';
let rubricB = '';

const status = (page: Page) => page.getByTestId('autosave-status');
const cell = (page: Page, level: string, competency: string) => page.getByRole('textbox', { name: `${level}: ${competency}` });

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  hr.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack?.slice(0, 600)));
  await signInAs(hr, DEMO.hr);
  // A framework of our own through the API (the demo content is not ours to depend on).
  const created = await apiAs<{ version: { id: string; version: number } }>(hr, 'POST', '/api/frameworks', {
    title: `E2E competencies ${tag}`,
  });
  versionId = created.version.id;
  const domain = await apiAs<Item>(hr, 'POST', `/api/framework-versions/${versionId}/items`, {
    parentId: null,
    itemType: 'domain',
    humanCode: '1',
    fullStatement: 'Planning and preparation',
  });
  competencies = [];
  for (const [code, statement] of [
    ['1a', 'Plans units backward from standards'],
    ['1b', 'Designs checks for understanding'],
    ['1c', 'Adapts plans for every learner'],
  ]) {
    competencies.push(
      (
        await apiAs<Item>(hr, 'POST', `/api/framework-versions/${versionId}/items`, {
          parentId: domain.id,
          itemType: 'competency',
          humanCode: code,
          fullStatement: statement,
        })
      ).id,
    );
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('career pathways and role rubrics (HR)', () => {
  it('creates a pathway and its steps in the browser', async () => {
    await hr.goto('/pathways');
    await heading(hr, 'Career pathways').waitFor();
    await expectNoAxeViolations(hr, '/pathways');
    await hr.getByRole('button', { name: 'New pathway' }).click();
    const dialog = hr.getByRole('dialog', { name: 'New career pathway' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(ladderName);
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Grow without leaving the classroom.');
    await expectNoAxeViolations(hr, 'new pathway dialog');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await heading(hr, ladderName).waitFor();
    pathwayUrl = new URL(hr.url()).pathname;

    for (const [title, min, max, duty] of [
      ['Apprentice teacher', '48000', '55000', 'Co-teaches with a mentor'],
      ['Teacher', '56000', '72000', 'Plans and teaches a class'],
    ] as const) {
      await hr.getByRole('button', { name: 'Add step' }).click();
      const step = hr.getByRole('dialog', { name: 'New step' });
      await step.getByRole('textbox', { name: 'Title' }).fill(title);
      await step.getByRole('textbox', { name: 'Pay band minimum (USD)' }).fill(min);
      await step.getByRole('textbox', { name: 'Pay band maximum (USD)' }).fill(max);
      await step.getByRole('textbox', { name: 'Responsibilities' }).fill(duty);
      if (title === 'Teacher') {
        // A band upside down is refused in the form, with the reason.
        await step.getByRole('textbox', { name: 'Pay band maximum (USD)' }).fill('40000');
        await step.getByRole('button', { name: 'Save' }).click();
        await step.getByText('The maximum must be at least the minimum.').waitFor();
        await step.getByRole('textbox', { name: 'Pay band maximum (USD)' }).fill(max);
      }
      await step.getByRole('button', { name: 'Save' }).click();
      await step.waitFor({ state: 'detached' });
      await hr.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
    }
    const ladder = hr.getByRole('list', { name: 'Steps, entry step first' });
    await expect.poll(() => ladder.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Apprentice teacher', 'Teacher']);
    await expect.poll(() => hr.getByText('$56,000 – $72,000').count()).toBe(1);
    // Reorder by keyboard-reachable buttons, and back.
    await hr.getByRole('button', { name: 'Move up: Teacher' }).click();
    await expect.poll(() => ladder.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Teacher', 'Apprentice teacher']);
    await hr.getByRole('button', { name: 'Move down: Teacher' }).click();
    await expect.poll(() => ladder.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Apprentice teacher', 'Teacher']);
    const pathway = await apiAs<{ steps: { id: string }[] }>(hr, 'GET', `/api/pathways/${pathwayUrl.split('/').pop()}`);
    stepIds.push(...pathway.steps.map((s) => s.id));
    await expectNoAxeViolations(hr, '/pathways/:id');
    await screenshot(hr, 'pathways-ladder-desktop');
  });

  it('writes descriptors in the rubric grid: "Saved", and still there after a reload', async () => {
    const a = await apiAs<Grid>(hr, 'POST', `/api/framework-versions/${versionId}/rubrics`, { stepId: stepIds[0], itemIds: competencies });
    const b = await apiAs<Grid>(hr, 'POST', `/api/framework-versions/${versionId}/rubrics`, {
      stepId: stepIds[1],
      itemIds: competencies.slice(0, 2),
    });
    rubricA = a.rubric.id;
    rubricB = b.rubric.id;
    // The ladder links each step to its draft rubric (for editors).
    await hr.goto(pathwayUrl);
    await hr
      .getByRole('link', { name: new RegExp(`E2E competencies ${tag}, version 1`) })
      .first()
      .click();
    await heading(hr, 'Apprentice teacher (' + ladderName + ')').waitFor();
    const first = cell(hr, 'Exemplifying', '1a Plans units backward from standards');
    await first.fill('Plans a unit with Nguyễn, the mentor, and adjusts it from exit tickets');
    await expect.poll(() => status(hr).innerText()).toBe('Saved');
    await cell(hr, 'Developing', '1b Designs checks for understanding').fill('Asks "any questions?" at the end of the lesson');
    await expect.poll(() => status(hr).innerText()).toBe('Saved');
    await expectNoAxeViolations(hr, '/rubrics/:id (draft)');
    await screenshot(hr, 'rubric-grid-desktop');
    await hr.reload();
    await expect.poll(() => first.inputValue()).toBe('Plans a unit with Nguyễn, the mentor, and adjusts it from exit tickets');
    expect(await cell(hr, 'Developing', '1b Designs checks for understanding').inputValue()).toBe(
      'Asks "any questions?" at the end of the lesson',
    );
  });

  it("shows the other editor's text when both change one descriptor, and lets the user choose", async () => {
    const grid = await apiAs<Grid>(hr, 'GET', `/api/rubrics/${rubricA}`);
    const d = grid.criteria[2]!.descriptors[1]!;
    // The page has read version 1 of this cell; another editor saves first.
    await apiAs(hr, 'PATCH', `/api/rubric-descriptors/${d.id}`, { version: d.version, description: 'Text saved by the other editor' });
    const target = cell(hr, 'Demonstrating', '1c Adapts plans for every learner');
    await target.fill('My own text');
    const alert = hr.getByRole('alert').filter({ hasText: 'Someone else changed this text' });
    await alert.waitFor();
    await alert.getByText('Text saved by the other editor').waitFor();
    await expect.poll(() => status(hr).innerText()).toBe('Not saved');
    await expectNoAxeViolations(hr, 'rubric conflict');
    await screenshot(hr, 'rubric-conflict-desktop');
    await alert.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => status(hr).innerText()).toBe('Saved');
    const after = await apiAs<Grid & { criteria: { descriptors: { description: string }[] }[] }>(hr, 'GET', `/api/rubrics/${rubricA}`);
    expect(after.criteria[2]!.descriptors[1]!.description).toBe('My own text');
  });

  it('downloads the rubric as PDF and Word', async () => {
    for (const [name, type] of [
      ['Download PDF', 'application/pdf'],
      ['Download Word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const href = await hr.getByRole('link', { name }).getAttribute('href');
      const res = await hr.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe(type);
      expect((await res.body()).length).toBeGreaterThan(3000);
    }
  });

  it('compares the two steps side by side, differences marked', async () => {
    const grid = await apiAs<Grid>(hr, 'GET', `/api/rubrics/${rubricB}`);
    const d = grid.criteria[0]!.descriptors[0]!;
    await apiAs(hr, 'PATCH', `/api/rubric-descriptors/${d.id}`, {
      version: d.version,
      description: 'Designs units the whole team teaches',
    });
    await hr.goto(pathwayUrl);
    await hr.getByRole('link', { name: 'Compare with the next step' }).click();
    await heading(hr, 'Compare two steps').waitFor();
    await hr.getByRole('heading', { level: 3, name: '1a Plans units backward from standards' }).waitFor();
    const row = hr.getByRole('article', { name: '1a Plans units backward from standards' });
    await row.getByText('Changed', { exact: true }).waitFor();
    await row.getByText('Designs units the whole team teaches').waitFor();
    await hr.getByRole('article', { name: '1c Adapts plans for every learner' }).getByText('Only in the first', { exact: true }).waitFor();
    expect(await hr.getByText('Differs', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(hr, '/pathways/compare');
    await screenshot(hr, 'pathways-compare-desktop');
  });

  it('shows a published rubric read-only', async () => {
    const version = await apiAs<{ version: number }>(hr, 'GET', `/api/framework-versions/${versionId}`);
    draftVersion = version.version;
    await apiAs(hr, 'POST', `/api/framework-versions/${versionId}/publish`, { version: draftVersion });
    await hr.goto(`/rubrics/${rubricA}`);
    await hr.getByText('This version is published: its rubrics can no longer change.').waitFor();
    expect(await hr.getByRole('textbox').count()).toBe(0);
    await hr.getByText('Plans a unit with Nguyễn, the mentor, and adjusts it from exit tickets').waitFor();
    await expectNoAxeViolations(hr, '/rubrics/:id (published)');
    // Printed: the document alone, without the app's navigation or buttons.
    await hr.emulateMedia({ media: 'print' });
    expect(await mainNav(hr).isVisible()).toBe(false);
    expect(await hr.getByRole('link', { name: 'Download PDF' }).isVisible()).toBe(false);
    expect(await hr.getByRole('table').isVisible()).toBe(true);
    await screenshot(hr, 'rubric-print');
    await hr.emulateMedia({ media: 'screen' });
  });
});

describe('on a phone (390 x 844)', () => {
  let phone: Page;
  beforeAll(async () => {
    phone = await newPage(browser, { phone: true });
    await signInAs(phone, DEMO.hr);
  });

  it('reads the pathways, the ladder, the rubric (levels stacked) and the comparison', async () => {
    await phone.goto('/pathways');
    await heading(phone, 'Career pathways').waitFor();
    await phone.getByRole('link', { name: ladderName }).waitFor();
    await expectNoSidewaysScroll(phone, '/pathways on a phone');
    await expectNoAxeViolations(phone, '/pathways on a phone');
    await screenshot(phone, 'pathways-list-phone');
    await phone.goto(pathwayUrl);
    await heading(phone, ladderName).waitFor();
    await expectNoSidewaysScroll(phone, 'ladder on a phone');
    await expectNoAxeViolations(phone, 'ladder on a phone');
    await screenshot(phone, 'pathways-ladder-phone');
    await phone.goto(`/rubrics/${rubricA}`);
    const top = phone.getByText('Plans a unit with Nguyễn, the mentor, and adjusts it from exit tickets');
    await top.waitFor();
    // Levels stack under the competency: the next level's text starts below, at the same left edge.
    const next = phone.getByText('Exemplifying (4)').nth(1);
    const [a, b] = [await top.boundingBox(), await next.boundingBox()];
    expect(b!.y).toBeGreaterThan(a!.y);
    expect(Math.abs(b!.x - a!.x)).toBeLessThan(30);
    await expectNoSidewaysScroll(phone, 'rubric on a phone');
    await expectNoAxeViolations(phone, 'rubric on a phone');
    await screenshot(phone, 'rubric-grid-phone');
    await phone.goto(`/pathways/compare?a=${stepIds[0]}&b=${stepIds[1]}`);
    await phone.getByRole('article', { name: '1a Plans units backward from standards' }).waitFor();
    await expectNoSidewaysScroll(phone, 'compare on a phone');
    await expectNoAxeViolations(phone, 'compare on a phone');
    await screenshot(phone, 'pathways-compare-phone');
  });

  it('edits a draft rubric with levels stacked under each competency', async () => {
    // The next version starts as a draft copy of the published one, rubrics included.
    const next = await apiAs<{ id: string }>(phone, 'POST', `/api/framework-versions/${versionId}/new-version`, {});
    const rubrics = await apiAs<{ items: { id: string; step: { id: string } }[] }>(
      phone,
      'GET',
      `/api/framework-versions/${next.id}/rubrics`,
    );
    const draftRubric = rubrics.items.find((r) => r.step.id === stepIds[0])!;
    await phone.goto(`/rubrics/${draftRubric.id}`);
    const box = cell(phone, 'Needs improvement', '1a Plans units backward from standards');
    await box.fill('Teaches from the textbook page by page');
    await expect.poll(() => status(phone).innerText()).toBe('Saved');
    await expectNoSidewaysScroll(phone, 'draft rubric on a phone');
    await expectNoAxeViolations(phone, 'draft rubric on a phone');
    await screenshot(phone, 'rubric-edit-phone');
  });
});
