/**
 * Permission matrix (roles in policies/permissions.test.ts): signed out -> 401; another
 * district's import -> 404; everyone but district admins -> 403.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rosterImports } from '../db/schema/index.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';
import { hasOneRosterSamples, ONEROSTER_SAMPLES as samples, withSamples } from '../test/oneroster-samples.ts';
import { QUIRKY_PASSWORD, quirkyOneRoster11, quirkyOneRoster12, zipOf } from '../test/roster-fixtures.ts';
import type { App } from '../app.ts';

/** Every line the app logs, as parsed JSON, to check what a log may hold. */
const logged: Record<string, unknown>[] = [];
const logStream = { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) };
const t = useTestApp({ MAX_UPLOAD_MB: '5' }, { logger: { level: 'info', stream: logStream } });

/** A multipart/form-data body with the given files as `file` fields. */
function multipart(files: { name: string; data: Buffer | string }[]) {
  const boundary = `----trellis${Date.now()}`;
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(f.data) ? f.data : Buffer.from(f.data),
      Buffer.from('\r\n'),
    ]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(client: Client, files: { name: string; data: Buffer | string }[]) {
  const { body, contentType } = multipart(files);
  return client.request('POST', '/api/imports', body, { 'content-type': contentType });
}

async function rows(query: SQL) {
  return ((await t.database.db.execute(query)) as unknown as { rows: unknown[] }).rows;
}

