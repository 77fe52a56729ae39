import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_TOTP_SECRET } from '../server/seed/seed-data.ts';
import { totpCode } from '../server/services/auth/mfa/totp.ts';
import { nextTotpStep } from '../server/test/totp.ts';
import { workerIndex } from './workers.ts';

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
/** This worker's Trellis (e2e/global-setup.ts starts one per worker). */
export const baseURL = () => inject('baseURLs')[workerIndex()]!;

/** Waits until the Trellis at `url` answers /readyz (the import journey's server boots in the background). */
export async function waitForTrellis(url: string, timeoutMs = 110_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // still starting
    }
    if (Date.now() > deadline) throw new Error(`Trellis at ${url} did not become ready`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The e-mail of each demo sign-in, by the access it demonstrates. */
export const DEMO = {
  admin: 'admin@sunshine.example',
  hr: 'hr@sunshine.example',
  principal: 'principal@sunshine.example',
  coach: 'coach@sunshine.example',
  teacher: 'teacher@sunshine.example',
} as const;

/** Debian's Chromium (no browser download): CHROMIUM_PATH overrides the default location. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The demo district's time zone (districts.time_zone's default): journeys read as someone in the district. */
export const DEMO_TIME_ZONE = 'America/New_York';

/**
 * A page in a new context (its own cookies and storage): desktop 1280x860, or a phone 390x844; the
 * browser's clock in the demo district's zone unless `timezoneId` says another (e2e/clock.e2e.ts).
 */
export async function newPage(
  browser: Browser,
  opts: { phone?: boolean; locale?: string; baseURL?: string; timezoneId?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: opts.baseURL ?? baseURL(),
    locale: opts.locale ?? 'en-US',
    timezoneId: opts.timezoneId ?? DEMO_TIME_ZONE,
    viewport: opts.phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    isMobile: opts.phone ?? false,
    hasTouch: opts.phone ?? false,
  });
  // Fail a missing element well within the test's own timeout, with Playwright's call log.
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** The account menu button in the header: there on every signed-in page, phone or desktop. */
export const accountMenu = (page: Page): Locator => page.getByRole('button', { name: /account menu for|menú de la cuenta de/i });

/** The main navigation landmark (on phones only while the burger menu is open). */
export const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: /main navigation|navegación principal/i });

/**
 * Opens a page from the main navigation with the mouse, then moves the pointer off the link, as a
 * person does (the hovered current link is checked on its own in navigation.e2e.ts).
 */
export async function openFromNav(page: Page, name: string) {
  await mainNav(page).getByRole('link', { name, exact: true }).click();
  const viewport = page.viewportSize();
  await page.mouse.move((viewport?.width ?? 800) - 1, (viewport?.height ?? 600) - 1);
}

/** The page's one h1, once it has rendered. */
export const heading = (page: Page, name: string | RegExp): Locator => page.getByRole('heading', { level: 1, name });

/**
 * Types a search into the People directory and waits until the page shows its answer (the
 * directory keeps the previous results on screen while the next ones load). Returns the total.
 */
export async function searchPeople(page: Page, text: string, type?: (text: string) => Promise<void>): Promise<number> {
  const answered = page.waitForResponse((r) => r.url().includes('/api/people?') && new URL(r.url()).searchParams.get('q') === text);
  await (type ?? ((t: string) => page.getByRole('searchbox', { name: 'Search' }).fill(t)))(text);
  const { total } = (await (await answered).json()) as { total: number };
  await page.getByText(total === 1 ? '1 person' : `${total} people`, { exact: true }).waitFor();
  return total;
}

/** The demo accounts whose access requires two-factor sign-in (seeded with DEMO_TOTP_SECRET). */
export const DEMO_TWO_FACTOR: readonly string[] = [DEMO.admin, DEMO.hr];

/**
 * The code an authenticator app with `secret` shows, taking each time step once per account across
 * every journey of the run (a code signs in only once): the steps used are kept in a file beside
 * the server's port, since each journey file runs in its own module scope.
 */
