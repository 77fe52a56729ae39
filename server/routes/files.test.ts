/**
 * Attachments of observations, coaching logs and action steps.
 *
 * Permission matrix (GET list / POST upload / GET download / DELETE):
 * - signed out: 401 everywhere;
 * - another district's admin: 404 for every record and file;
 * - a record the caller may not read: 404 (coach and other teacher on an evaluation, by the
 *   coaching/evaluation firewall; another teacher on a coaching log or action step);
 * - a coaching log the caller sees only as a summary (the coachee's school leader): 403;
 * - attaching without the right (HR on an observation they only read): 403;
 * - deleting someone else's file without editing the record (the teacher): 403; the uploader, or
 *   whoever edits the record (the observer), deletes: 204.
 * Runs on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, files } from '../db/schema/index.ts';
import { tinyPdf } from '../seed/seed-files-data.ts';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { sessionBody } from '../test/fixtures/coaching.ts';
import { jpegWithGps, multipartBody, windowsExecutable } from '../test/fixtures/files.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const MB = 1024 * 1024;
const t = useTestApp({ FILES_MAX_MB: '1' });
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
const as: Record<string, Client> = {};
let observationId: string;
let logId: string;
let stepId: string;

function upload(client: Client, url: string, file: { name: string; data: Buffer; type?: string }) {
  const body = multipartBody(file);
  return client.request('POST', url, body.payload, { 'content-type': body.contentType });
}

async function uploadOk(client: Client, url: string, name = 'plan.pdf', data = tinyPdf('Lesson plan')) {
  const res = await upload(client, url, { name, data, type: 'application/pdf' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; mimeType: string; sizeBytes: number; abilities: { delete: boolean } };
}

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  for (const role of ['teacher', 'otherTeacher', 'leader', 'coach', 'hr', 'admin', 'outsider'] as const) {
    as[role] = await signIn(t.app, w[role].email);
  }
  // An evaluation: a scored observation of the teacher by their school leader, published.
  const started = await as.leader!.post('/api/observations', {
    typeId: w.fixture.scoredTypeId,
    observedPersonId: w.teacher.personId,
    observedOn: '2026-11-10',
  });
  expect(started.statusCode, started.body).toBe(201);
  observationId = started.json().id;
  const saved = await as.leader!.request('PUT', `/api/observations/${observationId}/draft`, {
    version: started.json().version,
    scores: w.fixture.criteria.map((c) => ({ criterionId: c.id, scaleLevelId: w.fixture.levels[1]!.id })),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const step = await as.leader!.post(`/api/observations/${observationId}/action-steps`, { title: 'Post the learning target' });
  expect(step.statusCode, step.body).toBe(201);
  stepId = step.json().id;
  const published = await as.leader!.post(`/api/observations/${observationId}/publish`, { version: saved.json().version });
  expect(published.statusCode, published.body).toBe(200);
  // A coaching session of the teacher's coach with the teacher.
  const log = await as.coach!.post('/api/coaching/logs', sessionBody([w.teacher.personId]));
  expect(log.statusCode, log.body).toBe(201);
  logId = log.json().id;
}, 120_000);

const ownerUrl = {
  observation: () => `/api/observations/${observationId}/files`,
  coachingLog: () => `/api/coaching/logs/${logId}/files`,
  actionStep: () => `/api/action-steps/${stepId}/files`,
};

describe('permission matrix', () => {
  it.each([
    ['observation', ownerUrl.observation, { teacher: 200, leader: 200, hr: 200, admin: 200, coach: 404, otherTeacher: 404, outsider: 404 }],
    ['coaching log', ownerUrl.coachingLog, { teacher: 200, coach: 200, leader: 403, hr: 403, otherTeacher: 404, outsider: 404 }],
    ['action step', ownerUrl.actionStep, { teacher: 200, leader: 200, coach: 200, hr: 200, otherTeacher: 404, outsider: 404 }],
  ] as const)('lists the %s attachments for those who read it in full', async (_name, url, expected) => {
    expect((await anonymous(t.app).get(url())).statusCode).toBe(401);
    for (const [role, status] of Object.entries(expected)) expect([role, (await as[role]!.get(url())).statusCode]).toEqual([role, status]);
  });

  it.each([
    ['observation', ownerUrl.observation, { leader: 201, teacher: 201, hr: 403, admin: 403, coach: 404, outsider: 404 }],
    ['coaching log', ownerUrl.coachingLog, { coach: 201, teacher: 201, leader: 403, otherTeacher: 404, outsider: 404 }],
    ['action step', ownerUrl.actionStep, { teacher: 201, leader: 201, coach: 201, otherTeacher: 404, outsider: 404 }],
  ] as const)('attaches to the %s only for those allowed', async (_name, url, expected) => {
    const file = { name: 'plan.pdf', data: tinyPdf('Plan'), type: 'application/pdf' };
    expect((await upload(anonymous(t.app), url(), file)).statusCode).toBe(401);
    for (const [role, status] of Object.entries(expected)) {
      expect([role, (await upload(as[role]!, url(), file)).statusCode]).toEqual([role, status]);
    }
  });

  it('serves a file only to those who may read its record', async () => {
    const evaluationFile = await uploadOk(as.leader!, ownerUrl.observation());
    const coachingFile = await uploadOk(as.coach!, ownerUrl.coachingLog());
    const url = (f: { id: string }) => `/api/files/${f.id}`;
    expect((await anonymous(t.app).get(url(evaluationFile))).statusCode).toBe(401);
    for (const [role, status] of [
      ['teacher', 200],
      ['leader', 200],
      ['coach', 404],
      ['otherTeacher', 404],
      ['outsider', 404],
    ] as const) {
      expect([role, (await as[role]!.get(url(evaluationFile))).statusCode]).toEqual([role, status]);
    }
    for (const [role, status] of [
      ['teacher', 200],
      ['coach', 200],
      ['leader', 403],
      ['outsider', 404],
    ] as const) {
      expect([role, (await as[role]!.get(url(coachingFile))).statusCode]).toEqual([role, status]);
    }
  });

  it('deletes for the uploader or whoever edits the record, audited; others 403/404', async () => {
    const leaders = await uploadOk(as.leader!, ownerUrl.observation());
    const teachers = await uploadOk(as.teacher!, ownerUrl.observation());
    const del = (client: Client, id: string) => client.request('DELETE', `/api/files/${id}`);
    expect((await del(anonymous(t.app), leaders.id)).statusCode).toBe(401);
    expect((await del(as.outsider!, leaders.id)).statusCode).toBe(404);
    expect((await del(as.coach!, leaders.id)).statusCode).toBe(404);
    expect((await del(as.teacher!, leaders.id)).statusCode).toBe(403);
    expect((await del(as.hr!, teachers.id)).statusCode).toBe(403);
    expect((await del(as.leader!, teachers.id)).statusCode).toBe(204); // the observer edits the record
    expect((await del(as.leader!, leaders.id)).statusCode).toBe(204);
    expect((await as.leader!.get(`/api/files/${leaders.id}`)).statusCode).toBe(404);
    expect((await del(as.leader!, leaders.id)).statusCode).toBe(404);
    const listed = (await as.leader!.get(ownerUrl.observation())).json().items.map((f: { id: string }) => f.id);
    expect(listed).not.toContain(leaders.id);
    const audits = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'file'), eq(auditLog.entityId, leaders.id)));
    expect(audits.map((a) => a.action).sort()).toEqual(['file.delete', 'file.upload']);
  });
});

describe('upload and download', () => {
  it('gives back the same bytes as an attachment that is never sniffed or shown inline', async () => {
    const pdf = tinyPdf('Lesson plan for Monday');
    const item = await uploadOk(as.teacher!, ownerUrl.actionStep(), 'Plan de la lección.pdf', pdf);
    expect(item).toMatchObject({
      name: 'Plan de la lección.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      abilities: { delete: true },
    });
    const res = await as.teacher!.get(`/api/files/${item.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Plan de la leccion.pdf"; filename*=UTF-8''Plan%20de%20la%20lecci%C3%B3n.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const [row] = await t.database.db.select().from(files).where(eq(files.id, item.id));
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.storageKey).toBe(`${w.districtId}/${item.id}`);
  });

  it('shows a download in the teacher\'s "who viewed my records", but not the teacher\'s own', async () => {
    const item = await uploadOk(as.leader!, ownerUrl.observation(), 'notes.pdf');
    const reads = async () =>
      ((await as.teacher!.get('/api/me/record-reads')).json() as { items: { entityType: string; entityId: string }[] }).items.filter(
        (r) => r.entityId === item.id,
      );
    expect((await as.teacher!.get(`/api/files/${item.id}`)).statusCode).toBe(200);
    expect(await reads()).toEqual([]);
    expect((await as.leader!.get(`/api/files/${item.id}`)).statusCode).toBe(200);
    expect(await reads()).toEqual([expect.objectContaining({ entityType: 'file', entityId: item.id })]);
  });

  it('strips the location from a photo; the stored photo still decodes', async () => {
    const item = await uploadOk(as.teacher!, ownerUrl.actionStep(), 'IMG_2041.jpg', jpegWithGps());
    expect(item.mimeType).toBe('image/jpeg');
    const res = await as.teacher!.get(`/api/files/${item.id}`);
    expect(await exifr.gps(res.rawPayload)).toBeUndefined();
    expect(jpeg.decode(res.rawPayload).width).toBe(32);
  });

  it('makes a name with ../ and control characters safe', async () => {
    const item = await uploadOk(as.teacher!, ownerUrl.actionStep(), '../../etc/pass\u0007wd\u202E.pdf');
    expect(item.name).toBe('passwd.pdf');
  });

  it('refuses an executable calling itself a PDF, an empty file, and a body without a file', async () => {
    const exe = await upload(as.teacher!, ownerUrl.actionStep(), { name: 'plan.pdf', data: windowsExecutable(), type: 'application/pdf' });
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details.code).toBe('type_not_allowed');
    const empty = await upload(as.teacher!, ownerUrl.actionStep(), { name: 'empty.pdf', data: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.code).toBe('empty_file');
    const none = await as.teacher!.post(ownerUrl.actionStep(), {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.details.code).toBe('no_file');
  });

  it('refuses a file over FILES_MAX_MB (413) read in full or streamed without a length', async () => {
    const big = await upload(as.teacher!, ownerUrl.actionStep(), {
      name: 'big.pdf',
      data: Buffer.concat([tinyPdf('x'), Buffer.alloc(MB + 10)]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    let pulled = 0;
    const boundary = 'trellischunked';
    const stream = Readable.from(
      (function* () {
        yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\n\r\n%PDF-1.4\n`);
        for (let i = 0; i < 40; i++) {
          pulled += 256 * 1024;
          yield Buffer.alloc(256 * 1024, 0x41);
        }
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
    );
    const chunked = await as.teacher!.request('POST', ownerUrl.actionStep(), stream, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(chunked.statusCode).toBe(413);
    expect(pulled).toBeLessThanOrEqual(3 * MB);
  });

  it('refuses a 2 GB upload from its headers, before any of it is sent', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: ownerUrl.actionStep(),
        headers: {
          cookie: as.teacher!.cookie!,
          'x-csrf-token': as.teacher!.csrfToken!,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(2 * 1024 * MB),
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode!);
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders(); // headers only: not one byte of the body
    });
    expect(status).toBe(413);
  });
});
