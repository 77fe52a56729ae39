/**
 * Page weight: what a browser downloads to show each route of the built web app. Starts Trellis as
 * a person would (`server/main.ts`, fresh embedded database, demo district, `dist/web` built first
 * when missing), opens each route in Chromium in a fresh context (empty cache) as a demo user, and
 * records every script and stylesheet response. Each file's raw size, its gzip (level 9) and brotli
 * (quality 11) sizes computed with node:zlib, and the bytes the server actually sent (its encoding,
 * as negotiated with this Chromium). Runs inside `npm run bench`, or alone: `npx tsx bench/pages.ts`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DEMO_PASSWORD } from '../server/seed/seed-data.ts';

const root = path.resolve(import.meta.dirname, '..');
/** The target of issue 11: the first page under 250 KB of compressed JavaScript. */
const TARGET_FIRST_PAGE_JS = 250_000;

/** One downloaded asset. */
export interface AssetWeight {
  path: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
  brotli: number;
  /** Body bytes on the wire, in the encoding the server chose. */
  sent: number;
  encoding: string;
}

export interface RouteWeight {
  label: string;
  url: string;
  who: string;
  assets: AssetWeight[];
}

interface RouteSpec {
  label: string;
  who: 'anonymous' | 'teacher' | 'principal';
  /** The browser's language (default en-US): a Spanish one also loads English as the fallback. */
  locale?: string;
  /** The path to open, given what the principal's API returned. */
  path: (ids: DemoIds) => string;
}

interface DemoIds {
  personId: string;
  rubricId: string;
}

const ROUTES: RouteSpec[] = [
  { label: 'sign-in (first page)', who: 'anonymous', path: () => '/sign-in' },
  { label: 'sign-in, in Spanish', who: 'anonymous', locale: 'es-ES', path: () => '/sign-in' },
  { label: 'home', who: 'teacher', path: () => '/' },
  { label: 'person page', who: 'principal', path: (ids) => `/people/${ids.personId}` },
  { label: 'school tracker', who: 'principal', path: () => '/tracker' },
  { label: 'rubric grid', who: 'principal', path: (ids) => `/rubrics/${ids.rubricId}` },
];

const EMAIL = { teacher: 'teacher@sunshine.example', principal: 'principal@sunshine.example' } as const;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts `server/main.ts` on a fresh data directory and waits until it answers /readyz. */
async function startTrellis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-pages-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    // Production settings, except cookies over plain http on 127.0.0.1.
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      DATABASE_URL: '',
      SECRET_KEY: '',
      COOKIE_SECURE: 'false',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Trellis exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error('Trellis did not become ready within 240 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A fresh context (empty cache), signed in through the API unless anonymous. */
async function contextFor(browser: Browser, url: string, who: RouteSpec['who'], locale = 'en-US'): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 860 }, locale });
  if (who !== 'anonymous') {
    const res = await context.request.post('/api/auth/sign-in', { data: { email: EMAIL[who], password: DEMO_PASSWORD } });
    if (!res.ok()) throw new Error(`sign-in as ${who}: ${res.status()} ${await res.text()}`);
  }
  return context;
}

/** A person the principal may open and a role rubric of the published framework version. */
async function demoIds(browser: Browser, url: string): Promise<DemoIds> {
  const context = await contextFor(browser, url, 'principal');
  try {
    const get = async <T>(p: string) => (await (await context.request.get(p)).json()) as T;
    const people = await get<{ items: { id: string }[] }>('/api/people?limit=1');
    const frameworks = await get<{ items: { latestPublishedId: string | null }[] }>('/api/frameworks');
    const versionId = frameworks.items.find((f) => f.latestPublishedId)?.latestPublishedId;
    const rubrics = await get<{ items: { id: string }[] }>(`/api/framework-versions/${versionId}/rubrics`);
    if (!people.items[0] || !rubrics.items[0]) throw new Error('the demo district has no person or rubric to open');
    return { personId: people.items[0].id, rubricId: rubrics.items[0].id };
  } finally {
    await context.close();
  }
}

/** Opens the route and records each script and stylesheet it downloaded until the network is idle. */
async function weighRoute(browser: Browser, url: string, spec: RouteSpec, ids: DemoIds): Promise<RouteWeight> {
  const context = await contextFor(browser, url, spec.who, spec.locale);
  const pending: Promise<AssetWeight | null>[] = [];
  try {
    const page = await context.newPage();
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      pending.push(
        (async () => {
          const body = await response.body();
          const sizes = await response.request().sizes();
          return {
            path: new URL(response.url()).pathname,
            kind: type === 'script' ? 'js' : 'css',
            raw: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
            brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
            sent: sizes.responseBodySize,
            encoding: (await response.headerValue('content-encoding')) ?? 'identity',
          } satisfies AssetWeight;
        })().catch(() => null),
      );
    });
    const target = spec.path(ids);
    await page.goto(target, { waitUntil: 'networkidle' });
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const assets = (await Promise.all(pending)).filter((a): a is AssetWeight => a !== null);
    return { label: spec.label, url: target, who: spec.who, assets };
  } finally {
    await context.close();
  }
}

