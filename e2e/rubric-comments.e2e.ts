// Journey: a teacher on the design team of the demo's version 3 draft reads a role rubric (no
// editing), sees the open comments on each descriptor, comments on one; HR resolves it. The grid
// loads the version's comments once. axe and screenshots on a desktop and on a phone.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';

interface ItemRef {
  humanCode: string | null;
  fullStatement: string;
}
interface Grid {
  rubric: { id: string; title: string };
  levels: { label: string }[];
  criteria: { item: ItemRef | null; description: string | null; descriptors: { id: string; version: number; description: string }[] }[];
  abilities: { edit: boolean; comment: boolean };
}
interface Comment {
  id: string;
  descriptorId: string | null;
  author: { name: string };
  body: string;
  createdAt: string;
  resolvedAt: string | null;
}
interface Cell {
  descriptorId: string;
  name: string;
  open: number;
}

/** A photograph of the viewport only (a full-page one of an open side panel shows it mid-page). */
const shot = (name: string) => path.resolve(import.meta.dirname, 'screenshots', `${name}.png`);

const body = `Could this level name what a visitor would see in the first ten minutes? (${randomUUID().slice(0, 6)})`;

let browser: Browser;
let teacher: Page;
let hr: Page;
let draftId = '';
let rubricId = '';
let rubricTitle = '';
let cells: Cell[] = [];
let commented: Cell;
let fresh: Cell;

const label = (i: ItemRef) => [i.humanCode, i.fullStatement].filter(Boolean).join(' ');
const commentsButton = (page: Page, cell: Cell, open: number) =>
  page.getByRole('button', { name: `Comments (${open}) on ${cell.name}`, exact: true });
const drawer = (page: Page) => page.getByRole('dialog', { name: 'Design team comments' });

beforeAll(async () => {
  browser = await launchBrowser();
  teacher = await newPage(browser);
  hr = await newPage(browser);
  await signInAs(teacher, DEMO.teacher);
  await signInAs(hr, DEMO.hr);
  // The demo's draft, as the design team sees it.
  const frameworks = await apiAs<{ items: { title: string; draftId: string | null }[] }>(teacher, 'GET', '/api/frameworks');
  draftId = frameworks.items.find((f) => f.title === 'Sunshine Educator Competencies')!.draftId!;
  expect(draftId).toBeTruthy();
  const rubrics = await apiAs<{ items: { id: string; title: string; step: { title: string } | null }[] }>(
    teacher,
    'GET',
    `/api/framework-versions/${draftId}/rubrics`,
  );
  const rubric = rubrics.items.find((r) => r.step?.title === 'Apprentice teacher')!;
  rubricId = rubric.id;
  const grid = await apiAs<Grid>(teacher, 'GET', `/api/rubrics/${rubricId}`);
  rubricTitle = grid.rubric.title;
  expect(grid.abilities).toEqual({ edit: false, comment: true });
  const comments = await apiAs<{ items: Comment[] }>(teacher, 'GET', `/api/framework-versions/${draftId}/comments?status=all`);
  cells = grid.criteria.flatMap((c) =>
    c.descriptors.map((d, li) => ({
      descriptorId: d.id,
      name: `${grid.levels[li]!.label}: ${c.item ? label(c.item) : (c.description ?? '')}`,
      open: comments.items.filter((x) => x.descriptorId === d.id && !x.resolvedAt).length,
    })),
  );
  commented = cells.find((c) => c.open > 0)!;
  fresh = cells.find((c) => c.open === 0 && !comments.items.some((x) => x.descriptorId === c.descriptorId))!;
  expect(commented, 'the demo has an open comment on this rubric').toBeTruthy();
});
afterAll(async () => {
  await browser?.close();
});

