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
import type { App } from '../app.ts';

const t = useTestApp({ MAX_UPLOAD_MB: '5' });
const samples = path.resolve(import.meta.dirname, '../../../shared/interop-samples/oneroster');

/** A multipart/form-data body with the given files as `file` fields. */
function multipart(files: { name: string; data: Buffer | string }[]) {
  const boundary = `----trellis${Date.now()}`;
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
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

describe('OneRoster import, dry run then apply', () => {
  it('imports the real 1.2 sample zip idempotently and never stores its passwords', async () => {
    const zip = fs.readFileSync(path.join(samples, 'v1p2_full_dataset.zip'));
    const dry = await upload(admin, [{ name: 'v1p2_full_dataset.zip', data: zip }]);
    expect(dry.statusCode).toBe(201);
    const report = dry.json().report;
    expect(dry.json()).toMatchObject({ status: 'validated', format: 'oneroster-1.2', mode: 'bulk' });
    expect(report.counts.people).toMatchObject({ create: 3, error: 0 });
    expect(report.counts.orgs.create).toBe(1);
    expect(report.counts.roles.create).toBe(3);
    const people = await admin.get('/api/people?q=jones&active=all');
    expect(people.json().items).toHaveLength(0); // a dry run writes nothing

    const applied = await applyAndWait(admin, dry.json().id);
    expect(applied.status).toBe('applied');
    const created = await rows(sql`select after from audit_log where action = 'person.import_create' and request_id = ${dry.json().id}`);
    expect(created).toHaveLength(3);
    expect(created.map((r) => (r as { after: { givenName: string } }).after.givenName).sort()).toEqual(['Jim', 'John', 'Thomas']);
    const thomas = (await admin.get('/api/people?q=thomas%20jones')).json().items;
    expect(thomas).toHaveLength(1);
    expect(thomas[0].primaryRole).toBeNull(); // his only role ended in 2025: history, not current
    const detail = (await admin.get(`/api/people/${thomas[0].id}`)).json();
    expect(detail.roleAssignments[0]).toMatchObject({ role: 'school_administrator', isPrimary: false, beginDate: '2024-03-06', endDate: '2025-09-23' });

    const again = await upload(admin, [{ name: 'v1p2_full_dataset.zip', data: zip }]);
    expect(again.json().report.counts.people).toMatchObject({ create: 0, update: 0, deactivate: 0, unchanged: 3 });
    const personAudits = () => rows(sql`select count(*)::int as n from audit_log where entity_type = 'person'`);
    const auditBefore = await personAudits();
    await applyAndWait(admin, again.json().id);
    expect(await personAudits()).toEqual(auditBefore);

    const dump = await rows(sql`select row_to_json(p)::text as j from people p union all select parsed::text from roster_imports`);
    expect(JSON.stringify(dump)).not.toContain('Password1-');
  });

  it('keeps the importing admin active although a bulk set does not list them', async () => {
    const me = (await admin.get(`/api/people/${adminPersonId}`)).json();
    expect(me.active).toBe(true);
  });

  it('refuses to apply an import with errors, and reports file, line and reason', async () => {
    const users = 'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,givenName,familyName\n' +
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
    const first = await upload(admin, [{ name: 'v1p2_full_dataset.zip', data: fs.readFileSync(path.join(samples, 'v1p2_full_dataset.zip')) }]);
    const second = await upload(admin, [{ name: 'Test_full_data_set.zip', data: fs.readFileSync(path.join(samples, 'Test_full_data_set.zip')) }]);
    // Hold the first as running the way a long import would.
    await t.database.db.update(rosterImports).set({ status: 'running' }).where(sql`id = ${first.json().id}`);
    const res = await admin.post(`/api/imports/${second.json().id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.details.current.id).toBe(first.json().id);
    await t.database.db.update(rosterImports).set({ status: 'failed' }).where(sql`id = ${first.json().id}`);
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