/** Builds the web app when dist/web is missing or older than its sources. */
function ensureBuild() {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'ensure-web-build.mjs')], { cwd: root, stdio: 'inherit' });
}

/**
 * Weighs every route of ROUTES on a freshly started Trellis, or on the running one at `url`
 * (its demo district, e.g. `npm start`).
 */
export async function benchPages(log: (m: string) => void, url?: string): Promise<RouteWeight[]> {
  if (!url) ensureBuild();
  const trellis = url ? { url, stop: async () => {} } : await startTrellis();
  log(`page weight: Trellis ready at ${trellis.url}`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const ids = await demoIds(browser, trellis.url);
    const routes: RouteWeight[] = [];
    for (const spec of ROUTES) {
      routes.push(await weighRoute(browser, trellis.url, spec, ids));
      log(`page weight: ${spec.label} done`);
    }
    return routes;
  } finally {
    await browser.close();
    await trellis.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const sum = (assets: AssetWeight[], f: (a: AssetWeight) => number) => assets.reduce((n, a) => n + f(a), 0);

/** Prints one line per route: JavaScript files and bytes (raw, gzip, brotli, sent), then CSS. */
export function printPages(routes: RouteWeight[], opts: { files?: boolean } = {}): void {
  const out: string[] = [
    '',
    'Page weight (cold cache, Chromium; KB = 1,000 bytes; gzip -9 and brotli -q 11 of each file; sent = bytes on the wire)',
  ];
  const cell = (s: string, w: number) => s.padStart(w);
  out.push(
    `${'route'.padEnd(22)}${cell('JS files', 9)}${cell('raw', 11)}${cell('gzip', 11)}${cell('brotli', 11)}${cell('sent', 11)}   ${'CSS raw'.padStart(9)}${cell('gzip', 10)}`,
  );
  for (const r of routes) {
    const js = r.assets.filter((a) => a.kind === 'js');
    const css = r.assets.filter((a) => a.kind === 'css');
    out.push(
      `${r.label.padEnd(22)}${cell(String(js.length), 9)}${cell(kb(sum(js, (a) => a.raw)), 11)}${cell(kb(sum(js, (a) => a.gzip)), 11)}` +
        `${cell(kb(sum(js, (a) => a.brotli)), 11)}${cell(kb(sum(js, (a) => a.sent)), 11)}   ${cell(kb(sum(css, (a) => a.raw)), 9)}${cell(kb(sum(css, (a) => a.gzip)), 10)}`,
    );
  }
  const encodings = [...new Set(routes.flatMap((r) => r.assets.map((a) => a.encoding)))].join(', ');
  out.push(`encodings the server chose for this browser: ${encodings}`);
  for (const route of routes.filter((r) => r.url === '/sign-in')) {
    const first = route.assets.filter((a) => a.kind === 'js');
    const firstGzip = sum(first, (a) => a.gzip);
    out.push(
      `target: ${route.label} under ${kb(TARGET_FIRST_PAGE_JS)} of compressed JavaScript: gzip ${kb(firstGzip)}, ` +
        `brotli ${kb(sum(first, (a) => a.brotli))}, sent ${kb(sum(first, (a) => a.sent))}   ${firstGzip < TARGET_FIRST_PAGE_JS ? 'PASS' : 'FAIL'}`,
    );
  }
  out.push('heaviest files of each route (gzip):');
  for (const r of routes) {
    const top = [...r.assets]
      .filter((a) => a.kind === 'js')
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 3);
    out.push(`  ${r.label.padEnd(22)}${top.map((a) => `${path.basename(a.path)} ${kb(a.gzip)}`).join(', ')}`);
  }
  if (opts.files) {
    for (const r of routes) {
      out.push(`${r.label}:`);
      for (const a of r.assets) out.push(`  ${kb(a.gzip).padStart(9)}  ${a.path}`);
    }
  }
  console.log(out.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, files: { type: 'boolean', default: false } } });
  printPages(await benchPages((m) => process.stderr.write(`[bench] ${m}\n`), values.url), { files: values.files });
}