async function applyAndWait(client: Client, id: string) {
  const started = await client.post(`/api/imports/${id}/apply`);
  expect(started.statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const current = (await client.get(`/api/imports/${id}`)).json();
    if (current.status !== 'running') return current;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

let admin: Client;
let adminPersonId: string;
beforeAll(async () => {
  const d = await buildDistrict(t.database.db);
  const user = await buildUser(t.database.db, d.id, 'district_admin');
  adminPersonId = user.personId;
  admin = await signIn(t.app, user.email);
});

/** A OneRoster 1.2 zip, three of whose staff are created; who to look for, and the password in it. */
interface StaffSet {
  name: string;
  zip: () => Buffer;
  givenNames: string[];
  /** The secondary school administrator whose only role has ended, as a search and by family name. */
  admin: { search: string; family: string };
  password: string;
}

const ourSet: StaffSet = {
  name: 'our-set.zip',
  zip: () => zipOf(quirkyOneRoster12()),
  givenNames: ['Lena', 'Rosa', 'Samuel'],
  admin: { search: 'samuel okafor', family: 'okafor' },
  password: QUIRKY_PASSWORD,
};
const sampleSet: StaffSet = {
  name: 'v1p2_full_dataset.zip',
  zip: () => fs.readFileSync(path.join(samples, 'v1p2_full_dataset.zip')),
  givenNames: ['Jim', 'John', 'Thomas'],
  admin: { search: 'thomas jones', family: 'jones' },
  password: 'Password1-',
};

async function importsIdempotently(set: StaffSet) {
  const zip = set.zip();
  const dry = await upload(admin, [{ name: set.name, data: zip }]);
  expect(dry.statusCode).toBe(201);
  const report = dry.json().report;
  expect(dry.json()).toMatchObject({ status: 'validated', format: 'oneroster-1.2', mode: 'bulk' });
  expect(report.counts.people).toMatchObject({ create: 3, error: 0 });
  expect(report.counts.orgs.create).toBe(1);
  expect(report.counts.roles.create).toBe(3);
  const people = await admin.get(`/api/people?q=${set.admin.family}&active=all`);
  expect(people.json().items).toHaveLength(0); // a dry run writes nothing

  const applied = await applyAndWait(admin, dry.json().id);
  expect(applied.status).toBe('applied');
  const created = await rows(sql`select after from audit_log where action = 'person.import_create' and request_id = ${dry.json().id}`);
  expect(created).toHaveLength(3);
  expect(created.map((r) => (r as { after: { givenName: string } }).after.givenName).sort()).toEqual(set.givenNames);
  const found = (await admin.get(`/api/people?q=${encodeURIComponent(set.admin.search)}`)).json().items;
  expect(found).toHaveLength(1);
  expect(found[0].primaryRole).toBeNull(); // the one role ended in 2025: history, not current
  const detail = (await admin.get(`/api/people/${found[0].id}`)).json();
  expect(detail.roleAssignments[0]).toMatchObject({
    role: 'school_administrator',
    isPrimary: false,
    beginDate: '2024-03-06',
    endDate: '2025-09-23',
  });

  const again = await upload(admin, [{ name: set.name, data: zip }]);
  expect(again.json().report.counts.people).toMatchObject({ create: 0, update: 0, deactivate: 0, unchanged: 3 });
  const personAudits = () => rows(sql`select count(*)::int as n from audit_log where entity_type = 'person'`);
  const auditBefore = await personAudits();
  await applyAndWait(admin, again.json().id);
  expect(await personAudits()).toEqual(auditBefore);

  const dump = await rows(sql`select row_to_json(p)::text as j from people p union all select parsed::text from roster_imports`);
  expect(JSON.stringify(dump)).not.toContain(set.password);
}

describe('OneRoster import, dry run then apply', () => {
  it('imports our own 1.2 zip (CRLF, header typos, students mixed in) idempotently and never stores its passwords', async () => {
    await importsIdempotently(ourSet);
  });

  it.skipIf(!hasOneRosterSamples)(withSamples('imports the real 1.2 sample zip idempotently and never stores its passwords'), async () => {
    await importsIdempotently(sampleSet);
  });

  it('keeps the importing admin active although a bulk set does not list them', async () => {
    const me = (await admin.get(`/api/people/${adminPersonId}`)).json();
    expect(me.active).toBe(true);
  });

  it('refuses to apply an import with errors, and reports file, line and reason', async () => {
    const users =
      'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName\n' +
      'u1,active,2024-01-01,true,org-x,teacher,a,Ann,Able\nu2,active,2024-01-01,true,org-x,wizard,b,Bo,Baker\n';
    const dry = await upload(admin, [{ name: 'users.csv', data: users }]);
    expect(dry.statusCode).toBe(201);
    const errors = dry.json().report.issues.filter((i: { severity: string }) => i.severity === 'error');
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'users.csv', line: 3, code: 'unknown_role' })]));
    expect(dry.json().abilities.apply).toBe(false);
    const res = await admin.post(`/api/imports/${dry.json().id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
  });

  it('answers 409 conflict to a second import while one is running', async () => {
    const first = await upload(admin, [{ name: 'set-1.2.zip', data: zipOf(quirkyOneRoster12()) }]);
    const second = await upload(admin, [{ name: 'set-1.1.zip', data: zipOf(quirkyOneRoster11()) }]);
    // Hold the first as running the way a long import would.
    await t.database.db
      .update(rosterImports)
      .set({ status: 'running' })
      .where(sql`id = ${first.json().id}`);
    const res = await admin.post(`/api/imports/${second.json().id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.details.current.id).toBe(first.json().id);
    await t.database.db
      .update(rosterImports)
      .set({ status: 'failed' })
      .where(sql`id = ${first.json().id}`);
    expect((await applyAndWait(admin, second.json().id)).status).toBe('applied');
  });

  it('gives a clear error for a file it cannot read', async () => {
    const res = await upload(admin, [{ name: 'roster.zip', data: 'this is not a zip' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.code).toBe('invalid_zip');
  });

  it('serves the staff templates', async () => {
    const csv = await admin.get('/api/imports/templates/staff.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('staff_id');
    const xlsx = await admin.get('/api/imports/templates/staff.xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('upload size', () => {
  /** Sends only the headers of a huge upload over a real socket and reads the answer. */
  async function announceHugeUpload(app: App, csrf: string, cookie: string) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    return new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nx-csrf-token: ${csrf}\r\n` +
            `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${1024 ** 3}\r\n\r\n--x\r\n`,
        );
      });
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk.toString();
        if (answer.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(answer);
        }
      });
      socket.on('error', reject);
    });
  }

  it('refuses a 1 GB upload from its headers, before reading the body', async () => {
    const answer = await announceHugeUpload(t.app, admin.csrfToken!, admin.cookie!);
    expect(answer).toMatch(/^HTTP\/1.1 413/);
  });
});

describe('a nightly sync: what the dry run accepts, apply writes', () => {
  let other: Client;
  beforeAll(async () => {
    const d = await buildDistrict(t.database.db);
    other = await signIn(t.app, (await buildUser(t.database.db, d.id, 'district_admin')).email);
  });

  const csv = (lines: string[]) => lines.join('\n') + '\n';
  const nightly = (staff: string[], roles: string[] = []) => [
    {
      name: 'orgs.csv',
      data: csv([
        'sourcedId,status,name,type,parentSourcedId',
        'n-district,active,District,district,',
        'n-sch,active,North School,school,n-district',
        'n-closed,tobedeleted,Closed School,school,n-district',
        'n-annex,active,Annex,school,n-closed',
      ]),
    },
    { name: 'users.csv', data: csv(['sourcedId,status,givenName,familyName,email', ...staff]) },
    {
      name: 'roles.csv',
      data: csv([
        'sourcedId,status,userSourcedId,role,orgSourcedId',
        'n-r1,active,n-u1,teacher,n-sch',
        'n-r2,active,n-left,teacher,n-sch',
        'n-r3,active,n-u1,aide,n-closed',
        ...roles,
      ]),
    },
  ];

  it('applies a set whose tobedeleted user and school still have active roles, as its dry run said', async () => {
    const dry = await upload(
      other,
      nightly(['n-u1,active,Nora,Nightly,nora@example.org', 'n-left,tobedeleted,Lee,Leaver,lee@example.org']),
    );
    const report = dry.json().report;
    expect(report.counts.roles).toMatchObject({ create: 1, error: 0 });
    expect(report.issues.map((i: { severity: string; code: string; line: number }) => `${i.severity} ${i.code} ${i.line}`).sort()).toEqual([
      'warning parent_org_deleted 5',
      'warning role_of_deleted_org 4',
      'warning role_of_deleted_person 3',
    ]);
    expect(dry.json().abilities.apply).toBe(true);
    const applied = await applyAndWait(other, dry.json().id);
    expect(applied).toMatchObject({ status: 'applied', error: null });
    expect(applied.report.counts).toEqual(report.counts);
    const nora = (await other.get('/api/people?q=nightly')).json().items;
    expect(nora).toHaveLength(1);
    expect((await other.get('/api/people?q=leaver&active=all')).json().items).toHaveLength(0);
  });

  it('logs a failed apply as counts and ids, never names, e-mails or rows', async () => {
    // A write the database refuses at apply time (a trigger the dry run cannot know about).
    await t.database.db.execute(
      sql.raw(`create function refuse_explode() returns trigger language plpgsql as $$
      begin if new.family_name = 'Explode' then raise exception 'refused by the test'; end if; return new; end $$`),
    );
    await t.database.db.execute(
      sql.raw('create trigger refuse_explode before insert on people for each row execute function refuse_explode()'),
    );
    try {
      const staff = Array.from(
        { length: 40 },
        (_, i) => `n-many-${i},active,Secretname${i},${i === 39 ? 'Explode' : `Family${i}`},secret.mail${i}@example.org`,
      );
      const roles = Array.from({ length: 40 }, (_, i) => `n-many-r${i},active,n-many-${i},teacher,n-sch`);
      const dry = await upload(
        other,
        nightly(['n-u1,active,Nora,Nightly,nora@example.org', 'n-left,tobedeleted,Lee,Leaver,lee@example.org', ...staff], roles),
      );
      expect(dry.json().abilities.apply).toBe(true);
      logged.length = 0;
      const failed = await applyAndWait(other, dry.json().id);
      expect(failed).toMatchObject({ status: 'failed', error: 'write_failed' });
      const lines = logged.filter((l) => l.msg === 'roster import failed');
      expect(lines).toHaveLength(1);
      const line = JSON.stringify(lines[0]);
      expect(lines[0]).toMatchObject({ importId: dry.json().id, counts: { people: { create: 40 } } });
      expect(line).not.toMatch(/Secretname|secret\.mail|Explode|Family\d/);
      expect(line.length).toBeLessThan(2000);
    } finally {
      await t.database.db.execute(sql.raw('drop trigger refuse_explode on people'));
      await t.database.db.execute(sql.raw('drop function refuse_explode()'));
    }
  });
});
