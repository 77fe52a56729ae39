/**
 * Permission matrix: signed out -> 401; export and import of a translations file -> HR and district
 * admins (a teacher 403). Rows naming a record of another district, a field that cannot be
 * translated, or a translation changed since the export are row errors of the dry run, and a file
 * with any error applies nothing.
 */
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let teacher: Client;
let otherTypeId: string;

beforeAll(async () => {
  const db = t.database.db;
  const district = await buildDistrict(db);
  hr = await signIn(t.app, (await buildUser(db, district.id, 'hr')).email);
  teacher = await signIn(t.app, (await buildUser(db, district.id, 'staff')).email);
  const otherHr = await signIn(t.app, (await buildUser(db, (await buildDistrict(db, 'Other')).id, 'hr')).email);
  for (const name of ['=Formal observation', 'Walkthrough']) {
    const walkthrough = name === 'Walkthrough';
    const res = await hr.post(
      '/api/observation-types',
      walkthrough ? { name, kind: 'walkthrough', lookFors: ['Objective posted'] } : { name, kind: 'scored' },
    );
    expect(res.statusCode, res.body).toBe(201);
  }
  otherTypeId = (await otherHr.post('/api/observation-types', { name: 'Theirs', kind: 'scored' })).json().id;
});

function multipart(csv: string) {
  const boundary = `----trellis${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="es.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = (client: Client, csv: string, dryRun: boolean) => {
  const { body, contentType } = multipart(csv);
  return client.request('POST', `/api/translations/observation_type/import?dryRun=${dryRun}`, body, { 'content-type': contentType });
};

const csvOf = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');

describe('translations file', () => {
  it('answers 401 signed out and 403 to a teacher', async () => {
    expect((await anonymous(t.app).get('/api/translations/observation_type/export.csv')).statusCode).toBe(401);
    expect((await teacher.get('/api/translations/observation_type/export.csv')).statusCode).toBe(403);
    expect((await upload(teacher, 'entity_id,field,translation\n', true)).statusCode).toBe(403);
  });

  it('exports every original, safe to open, and imports the filled file after a dry run', async () => {
    const res = await hr.get('/api/translations/observation_type/export.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.rawPayload, { columns: true, bom: true }) as Record<string, string>[];
    const formal = rows.find((r) => r.field === 'name' && r.original?.includes('Formal observation'))!;
    // A cell starting with "=" is neutralised for spreadsheets.
    expect(formal.original).toBe("'=Formal observation");
    const walk = rows.find((r) => r.field === 'name' && r.original === 'Walkthrough')!;
    const header = ['entity_id', 'field', 'group', 'original', 'translation', 'version'];
    const filled = csvOf([
      header,
      [formal.entity_id!, 'name', '', formal.original!, "'=Observación formal", '0'],
      [walk.entity_id!, 'name', '', 'Walkthrough', 'Recorrido', '0'],
    ]);
    const dry = await upload(hr, filled, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, applied: false, rows: 2, changes: 2, unchanged: 0, errors: [] });
    expect((await hr.get('/api/translations/observation_type')).json().rows.filter((r: { text: string }) => r.text)).toEqual([]);
    const applied = await upload(hr, filled, false);
    expect(applied.json()).toMatchObject({ applied: true, changes: 2 });
    const table = (await hr.get('/api/translations/observation_type')).json().rows;
    expect(table.find((r: { entityId: string; field: string }) => r.entityId === formal.entity_id && r.field === 'name')).toMatchObject({
      text: '=Observación formal',
      version: 1,
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'translation.import'));
    expect(audit).toHaveLength(2);
    // The same file again changes nothing.
    expect((await upload(hr, filled, false)).json()).toMatchObject({ applied: false, changes: 0, unchanged: 2, errors: [] });
  });

  it('reports row errors in the dry run and applies nothing from a file with errors', async () => {
    const table = (await hr.get('/api/translations/observation_type')).json().rows;
    const walk = table.find((r: { original: string; field: string }) => r.original === 'Walkthrough' && r.field === 'name');
    const file = csvOf([
      ['entity_id', 'field', 'translation', 'version'],
      // Changed since this (version 0) export: Recorrido was saved as version 1.
      [walk.entityId, 'name', 'Paseo', '0'],
      [otherTypeId, 'name', 'Suyo', '0'],
      [walk.entityId, 'lookFors', 'Objetivo', '0'],
      [walk.entityId, 'description', 'Una visita corta', '0'],
    ]);
    const dry = (await upload(hr, file, true)).json();
    expect(dry.errors).toEqual([
      { row: 2, code: 'changed_since_export' },
      { row: 3, code: 'unknown_record' },
      { row: 4, code: 'unknown_field' },
    ]);
    expect(dry.changes).toBe(1);
    expect((await upload(hr, file, false)).json()).toMatchObject({ applied: false });
    const after = (await hr.get('/api/translations/observation_type')).json().rows;
    expect(after.find((r: { entityId: string; field: string }) => r.entityId === walk.entityId && r.field === 'name').text).toBe(
      'Recorrido',
    );
    expect((await upload(hr, 'not,a\n"broken', true)).statusCode).toBe(400);
  });
});
