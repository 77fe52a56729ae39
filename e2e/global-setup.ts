import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { Mailbox } from '../server/test/mailbox.ts';
import { E2E_WORKERS } from './workers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * One Trellis per worker (demo district, fresh embedded database): the journeys of worker N use
     * the Nth (e2e/workers.ts), so two journeys that change the same demo record never meet.
     */
    baseURLs: string[];
    /**
     * A second Trellis with its own fresh demo district, only for the roster import journey: applying
     * a bulk OneRoster set deactivates every roster row it does not list, i.e. the whole demo staff.
     */
    importBaseURL: string;
    /**
     * Each worker's local SMTP mailbox over HTTP (`GET /messages?to=<address>`: JSON, oldest first):
     * the worker's Trellis sends its e-mail there, as a district's would to its mail server.
     */
    mailboxURLs: string[];
  }
}

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

interface Running {
  process: ChildProcess;
  dataDir: string;
  baseURL: string;
}

const running: Running[] = [];
const root = path.resolve(import.meta.dirname, '..');

/**
 * Starts Trellis as a user would (`tsx server/main.ts`) on a fresh data directory with the demo
 * district; `smtpUrl` gives it a mail server.
 */
async function startTrellis(smtpUrl = ''): Promise<Running> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    // No SECRET_KEY, as `npm start` on a fresh data directory: the server creates its key file there.
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SECRET_KEY: '',
      NODE_ENV: 'test',
      SMTP_URL: smtpUrl,
      SMTP_FROM: 'Sunshine Trellis <trellis@sunshine.example>',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const server: Running = { process: child, dataDir, baseURL: `http://127.0.0.1:${port}` };
  running.push(server);
  return server;
}

/** Waits until the server answers /readyz (it opens the database, migrates and seeds first). */
async function ready({ process: child, baseURL }: Running): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Trellis exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseURL}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Trellis did not answer ${baseURL}/readyz within 120 s`);
}

/**
 * Starts every server at once, but waits only for the workers' ones: the import journey's server
 * keeps booting while the other journeys run (the import journey waits for it in its beforeAll).
 */
export async function setup(project: TestProject) {
  // One address each mail server refuses for good, for the journey that shows a failed e-mail.
  const refuse = (to: string) => (to === REFUSED_ADDRESS ? { code: 550, message: '5.1.1 No such mailbox here' } : null);
  mailboxes = await Promise.all(Array.from({ length: E2E_WORKERS }, () => Mailbox.start({ refuse })));
  mailboxServers = await Promise.all(mailboxes.map(serveMailbox));
  const [importing, ...workers] = await Promise.all([startTrellis(), ...mailboxes.map((box) => startTrellis(box.url))]);
  ready(importing!).catch((error: unknown) => console.error(`The import journey's Trellis did not start: ${String(error)}`));
  await Promise.all(workers.map(ready));
  project.provide(
    'baseURLs',
    workers.map((w) => w.baseURL),
  );
  project.provide('importBaseURL', importing!.baseURL);
  project.provide(
    'mailboxURLs',
    mailboxServers.map((server) => `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`),
  );
}

/** The address the journeys' mail server refuses (550), as e2e/password-reset.e2e.ts expects. */
const REFUSED_ADDRESS = 'no.such.person@sunshine.example';
let mailboxes: Mailbox[] = [];
let mailboxServers: http.Server[] = [];

/** The mailbox's messages over HTTP on a free local port, for journeys (which run in other processes). */
async function serveMailbox(box: Mailbox): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mailbox');
    if (url.pathname !== '/messages') return void res.writeHead(404).end();
    const to = url.searchParams.get('to');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(to ? box.to(to) : box.received));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return server;
}

/** Stops each server (SIGTERM: it closes its database and lock) and removes its data directory. */
export async function teardown() {
  await Promise.all(
    running.map(async ({ process: child, dataDir, baseURL }) => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timeout);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      // The authenticator time steps and the sessions the journeys used (browser.ts).
      for (const kept of ['totp', 'sessions'])
        fs.rmSync(path.join(os.tmpdir(), `trellis-e2e-${kept}-${new URL(baseURL).port}.json`), { force: true });
    }),
  );
  await Promise.all(mailboxServers.map((server) => new Promise((resolve) => server.close(resolve))));
  await Promise.all(mailboxes.map((box) => box.close()));
}
