/**
 * A server killed (SIGKILL) in the middle of a roster import loses nothing and half-writes
 * nothing: the import's one transaction is rolled back with the process, and its job (pg-boss,
 * server/jobs/) runs again after the restart, so the import ends applied exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { oneRosterSet } from '../test/roster-fixtures.ts';
import { nextTotpCode } from '../test/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../seed/seed-data.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-crash-'));
let server: ChildProcess | undefined;

async function freePort() {
  return new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The job queue's lines the server wrote (queue name and message), in order. */
let jobLines: string[] = [];
/** Starts the server; with a failpoint, it kills itself with SIGKILL on reaching it (server/lib/failpoint.ts). */
async function start(failpoint = '') {
  const port = await freePort();
  jobLines = [];
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'debug', DATABASE_URL: '', TRELLIS_FAILPOINT: failpoint },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let pending = '';
  server.stdout!.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.includes('"queue"')) continue;
      const { queue, msg } = JSON.parse(line) as { queue: string; msg: string };
      jobLines.push(`${queue} ${msg}`);
    }
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 720; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return base;
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

/** Signs in as the demo admin: the password, then a code from the demo authenticator secret. */
async function signIn(base: string) {
  const post = (url: string, body: unknown) =>
    fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const email = 'admin@sunshine.example';
  const { secondFactor } = (await (await post('/api/auth/sign-in', { email, password: DEMO_PASSWORD })).json()) as {
    secondFactor: { challenge: string };
  };
  const res = await post('/api/auth/mfa/verify', {
    challenge: secondFactor.challenge,
    method: 'totp',
    code: await nextTotpCode(email, DEMO_TOTP_SECRET),
  });
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('killed mid-import', () => {
  it('rolls the half-written import back and applies it once after a restart', async () => {
    let base = await start('roster-import:mid-write');
    let headers = await signIn(base);
    const count = async () =>
      ((await (await fetch(`${base}/api/people?limit=1&active=all`, { headers })).json()) as { total: number }).total;
    const before = await count();
    const form = new FormData();
    for (const f of oneRosterSet(20000, 200, 'crash')) form.append('file', new Blob([f.data]), f.name);
    type Import = { id: string; status: string; report: { counts: { people: { create: number } } } };
    const created = (await (await fetch(`${base}/api/imports`, { method: 'POST', headers, body: form })).json()) as Import;
    const killed = server!;
    const closed = new Promise<NodeJS.Signals | null>((r) => killed.once('close', (_code, signal) => r(signal)));
    // The job may reach the failpoint before the 202 leaves the process; then the kill cuts the answer off.
    const applied = await fetch(`${base}/api/imports/${created.id}/apply`, { method: 'POST', headers }).catch(() => null);
    if (applied) expect(applied.status).toBe(202);
    // Nothing else kills it: SIGKILL means the failpoint was reached, inside the import's transaction.
    expect(await closed, 'the server killed itself a few batches into the import').toBe('SIGKILL');
    expect(jobLines, 'the import was still being applied when the server was killed').not.toContain('roster-import job done');

    base = await start();
    headers = await signIn(base);
    // The killed process wrote nothing of the import; the restarted one applies it again, whole.
    let after: Import | undefined;
    for (let i = 0; i < 480; i++) {
      after = (await (await fetch(`${base}/api/imports/${created.id}`, { headers })).json()) as Import;
      if (after.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(after?.status).toBe('applied');
    // Everyone the dry run planned is created by the second run: the first left none of them behind.
    expect(after!.report.counts.people.create).toBe(created.report.counts.people.create);
    expect(after!.report.counts.people.create).toBeGreaterThan(1000);
    expect(await count()).toBe(before + after!.report.counts.people.create);
  }, 300_000);
});