export async function authenticatorCode(account: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const file = path.join(os.tmpdir(), `trellis-e2e-totp-${new URL(baseURL()).port}.json`);
  const used = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>) : {};
  const step = await nextTotpStep(used[account]);
  fs.writeFileSync(file, JSON.stringify({ ...used, [account]: step }));
  return totpCode(secret, step);
}

/** The code field of sign-in's second step. */
export const codeInput = (page: Page): Locator => page.getByRole('textbox', { name: /^(6-digit code|código de 6 dígitos)/i });

/** Where the run keeps the session each demo account last opened (per server). */
const sessionsFile = () => path.join(os.tmpdir(), `trellis-e2e-sessions-${new URL(baseURL()).port}.json`);

/**
 * Puts the session the account last opened in this run into the page's context, if it is still
 * live. A code from an app signs in only once and apps show a new one every 30 s, so journeys that
 * sign HR and admins in dozens of times would otherwise wait for the clock; and each sign-in through
 * the form costs a page load and a password hash, some 120 times a run. The form and the code step
 * are walked through in mfa.e2e.ts and wherever a journey asks for a `fresh` sign-in (or no live
 * session is kept).
 */
async function reuseSession(page: Page, email: string): Promise<boolean> {
  const file = sessionsFile();
  const kept = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>)[email] : undefined;
  if (!kept) return false;
  const url = new URL(baseURL());
  await page
    .context()
    .addCookies([{ name: 'trellis_session', value: kept, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' }]);
  if ((await page.request.get('/api/auth/session')).status() === 200) return true;
  await page.context().clearCookies({ name: 'trellis_session' });
  return false;
}

async function keepSession(page: Page, email: string) {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'trellis_session');
  if (!cookie) return;
  const file = sessionsFile();
  const kept = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...kept, [email]: cookie.value }));
}

/**
 * Signs in through the sign-in form the way a person does, and waits for the signed-in shell.
 * Accounts with two-factor sign-in (the demo's admin@ and hr@) type the code from their app next.
 * A demo account's session opened earlier in the run is reused while it lives (`reuseSession`),
 * unless `fresh` asks for the whole sign-in and a session of the page's own (a second device, a
 * journey about signing in).
 */
export async function signInAs(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  totpSecret = DEMO_TOTP_SECRET,
  recoveryCode?: string,
  opts: { fresh?: boolean } = {},
) {
  const demoSignIn = password === DEMO_PASSWORD && totpSecret === DEMO_TOTP_SECRET && !recoveryCode;
  const demoFactor = demoSignIn && DEMO_TWO_FACTOR.includes(email);
  if (demoSignIn && !opts.fresh && (await reuseSession(page, email))) {
    await page.goto('/');
    await accountMenu(page).waitFor();
    return;
  }
  await page.goto('/');
  await fillSignIn(page, email, password);
  if (recoveryCode) {
    await page.getByRole('button', { name: /^(use a recovery code instead|usar un código de recuperación)$/i }).click();
    await page.getByRole('textbox', { name: /^(recovery code|código de recuperación)/i }).fill(recoveryCode);
    await page.getByRole('button', { name: /^(verify|verificar)$/i }).click();
  } else if (DEMO_TWO_FACTOR.includes(email) || totpSecret !== DEMO_TOTP_SECRET) {
    await codeInput(page).fill(await authenticatorCode(email, totpSecret));
    await page.getByRole('button', { name: /^(verify|verificar)$/i }).click();
  }
  await accountMenu(page).waitFor();
  // A fresh session of an account without a second factor stays the page's own (devices.e2e.ts
  // signs the others out); a two-factor one is kept, so later journeys need not wait for a code.
  if (demoFactor || (demoSignIn && !opts.fresh)) await keepSession(page, email);
}

/** Signs in through the whole form (and code step) into a session of the page's own: see `signInAs`. */
export const signInFresh = (page: Page, email: string) =>
  signInAs(page, email, DEMO_PASSWORD, DEMO_TOTP_SECRET, undefined, { fresh: true });

