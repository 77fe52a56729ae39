// Journey: a first visit. The sign-in page loads under 250 KB of compressed JavaScript (issue 11),
// every script as the server's brotli copy that browsers may keep for a year; while a chunk is
// still on its way (held here, as a slow network would), the page shows a loading state, styled.
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMenu, DEMO, DEMO_PASSWORD, fillSignIn, heading, launchBrowser, newPage, screenshot } from './browser.ts';

const FIRST_PAGE_BUDGET = 250_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Holds requests matching `pattern` until `release()`; `requested` settles on the first one. */
async function hold(page: Page, pattern: RegExp) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let seen!: () => void;
  const requested = new Promise<void>((resolve) => (seen = resolve));
  await page.route(pattern, async (route: Route) => {
    seen();
    await released;
    await route.continue();
  });
  return { requested, release };
}

/** The spinner every lazy part shows while it loads (Loading.tsx). */
const loading = (page: Page) => page.getByRole('status').filter({ hasText: 'Loading…' });

describe('a first visit', () => {
  it('loads the sign-in page with under 250 KB of compressed JavaScript, brotli on the wire, cached by hash', async () => {
    const page = await newPage(browser);
    const scripts: Promise<{ path: string; gzip: number; encoding: string | null; cache: string | null }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        (async () => ({
          path: new URL(response.url()).pathname,
          gzip: gzipSync(await response.body(), { level: 9 }).length,
          encoding: await response.headerValue('content-encoding'),
          cache: await response.headerValue('cache-control'),
        }))(),
      );
    });
    await page.goto('/');
    await heading(page, 'Sign in to Trellis').waitFor();
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(scripts);
    const total = loaded.reduce((n, s) => n + s.gzip, 0);
    expect(total, `${loaded.length} scripts: ${loaded.map((s) => `${s.path} ${s.gzip}`).join(', ')}`).toBeLessThan(FIRST_PAGE_BUDGET);
    for (const script of loaded) {
      expect(script.encoding, script.path).toBe('br');
      expect(script.cache, script.path).toBe('public, max-age=31536000, immutable');
    }
    await page.context().close();
  });

  it('shows the sign-in card with a loading state while the page itself is still coming', async () => {
    const page = await newPage(browser);
    const signInPage = await hold(page, /\/assets\/SignInPage-[\w-]+\.js$/);
    await page.goto('/sign-in');
    await signInPage.requested;
    await loading(page).waitFor();
    await screenshot(page, 'loading-01-sign-in-page-on-its-way');
    signInPage.release();
    await heading(page, 'Sign in to Trellis').waitFor();
    await expect.poll(() => loading(page).count()).toBe(0);
    await screenshot(page, 'loading-02-sign-in');
    await page.context().close();
  });

  it('fetches the signed-in shell only after the password, and shows a loading state until it arrives', async () => {
    const page = await newPage(browser);
    // The shell (web/app/AppLayout.tsx) is its own chunk: the sign-in page never asked for it.
    const shell = await hold(page, /\/assets\/AppLayout-[\w-]+\.js$/);
    await page.goto('/sign-in');
    await heading(page, 'Sign in to Trellis').waitFor();
    await fillSignIn(page, DEMO.teacher, DEMO_PASSWORD);
    await shell.requested;
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await loading(page).waitFor();
    expect(await accountMenu(page).count()).toBe(0);
    await screenshot(page, 'loading-03-shell-on-its-way');
    shell.release();
    await accountMenu(page).waitFor();
    await heading(page, /Michelle/).waitFor();
    await screenshot(page, 'loading-04-home');
    await page.context().close();
  });
});
