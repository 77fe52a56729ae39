import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DEMO_PASSWORD = 'Trellis-demo-2026';
export const baseURL = () => inject('baseURL');

/** Debian's Chromium (no browser download): CHROMIUM_PATH overrides the default location. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, opts: { phone?: boolean; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    locale: opts.locale ?? 'en-US',
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    isMobile: opts.phone ?? false,
    hasTouch: opts.phone ?? false,
  });
  return context.newPage();
}

export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/');
  await page.getByLabel(/e-?mail/i).fill(email);
  await page.getByLabel(/password|contraseña/i).first().fill(password);
  await page.getByRole('button', { name: /sign in|iniciar sesión/i }).click();
  await page.getByRole('navigation').first().waitFor();
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page, label: string) {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(async () => {
    const run = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return run.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  expect(result, `axe violations on ${label}`).toEqual([]);
}

const shotsDir = path.resolve(import.meta.dirname, 'screenshots');

/** Saves a full-page screenshot to e2e/screenshots/NAME.png for a person to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}
