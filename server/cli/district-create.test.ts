/**
 * `npm run district:create`: a district with its first admin, who sets a password through the
 * one-time link printed to the operator and signs in as district admin; a duplicate slug is
 * refused with a clear message and nothing written; only the link's hash is stored, no e-mail.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { auditLog, districts, outboxEmails, passwordResets, users } from '../db/schema/index.ts';
import { signInEnrolling, useTestApp } from '../test/harness.ts';
import { districtCreate } from './district-create.ts';

const t = useTestApp({ PUBLIC_URL: 'https://trellis.lakeview.example' });
const PASSWORD = 'a long passphrase for lakeview';
const args = (slug: string, email: string) => [
  '--name',
  'Lakeview Unified',
  '--slug',
  slug,
  '--time-zone',
  'America/Chicago',
  '--admin-email',
  email,
  '--admin-given-name',
  'Ana',
  '--admin-family-name',
  'Ruiz',
];

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await districtCreate(argv, { PUBLIC_URL: 'https://trellis.lakeview.example' }, (l) => lines.push(l), t.database);
  return { code, out: lines.join('\n') };
}

describe('district:create', () => {
  it('creates the district and its admin, who sets a password from the printed link and signs in as district admin', async () => {
    const { code, out } = await run(args('lakeview', 'It@Lakeview.example'));
    expect(code, out).toBe(0);
    const link = /https:\/\/trellis\.lakeview\.example\/reset-password\?token=(\S+)/.exec(out);
    expect(link, out).not.toBeNull();
    const token = link![1]!;

    const [district] = await t.database.db.select().from(districts).where(eq(districts.slug, 'lakeview'));
    expect(district).toMatchObject({ name: 'Lakeview Unified', timeZone: 'America/Chicago' });
    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'it@lakeview.example'));
    expect(user).toMatchObject({ districtId: district!.id, adminGrant: 'district_admin', passwordHash: null });
    // Only the hash is stored, and nothing went to the outbox.
    const resets = await t.database.db.select().from(passwordResets).where(eq(passwordResets.userId, user!.id));
    expect(resets).toHaveLength(1);
    expect(JSON.stringify(resets)).not.toContain(token);
    expect(await t.database.db.select().from(outboxEmails).where(eq(outboxEmails.districtId, district!.id))).toEqual([]);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.districtId, district!.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['district.create', 'person.create', 'user.create', 'user.set_admin_grant']);

    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: PASSWORD },
    });
    expect(confirmed.statusCode, confirmed.body).toBeLessThan(300);
    // A district admin must set up an authenticator at the first sign-in.
    const { client: admin } = await signInEnrolling(t.app, 'it@lakeview.example', PASSWORD);
    const session = (await admin.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ access: 'district_admin' });
    expect(session.user.abilities).toMatchObject({ importRoster: true, viewAudit: true });
    // The link worked once.
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: PASSWORD } });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a slug or an e-mail already in use, saying so, and writes nothing', async () => {
    const before = await t.database.db.select().from(districts);
    const slug = await run(args('lakeview', 'someone-else@lakeview.example'));
    expect(slug.code).toBe(1);
    expect(slug.out).toContain('A district with the slug "lakeview" already exists');
    const email = await run(args('lakeview-2', 'it@lakeview.example'));
    expect(email.code).toBe(1);
    expect(email.out).toContain('An account already uses it@lakeview.example');
    expect(await t.database.db.select().from(districts)).toHaveLength(before.length);
    expect((await run(['--slug', 'x'])).code).toBe(2);
    expect((await run(args('Bad Slug!', 'x@lakeview.example'))).out).toContain('lower-case letters');
  });

  it('runs as `npm run district:create` on the configured database', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PUBLIC_URL: 'https://trellis.example', LOG_LEVEL: 'silent' };
    let cleanup: () => Promise<void>;
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      const name = `trellis_cli_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      cleanup = async () => {
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      };
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'trellis-cli-'));
      env.DATA_DIR = dir;
      delete env.DATABASE_URL;
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    try {
      const root = path.join(import.meta.dirname, '..', '..');
      const { stdout } = await promisify(execFile)(
        'npm',
        ['run', '-s', 'district:create', '--', ...args('riverside', 'it@riverside.example')],
        { cwd: root, env },
      );
      expect(stdout).toContain('District "Lakeview Unified" (riverside) created');
      expect(stdout).toMatch(/https:\/\/trellis\.example\/reset-password\?token=\S+/);
    } finally {
      await cleanup();
    }
  }, 180_000);
});
