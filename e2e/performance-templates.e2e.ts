// Journey: HR opens the plan templates, edits a career step's template with the keyboard only
// (title, moving a section, adding one, the most goals, saving), sees it listed, then opens the
// goals / focus-areas import for the demo's open cycle: a dry run lists a bad row by row and column,
// and a clean file for a teacher whose plan is still being written applies. axe and screenshots
// (desktop and phone).
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

type TemplateList = {
  steps: { stepId: string; stepTitle: string; template: { id: string } | null }[];
};
let browser: Browser;
let hr: Page;
let phone: Page;
const stamp = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  phone = await newPage(browser, { phone: true });
  for (const page of [hr, phone]) page.setDefaultTimeout(30_000);
  await signInAs(hr, DEMO.hr);
  await signInAs(phone, DEMO.hr);
});

afterAll(async () => {
  await browser?.close();
});

const press = async (page: Page, name: string | RegExp, key = 'Enter') => {
  await page.getByRole('button', { name }).focus();
  await page.keyboard.press(key);
};

describe('plan templates and the goals import', () => {
  it("HR edits a step's template with the keyboard", async () => {
    const list = await apiAs<TemplateList>(hr, 'GET', '/api/performance/templates');
    const step = list.steps.find((s) => !s.template) ?? list.steps[0]!;
    await hr.goto('/performance/templates');
    await heading(hr, 'Plan templates').waitFor();
    await hr.getByText('Built-in, not saved yet').waitFor();
    await expectNoAxeViolations(hr, 'plan templates');
    await screenshot(hr, 'performance-templates');

    await press(hr, new RegExp(`^(Edit|Create a template) — ${step.stepTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const drawer = hr.getByRole('dialog', { name: `Plan template: ${step.stepTitle}` });
    await drawer.waitFor();
    const title = drawer.getByRole('textbox', { name: 'Template title' });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await hr.keyboard.press('ControlOrMeta+a');
    await hr.keyboard.type(`Apprentice plan ${stamp}`);
    // The built-in words come through in the reader's language, ready to save.
    expect(await drawer.getByRole('textbox', { name: 'Heading' }).nth(1).inputValue()).toBe('Areas for growth');
    await press(hr, 'Move section 2 up');
    expect(await drawer.getByRole('textbox', { name: 'Heading' }).first().inputValue()).toBe('Areas for growth');
    await press(hr, 'Add a section');
    const fourth = drawer.getByRole('group', { name: 'Section 4' });
    await fourth.getByRole('textbox', { name: 'Heading' }).focus();
    await hr.keyboard.type('Professional responsibilities');
    await hr.keyboard.press('Tab');
    await hr.keyboard.type('How did you meet the expectations of your role?');
    await drawer.getByRole('textbox', { name: 'Most goals' }).focus();
    await hr.keyboard.press('ControlOrMeta+a');
    await hr.keyboard.type('4');
    await expectNoAxeViolations(hr, 'plan template editor');
    await screenshot(hr, 'performance-template-editor');
    await press(hr, 'Save template');
    await drawer.waitFor({ state: 'hidden' });
    await hr.getByText(`Apprentice plan ${stamp}`).waitFor();
    await hr.getByText('4 sections · 1–4 goals · 1–3 focus areas').first().waitFor();

    await phone.goto('/performance/templates');
    await heading(phone, 'Plan templates').waitFor();
    await expectNoSidewaysScroll(phone, 'plan templates on a phone');
    await screenshot(phone, 'performance-templates-phone');
  });

  it('HR checks and applies a goals sheet for a cycle', async () => {
    await hr.goto('/performance/import');
    await heading(hr, 'Import goals and focus areas').waitFor();
    // The demo's open 2026-27 cycle, and a teacher whose plan is still being written (not signed).
    const cycles = await apiAs<{ id: string; status: string }[]>(hr, 'GET', '/api/performance/import-cycles');
    const open = cycles.find((c) => c.status === 'open')!;
    expect(open, 'the demo has an open cycle').toBeTruthy();
    const unsigned = await apiAs<{ items: { personId: string; status: string }[] }>(
      hr,
      'GET',
      `/api/performance/cycles/${open.id}/completion/people?missing=signature`,
    );
    const writing = unsigned.items.find((p) => p.status === 'self_assessment' || p.status === 'goal_setting')!;
    const person = await apiAs<{ email: string }>(hr, 'GET', `/api/people/${writing.personId}`);
    await expectNoAxeViolations(hr, 'goals import');
    const upload = async (csv: string) => {
      const [chooser] = await Promise.all([
        hr.waitForEvent('filechooser'),
        hr.getByRole('button', { name: 'Spreadsheet (CSV or XLSX)' }).click(),
      ]);
      await chooser.setFiles({ name: 'goals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    };
    const header = 'person,kind,title,metric,baseline,baseline_date,target,due_date,competency,development_actions';
    await upload(`${header}\r\nnobody@nowhere.example,goal,Reading,,,,,,,\r\n`);
    await press(hr, 'Check the file');
    await hr.getByRole('cell', { name: 'This person is not in the cycle' }).waitFor();
    await expectNoAxeViolations(hr, 'goals import report');
    await screenshot(hr, 'performance-import-report');
    await upload(`${header}\r\n${person.email},goal,Reading growth ${stamp},Students at benchmark,40%,2026-09-01,55%,2027-05-01,,\r\n`);
    await press(hr, 'Check the file');
    await hr.getByText('1 to add').waitFor();
    await press(hr, 'Apply');
    await hr.getByText('Imported', { exact: true }).waitFor();
    await screenshot(hr, 'performance-import-applied');
  });
});