describe('design-team comments on rubric descriptors', () => {
  it('shows the design team the grid read-only, with open-comment counts from one request', async () => {
    const commentRequests: string[] = [];
    teacher.on('request', (r) => {
      if (r.url().includes('/comments')) commentRequests.push(r.url());
    });
    await teacher.goto(`/rubrics/${rubricId}`);
    await heading(teacher, rubricTitle).waitFor();
    await teacher.getByText("You are on this draft's design team: comment on any descriptor.", { exact: false }).waitFor();
    for (const cell of cells) await commentsButton(teacher, cell, cell.open).waitFor();
    // Read-only: no text boxes, and the server refuses an edit.
    expect(await teacher.getByRole('textbox').count()).toBe(0);
    expect(await teacher.getByRole('button', { name: 'Add competencies' }).count()).toBe(0);
    const grid = await apiAs<Grid>(teacher, 'GET', `/api/rubrics/${rubricId}`);
    const d = grid.criteria[0]!.descriptors[0]!;
    const { csrfToken } = (await (await teacher.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const refused = await teacher.request.fetch(`/api/rubric-descriptors/${d.id}`, {
      method: 'PATCH',
      data: { version: d.version, description: 'A commenter may not edit' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(refused.status()).toBe(403);
    expect(commentRequests.filter((u) => u.includes(`/framework-versions/${draftId}/comments`))).toHaveLength(1);
    expect(commentRequests[0]).toContain('status=all');
    await expectNoAxeViolations(teacher, '/rubrics/:id (design team)');
    await screenshot(teacher, 'rubric-comments-grid-desktop');
  });

  it('lists the comments on a descriptor with author, date and state', async () => {
    await commentsButton(teacher, commented, commented.open).click();
    const panel = drawer(teacher);
    await panel.waitFor();
    const list = panel.getByRole('list', { name: `Comments on ${commented.name}` });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThanOrEqual(commented.open);
    // The demo comment was written on 16 October 2026 (shown in the reader's locale and zone).
    await list
      .getByText(/Oct 1[67], 2026/)
      .first()
      .waitFor();
    await list.getByText('Open', { exact: true }).first().waitFor();
    expect(await panel.getByRole('button', { name: /^Resolve/ }).count()).toBe(0);
    await expectNoAxeViolations(teacher, 'descriptor comments (design team)');
    await teacher.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  });

  it('adds a comment from the keyboard, and the count goes up', async () => {
    const button = commentsButton(teacher, fresh, 0);
    await button.focus();
    await teacher.keyboard.press('Enter');
    const panel = drawer(teacher);
    await panel.getByText('No comments on this descriptor yet.').waitFor();
    await panel.getByRole('textbox', { name: 'Your comment' }).fill(body);
    await panel.getByRole('button', { name: 'Add comment' }).click();
    const list = panel.getByRole('list', { name: `Comments on ${fresh.name}` });
    await list.getByText(body).waitFor();
    await expect.poll(() => panel.getByRole('textbox', { name: 'Your comment' }).inputValue()).toBe('');
    await expectNoAxeViolations(teacher, 'descriptor comment added');
    await panel.getByRole('status').getByText('Comment added.').waitFor();
    await teacher.screenshot({ path: shot('rubric-comments-drawer-desktop') });
    await teacher.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await commentsButton(teacher, fresh, 1).waitFor();
    // Focus goes back to the button that opened the panel.
    await expect
      .poll(() => teacher.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Comments (1) on ${fresh.name}`);
    const saved = await apiAs<{ items: Comment[] }>(
      teacher,
      'GET',
      `/api/framework-versions/${draftId}/comments?descriptorId=${fresh.descriptorId}`,
    );
    expect(saved.items.map((c) => c.body)).toEqual([body]);
  });

  it('lets HR resolve it (and the count goes back down)', async () => {
    const [mine] = (
      await apiAs<{ items: Comment[] }>(hr, 'GET', `/api/framework-versions/${draftId}/comments?descriptorId=${fresh.descriptorId}`)
    ).items;
    await hr.goto(`/rubrics/${rubricId}`);
    await heading(hr, rubricTitle).waitFor();
    await commentsButton(hr, fresh, 1).click();
    const panel = drawer(hr);
    await panel.getByText(body).waitFor();
    await panel.getByRole('button', { name: `Resolve comment by ${mine!.author.name}` }).click();
    await panel.getByText(/^Resolved by /).waitFor();
    await panel.getByRole('button', { name: `Reopen comment by ${mine!.author.name}` }).waitFor();
    await expectNoAxeViolations(hr, 'descriptor comment resolved (HR)');
    await hr.screenshot({ path: shot('rubric-comments-resolved-desktop') });
    await hr.keyboard.press('Escape');
    await commentsButton(hr, fresh, 0).waitFor();
    const after = await apiAs<{ items: Comment[] }>(
      hr,
      'GET',
      `/api/framework-versions/${draftId}/comments?descriptorId=${fresh.descriptorId}`,
    );
    expect(after.items[0]!.resolvedAt).not.toBeNull();
  });
});

describe('on a phone (390 x 844)', () => {
  let phone: Page;
  beforeAll(async () => {
    phone = await newPage(browser, { phone: true });
    await signInAs(phone, DEMO.teacher);
  });

  it('reads the stacked grid and the comments panel', async () => {
    await phone.goto(`/rubrics/${rubricId}`);
    await heading(phone, rubricTitle).waitFor();
    await commentsButton(phone, commented, commented.open).waitFor();
    await expectNoSidewaysScroll(phone, 'rubric with comments on a phone');
    await expectNoAxeViolations(phone, 'rubric with comments on a phone');
    await screenshot(phone, 'rubric-comments-grid-phone');
    await phone.screenshot({ path: shot('rubric-comments-grid-phone-top') });
    await commentsButton(phone, commented, commented.open).click();
    const panel = drawer(phone);
    await panel.getByRole('textbox', { name: 'Your comment' }).waitFor();
    await expectNoSidewaysScroll(phone, 'comments panel on a phone');
    await expectNoAxeViolations(phone, 'comments panel on a phone');
    await panel.getByRole('list').getByRole('listitem').first().waitFor();
    // The panel covers the screen: photograph what the phone shows.
    await phone.screenshot({ path: shot('rubric-comments-drawer-phone') });
  });
});
