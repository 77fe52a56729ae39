// Journey: a principal attaches a lesson plan (PDF) to an observation they made, with the keyboard,
// sees it listed with its size and date, downloads it (the same bytes come back), and the demo's
// own attachments are there. Checked with axe, screenshots at 390 px and 1280 px.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../server/seed/seed-files-data.ts';
import { apiAs, DEMO, expectNoAxeViolations, expectNoSidewaysScroll, launchBrowser, newPage, screenshot, signInAs } from './browser.ts';

let browser: Browser;
let desktop: Page;
let phone: Page;
let observationId = '';
const stamp = Date.now().toString(36);
const pdf = tinyPdf(`Lesson plan ${stamp}`);
const name = `Lesson plan ${stamp}.pdf`;

beforeAll(async () => {
  browser = await launchBrowser();
  desktop = await newPage(browser);
  phone = await newPage(browser, { phone: true });
  await signInAs(desktop, DEMO.principal);
  await signInAs(phone, DEMO.principal);
  const list = await apiAs<{ items: { id: string; abilities: { revise: boolean } }[] }>(
    desktop,
    'GET',
    '/api/observations?mine=made&status=published&limit=50',
  );
  observationId = list.items.find((o) => o.abilities.revise)!.id;
});

afterAll(async () => {
  await browser?.close();
});

/** expect.poll with room for a busy machine (the default second is too short under load). */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const attachments = (page: Page) => page.getByRole('region', { name: 'Attachments' });

describe('attachments on an observation', () => {
  it('uploads a PDF with the keyboard and lists it with its size and date', async () => {
    await desktop.goto(`/observations/${observationId}`);
    const section = attachments(desktop);
    await eventually(() => section.getByRole('heading', { name: 'Attachments' }).isVisible()).toBe(true);
    const input = section.getByLabel('Attach a file');
    await input.setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await input.focus();
    await desktop.keyboard.press('Tab');
    await eventually(() => desktop.evaluate(() => document.activeElement?.textContent)).toBe('Upload');
    await desktop.keyboard.press('Enter');
    await eventually(() => section.getByRole('status').textContent()).toBe(`${name} was attached.`);
    const item = section.getByRole('listitem').filter({ hasText: name });
    await eventually(() => item.textContent()).toMatch(new RegExp(`${pdf.length} bytes · .*2\\d{3}.* · Lorena Castillo`));
    await expectNoAxeViolations(desktop, 'observation with attachments');
    await screenshot(desktop, 'attachments-1280');
  });

  it('downloads the same bytes as an attachment', async () => {
    const section = attachments(desktop);
    const [download] = await Promise.all([desktop.waitForEvent('download'), section.getByRole('link', { name }).click()]);
    expect(download.suggestedFilename()).toBe(name);
    const saved = await download.path();
    expect(fs.readFileSync(saved).equals(pdf)).toBe(true);
  });

  it('refuses a file that is not an allowed type, saying why', async () => {
    const section = attachments(desktop);
    await section.getByLabel('Attach a file').setInputFiles({
      name: 'setup.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
    });
    await section.getByRole('button', { name: 'Upload' }).click();
    await eventually(() => section.getByRole('alert').textContent()).toMatch(/can't be attached/);
  });

  it('reads well on a phone', async () => {
    await phone.goto(`/observations/${observationId}`);
    const section = attachments(phone);
    await eventually(() => section.getByRole('link', { name }).isVisible()).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(phone, 'observation attachments on a phone');
    await expectNoAxeViolations(phone, 'observation attachments on a phone');
    await screenshot(phone, 'attachments-390');
  });

  it('deletes after confirmation', async () => {
    const section = attachments(desktop);
    await section.getByRole('button', { name: `Delete ${name}` }).click();
    await desktop.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await eventually(() => section.getByRole('link', { name }).count()).toBe(0);
  });
});