/** Fills and submits the sign-in form (on /sign-in), without waiting for the outcome. */
export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: /^(e-mail|correo)/i }).fill(email);
  // "Password" only: the eye button next to it is labelled "Show password".
  await page.getByLabel(/^(password|contraseña)/i).fill(password);
  await page.getByRole('button', { name: /^(sign in|iniciar sesión)$/i }).click();
}

/**
 * Calls the API as the page's signed-in user (its session cookie, plus the session's CSRF token
 * that every state-changing request needs), e.g. to play another user's concurrent edit.
 */
export async function apiAs<T>(page: Page, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, data?: unknown): Promise<T> {
  const session = await page.request.get('/api/auth/session');
  expect(session.status(), 'signed in').toBe(200);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': csrfToken } });
  expect(response.ok(), `${method} ${url} answered ${response.status()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page and fails with the violations listed.
 * axe is evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly
 * refuses an injected <script> tag, and the journeys keep the real CSP on.
 */
export async function expectNoAxeViolations(page: Page, label: string, opts: { soft?: boolean } = {}) {
  // A drawer or menu still fading in is read with its text half transparent (a false contrast
  // failure): wait, briefly, until no finite CSS transition or animation is running.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
  const result = await page.evaluate(async (source) => {
    const w = window as unknown as { axe?: typeof axe };
    if (!w.axe) (0, eval)(source);
    const run = await w.axe!.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return run.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  }, axe.source);
  // soft: record the failure and go on, so a page survey still checks (and photographs) every page.
  (opts.soft ? expect.soft : expect)(result, `axe violations on ${label}`).toEqual([]);
}

/** The page can be read without scrolling sideways (what a phone user meets first). */
export async function expectNoSidewaysScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      // Fixed layers (header, notifications) stretch with a too-wide page: name what pushes it.
      .filter((el) => {
        for (let node: Element | null = el; node; node = node.parentElement) {
          if (getComputedStyle(node).position === 'fixed') return false;
        }
        return true;
      })
      // The closed navigation waits off screen.
      .filter((el) => !el.closest('[inert], [aria-hidden="true"]'))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].slice(0, 2).join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  expect.soft(overflow.scrollWidth, `${label} scrolls sideways; too wide: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.width);
}

/**
 * No text is cut off with an ellipsis ("WARNI…") unless its full text is in an accessible name or
 * title nearby (the header's user button truncates long names on purpose and is labelled).
 */
export async function expectNoCutOffText(page: Page, label: string) {
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
      .filter((el) => !el.closest('[inert], [aria-hidden="true"]'))
      .filter((el) => {
        const text = (el.textContent ?? '').trim();
        const named = el.closest('[aria-label], [title]');
        return !named || !`${named.getAttribute('aria-label') ?? ''} ${named.getAttribute('title') ?? ''}`.includes(text);
      })
      .map((el) => `"${(el.textContent ?? '').trim()}" (${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')})`),
  );
  expect.soft(cut, `text cut off on ${label}`).toEqual([]);
}

const shotsDir = path.resolve(import.meta.dirname, 'screenshots');

/** Saves a full-page screenshot to e2e/screenshots/NAME.png for a person to look at. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/**
 * Opens `url` and checks it as a page survey does: it renders its h1 and finishes loading, shows no
 * error and is not "Not found", passes axe (soft: every page is still checked), fits without
 * sideways scrolling, and is photographed to e2e/screenshots/NAME.png.
 */
export async function surveyPage(page: Page, url: string, name: string) {
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page
    .getByRole('status')
    .filter({ has: page.locator('.mantine-Loader-root') })
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  const errors = await page.getByRole('alert').filter({ hasText: 'Something went wrong' }).count();
  expect(errors, `${name} shows an error`).toBe(0);
  expect(await page.getByRole('heading', { name: 'Not found' }).count(), `${name} is not found`).toBe(0);
  await expectNoAxeViolations(page, name, { soft: true });
  await expectNoSidewaysScroll(page, name);
  await screenshot(page, name);
}
