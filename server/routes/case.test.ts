/**
 * Permission matrix: signed out -> 401 (imports, exports, templates); another district's version
 * -> 404 (exports); imports by anyone but HR and district admins -> 403.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePackage } from '../test/fixtures/case-package.ts';
import { interopSamples, officialSchemaErrors } from '../test/fixtures/case-schema.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp({ MAX_UPLOAD_MB: '5' });

function multipart(name: string, data: Buffer | string) {
  const boundary = `----trellis${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const upload = (client: Client, kind: 'case' | 'spreadsheet', name: string, data: Buffer | string, query = 'dryRun=false') => {
  const { body, contentType } = multipart(name, data);
  return client.request('POST', `/api/framework-imports/${kind}?${query}`, body, { 'content-type': contentType });
};
const json = (value: unknown) => JSON.stringify(value);

async function rows<T = Record<string, unknown>>(query: SQL) {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Everything stored for a version, ids replaced by CASE identifiers, so two imports can be compared field by field. */
async function snapshot(versionId: string) {
  const [version] = await rows(sql`select case_identifier, title, description, creator, publisher, language, version_label, adoption_status,
    item_types, case_fields, status, source_changed_at, version_number from framework_versions where id = ${versionId}`);
  const items =
    await rows(sql`select i.case_identifier, p.case_identifier as parent, i.position, i.parent_association_identifier, i.item_type,
      i.human_code, i.full_statement, i.abbreviated_statement, i.alternative_label, i.notes, i.language, i.list_enumeration, i.education_level,
      i.concept_keywords, i.case_fields, i.source_item_ids, i.retired, i.source_changed_at
    from framework_items i left join framework_items p on p.id = i.parent_id where i.version_id = ${versionId} order by i.case_identifier`);
  const associations =
    await rows(sql`select a.case_identifier, a.association_type, o.case_identifier as origin, d.case_identifier as destination,
      a.origin_node, a.destination_node, a.sequence_number, a.notes, a.case_fields
    from framework_associations a left join framework_items o on o.id = a.origin_item_id left join framework_items d on d.id = a.destination_item_id
    where a.version_id = ${versionId} order by a.case_identifier`);
  const rubrics = await rows(sql`select r.case_identifier, r.title, r.description, r.case_fields, r.scale_id is not null as scaled,
      (select coalesce(jsonb_agg(jsonb_build_object('id', c.case_identifier, 'item', i.case_identifier, 'position', c.position, 'category', c.category,
        'description', c.description, 'weight', c.weight, 'caseFields', c.case_fields,
        'levels', (select coalesce(jsonb_agg(jsonb_build_object('id', d.case_identifier, 'position', d.position, 'quality', d.quality, 'score', d.level_score,
          'description', d.description, 'feedback', d.feedback, 'caseFields', d.case_fields, 'scaled', d.scale_level_id is not null) order by d.case_identifier), '[]')
          from rubric_descriptors d where d.criterion_id = c.id)) order by c.case_identifier), '[]')
       from rubric_criteria c left join framework_items i on i.id = c.item_id where c.rubric_id = r.id) as criteria
    from rubrics r where r.version_id = ${versionId} order by r.case_identifier`);
  return { version, items, associations, rubrics };
}

let hr: Client;
let admin: Client;
let teacher: Client;
let otherHr: Client;
/** HR of a district of its own, so files other tests import are not "already imported" there. */
let samplesHr: Client;
beforeAll(async () => {
  const samples = await buildDistrict(t.database.db, 'Samples');
  samplesHr = await signIn(t.app, (await buildUser(t.database.db, samples.id, 'hr')).email);
  const d = await buildDistrict(t.database.db);
  const other = await buildDistrict(t.database.db, 'Other');
  hr = await signIn(t.app, (await buildUser(t.database.db, d.id, 'hr')).email);
  admin = await signIn(t.app, (await buildUser(t.database.db, d.id, 'district_admin')).email);
  teacher = await signIn(t.app, (await buildUser(t.database.db, d.id, 'staff')).email);
  otherHr = await signIn(t.app, (await buildUser(t.database.db, other.id, 'hr')).email);
});

describe('permission matrix', () => {
  it('answers 401 signed out, 403 to staff importing, 404 to another district exporting', async () => {
    const pkg = json(samplePackage({ seed: 'matrix' }));
    expect((await upload(anonymous(t.app), 'case', 'a.json', pkg)).statusCode).toBe(401);
    expect((await upload(teacher, 'case', 'a.json', pkg)).statusCode).toBe(403);
    expect((await upload(teacher, 'spreadsheet', 'a.csv', 'statement\nA\n')).statusCode).toBe(403);
    const created = await upload(admin, 'case', 'a.json', pkg, 'dryRun=false&publish=true');
    expect(created.statusCode).toBe(201);
    const versionId = created.json().versionId as string;
    expect((await anonymous(t.app).get(`/api/framework-versions/${versionId}/export/case`)).statusCode).toBe(401);
    expect((await anonymous(t.app).get('/api/framework-imports/template.csv')).statusCode).toBe(401);
    for (const format of ['case', 'csv', 'xlsx']) {
      expect((await otherHr.get(`/api/framework-versions/${versionId}/export/${format}`)).statusCode).toBe(404);
      // Published: everyone in the district reads it.
      expect((await teacher.get(`/api/framework-versions/${versionId}/export/${format}`)).statusCode).toBe(200);
    }
  });

  it('hides a draft from staff (404) and lets HR export it', async () => {
    const created = await upload(hr, 'case', 'draft.json', json(samplePackage({ seed: 'draft' })));
    expect(created.json().status).toBe('draft');
    expect((await teacher.get(`/api/framework-versions/${created.json().versionId}/export/case`)).statusCode).toBe(404);
    expect((await hr.get(`/api/framework-versions/${created.json().versionId}/export/case`)).statusCode).toBe(200);
  });
});

describe('CASE import: dry run, apply, export, round trip', () => {
  it('reports counts and writes nothing on a dry run; apply creates a draft; the same file again is not imported twice', async () => {
    const pkg = json(samplePackage({ seed: 'dry', items: 40, rubrics: 2, criteriaPerRubric: 3 }));
    const before = await rows(sql`select count(*)::int as n from framework_items`);
    const dry = await upload(hr, 'case', 'dry.json', pkg, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      format: 'case',
      dryRun: true,
      applied: false,
      title: 'Sample Teaching Framework',
      status: 'draft',
      versionId: null,
      counts: { items: 40, hierarchyLinks: 40, rubrics: 2, criteria: 6, levels: 24, itemTypes: 3, definitions: 4 },
    });
    expect(dry.json().messages).toEqual([]);
    expect(await rows(sql`select count(*)::int as n from framework_items`)).toEqual(before);

    const applied = await upload(hr, 'case', 'dry.json', pkg);
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ applied: true, alreadyImported: false, status: 'draft' });
    const { versionId, frameworkId } = applied.json();
    const [audit] = await rows(sql`select action, after from audit_log where entity_id = ${versionId}`);
    expect(audit).toMatchObject({ action: 'framework.import', after: { format: 'case', counts: { items: 40 } } });

    const again = await upload(hr, 'case', 'dry.json', pkg);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ applied: false, alreadyImported: true, versionId, frameworkId });
    expect(
      await rows(sql`select count(*)::int as n from framework_versions where case_identifier = ${applied.json().documentIdentifier}`),
    ).toEqual([{ n: 1 }]);
  });

  it('exports a CFPackage that validates against the official CASE 1.1 schema, and round-trips every field', async () => {
    const original = samplePackage({ seed: 'round', items: 60, rubrics: 3, criteriaPerRubric: 4 });
    expect(officialSchemaErrors(original)).toEqual([]);
    const first = (await upload(hr, 'case', 'round.json', json(original))).json();
    expect(first.warningCount).toBe(0);
    const exported = await hr.get(`/api/framework-versions/${first.versionId}/export/case`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('sample-teaching-framework-v1.json');
    const pkg = exported.json();
    expect(officialSchemaErrors(pkg)).toEqual([]);
    // Nothing of the original is lost: same items, associations, rubrics and definitions.
    expect(pkg.CFItems).toHaveLength(60);
    expect(pkg.CFAssociations).toHaveLength(original.CFAssociations.length);
    expect(pkg.CFRubrics.flatMap((r: { CFRubricCriteria: unknown[] }) => r.CFRubricCriteria)).toHaveLength(12);
    const byId = new Map(pkg.CFItems.map((i: { identifier: string }) => [i.identifier, i]));
    for (const item of original.CFItems) expect(byId.get(item.identifier as string)).toEqual(item);
    expect(pkg.CFDocument).toEqual(original.CFDocument);
    expect(pkg.CFDefinitions).toEqual(original.CFDefinitions);

    const second = (await upload(hr, 'case', 'round-again.json', exported.body, 'dryRun=false&existing=new_framework')).json();
    expect(second.applied).toBe(true);
    expect(second.versionId).not.toBe(first.versionId);
    expect(await snapshot(second.versionId)).toEqual(await snapshot(first.versionId));
  });

  it('round-trips a lenient CASE 1.0 file as a fixed point after its first import', async () => {
    const file = readFileSync(resolve(interopSamples, 'opensalt/opensalt-framework-20c5134f-423d-4097-a971-3dd5152bf507.json'));
    const first = (await upload(hr, 'case', 'opensalt.json', file)).json();
    const codes = first.messages.map((m: { code: string }) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['timestamp_without_zone', 'field_renamed', 'unknown_field']));
    const exported = await hr.get(`/api/framework-versions/${first.versionId}/export/case`);
    expect(officialSchemaErrors(exported.json())).toEqual([]);
    const second = (await upload(hr, 'case', 'opensalt-again.json', exported.body, 'dryRun=false&existing=new_framework')).json();
    expect(await snapshot(second.versionId)).toEqual(await snapshot(first.versionId));
  });

  it('imports as published when asked', async () => {
    const res = await upload(hr, 'case', 'pub.json', json(samplePackage({ seed: 'pub' })), 'dryRun=false&publish=true');
    expect(res.json().status).toBe('published');
    const [v] = await rows(
      sql`select status, published_at is not null as published from framework_versions where id = ${res.json().versionId}`,
    );
    expect(v).toEqual({ status: 'published', published: true });
  });
});

describe('CASE conformance: real files', () => {
  const dir = resolve(interopSamples, 'opensalt');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'case-v1p0-cfpackage-schema.json');
  it.each(files)('imports %s, and its export validates against the official schema', async (file) => {
    // These OpenSALT test files share one document identifier (d0000000-...): each is its own framework.
    const res = await upload(samplesHr, 'case', file, readFileSync(resolve(dir, file)), 'dryRun=false&existing=new_framework');
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    const source = JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as { CFItems?: unknown[] };
    expect(report.counts.items).toBe(source.CFItems?.length ?? 0);
    const exported = (await samplesHr.get(`/api/framework-versions/${report.versionId}/export/case`)).json();
    expect(officialSchemaErrors(exported)).toEqual([]);
  });

  it('orders siblings by sequenceNumber (SequenceNumberFramework: the second added item comes first)', async () => {
    const res = await upload(
      hr,
      'case',
      'seq.json',
      readFileSync(resolve(dir, 'SequenceNumberFramework.json')),
      'dryRun=false&publish=true',
    );
    const items = await rows(
      sql`select human_code from framework_items where version_id = ${res.json().versionId} and parent_id is null order by position`,
    );
    expect(items.map((i) => i.human_code)).toEqual(['SNT.2', 'SNT.1']);
  });

  it('refuses the CASE 1.0 JSON Schema that sits beside the samples: it is JSON but not a package', async () => {
    const res = await upload(hr, 'case', 'schema.json', readFileSync(resolve(dir, 'case-v1p0-cfpackage-schema.json')));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.code).toBe('not_a_package');
  });
});

describe('CASE bad input', () => {
  it('answers 400 with the reason for a file that is not JSON', async () => {
    const res = await upload(hr, 'case', 'broken.json', '{"CFDocument": {"title": "x",');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { code: 'not_json' } });
    expect(res.json().error.details.params.reason).toMatch(/JSON/);
  });

  it('answers 413 payload_too_large to a 200 MB upload from its Content-Length, before reading it', async () => {
    const res = await hr.request('POST', '/api/framework-imports/case', 'x', {
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(200 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers 413 to a 200 MB streamed upload without a length, reading no more than the limit', async () => {
    const boundary = 'trellisbig';
    let sent = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const stream = Readable.from(
      (function* () {
        yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.json"\r\n\r\n`);
        for (let i = 0; i < 200; i++) {
          sent += chunk.length;
          yield chunk;
        }
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/framework-imports/case',
      payload: stream,
      headers: { cookie: hr.cookie!, 'x-csrf-token': hr.csrfToken!, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    // Past the limit nothing more is read: what the generator made is the limit plus what the
    // stream buffers ahead (up to 16 chunks of 1 MB in object mode), never the 200 MB.
    expect(sent).toBeLessThanOrEqual(5 * 1024 * 1024 + 17 * 1024 * 1024);
  });

  it('refuses a cycle in isChildOf and names the items of the loop', async () => {
    const pkg = samplePackage({ seed: 'cycle', items: 3, rubrics: 0 });
    const [a, b] = pkg.CFItems as { identifier: string; uri: string; humanCodingScheme: string }[];
    const hierarchy = pkg.CFAssociations as { originNodeURI: { identifier: string }; destinationNodeURI: unknown }[];
    hierarchy.find((x) => x.originNodeURI.identifier === a!.identifier)!.destinationNodeURI = {
      title: 'b',
      identifier: b!.identifier,
      uri: b!.uri,
    };
    const res = await upload(hr, 'case', 'cycle.json', json(pkg));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toMatchObject({ code: 'hierarchy_cycle' });
    expect(res.json().error.details.params.cycle).toContain(a!.humanCodingScheme);
    expect(res.json().error.details.params.cycle).toContain(b!.humanCodingScheme);
  });

  it('keeps the first of duplicate identifiers and warns (decision: dedupe, never reject)', async () => {
    const pkg = samplePackage({ seed: 'dup', items: 5, rubrics: 0 });
    const dup = { ...(pkg.CFItems[1] as object), fullStatement: 'A different statement' };
    pkg.CFItems.push(dup as never);
    const res = await upload(hr, 'case', 'dup.json', json(pkg), 'dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json().counts.items).toBe(5);
    expect(res.json().messages).toEqual([
      expect.objectContaining({ code: 'duplicate_identifier', path: 'CFItems[5]', severity: 'warning' }),
    ]);
  });

  it('keeps links to items that do not exist as external nodes, and warns when neither end is known', async () => {
    const pkg = samplePackage({ seed: 'ext', items: 4, rubrics: 0 });
    const outside = { title: 'Elsewhere', identifier: 'a2f0c4b0-0000-4000-8000-000000000001', uri: 'https://other.example/CFItems/1' };
    pkg.CFAssociations.push(
      {
        identifier: 'c0ffee00-0000-4000-8000-000000000001',
        uri: 'u:1',
        lastChangeDateTime: '2025-01-01T00:00:00Z',
        associationType: 'isRelatedTo',
        originNodeURI: (pkg.CFAssociations[1] as { originNodeURI: object }).originNodeURI,
        destinationNodeURI: outside,
      } as never,
      {
        identifier: 'c0ffee00-0000-4000-8000-000000000002',
        uri: 'u:2',
        lastChangeDateTime: '2025-01-01T00:00:00Z',
        associationType: 'isRelatedTo',
        originNodeURI: outside,
        destinationNodeURI: { ...outside, identifier: 'x-2' },
      } as never,
    );
    const res = await upload(hr, 'case', 'ext.json', json(pkg));
    expect(res.statusCode).toBe(201);
    expect(res.json().messages.map((m: { code: string }) => m.code)).toEqual(['association_external']);
    const stored =
      await rows(sql`select origin_item_id is not null as origin, destination_item_id is not null as destination, destination_node->>'uri' as uri
      from framework_associations where version_id = ${res.json().versionId} and case_identifier like 'c0ffee00%' order by case_identifier`);
    expect(stored).toEqual([
      { origin: true, destination: false, uri: outside.uri },
      { origin: false, destination: false, uri: outside.uri },
    ]);
  });

  it('warns about unknown association types, keeping ext: ones', async () => {
    const pkg = samplePackage({ seed: 'types', items: 4, rubrics: 0 });
    const base = pkg.CFAssociations[1] as Record<string, unknown>;
    pkg.CFAssociations.push(
      { ...base, identifier: 'c0ffee00-0000-4000-8000-00000000000a', associationType: 'looselyInspiredBy' } as never,
      { ...base, identifier: 'c0ffee00-0000-4000-8000-00000000000b', associationType: 'ext:inspiredBy' } as never,
      { ...base, identifier: 'c0ffee00-0000-4000-8000-00000000000c', associationType: 'ExactMatchOf' } as never,
    );
    const res = await upload(hr, 'case', 'types.json', json(pkg));
    expect(res.json().messages).toEqual([
      expect.objectContaining({ code: 'unknown_association_type', params: { type: 'looselyInspiredBy' } }),
      expect.objectContaining({ code: 'association_type_renamed', params: { from: 'ExactMatchOf', to: 'exactMatchOf' } }),
    ]);
    const types = await rows(
      sql`select association_type from framework_associations where version_id = ${res.json().versionId} and case_identifier like 'c0ffee00%' order by case_identifier`,
    );
    expect(types.map((r) => r.association_type)).toEqual(['ext:inspiredBy', 'exactMatchOf']);
  });

  it('is lenient with misspelt fields, missing uris and statements, CASE 1.0 shapes', async () => {
    const docId = 'd1d1d1d1-0000-4000-8000-000000000000';
    const file = {
      CFDocument: {
        Identifier: docId,
        Title: 'Lenient',
        creater: 'Someone',
        lastChangeDateTime: '2020-01-02 03:04:05',
        CFPackageURI: 'http://old/x',
      },
      CFItems: [
        { identifier: 'i1', fullStatment: 'First', CFItemType: 'Standard', educationalLevel: '09,10' },
        { identifier: 'i2', humanCodingScheme: 'X.2' },
      ],
      CFAssociations: [
        {
          identifier: 'a1',
          associationType: 'isChildOf',
          originNodeURI: { identifier: 'i2', title: '', uri: '' },
          destinationNodeURI: { identifier: 'i1', title: '', uri: '' },
          sequenceNumber: '1',
        },
      ],
    };
    const res = await upload(hr, 'case', 'lenient.json', json(file));
    expect(res.statusCode).toBe(201);
    const codes = res.json().messages.map((m: { code: string }) => m.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'field_renamed',
        'timestamp_without_zone',
        'identifier_not_uuid',
        'uri_synthesized',
        'missing_full_statement',
        'item_without_parent',
        'value_converted',
      ]),
    );
    const renamed = res
      .json()
      .messages.filter((m: { code: string }) => m.code === 'field_renamed')
      .map((m: { params: { to: string } }) => m.params.to);
    expect(renamed).toEqual(expect.arrayContaining(['identifier', 'title', 'creator', 'fullStatement', 'educationLevel']));
    const items = await rows(
      sql`select full_statement, item_type, education_level, parent_id is not null as child from framework_items where version_id = ${res.json().versionId} order by full_statement`,
    );
    expect(items).toEqual([
      { full_statement: 'First', item_type: 'Standard', education_level: ['09', '10'], child: false },
      { full_statement: 'X.2', item_type: null, education_level: null, child: true },
    ]);
    const exported = (await hr.get(`/api/framework-versions/${res.json().versionId}/export/case`)).json();
    expect(officialSchemaErrors(exported)).toEqual([]);
    expect(exported.CFDocument).toMatchObject({
      identifier: docId,
      title: 'Lenient',
      creator: 'Someone',
      lastChangeDateTime: '2020-01-02T03:04:05.000Z',
    });
  });
});

describe('spreadsheets', () => {
  it('offers the template as CSV and XLSX', async () => {
    const csv = await teacher.get('/api/framework-imports/template.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toBe('\uFEFFcode,parent_code,type,statement,abbreviated_statement,notes\r\n');
    const xlsx = await teacher.get('/api/framework-imports/template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'code',
      'parent_code',
      'type',
      'statement',
      'abbreviated_statement',
      'notes',
    ]);
  });

  it('reports a missing parent code as a row error with its line, and never applies such a file', async () => {
    const csv = 'code,parent_code,type,statement\nD1,,domain,Planning\nC1,D1,competency,Plans lessons\nC2,D9,competency,Orphan\n';
    const dry = await upload(hr, 'spreadsheet', 'plan.csv', csv, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().messages).toEqual([
      expect.objectContaining({ severity: 'error', code: 'missing_parent_code', line: 4, params: { line: 4, code: 'D9' } }),
    ]);
    const apply = await upload(hr, 'spreadsheet', 'plan.csv', csv);
    expect(apply.statusCode).toBe(400);
    expect(apply.json().error.details).toMatchObject({ code: 'row_errors', report: { errorCount: 1 } });
  });

  it('imports CSV, exports CSV and XLSX neutralised for spreadsheets, and re-imports the export', async () => {
    const csv =
      'code,parent_code,type,statement,abbreviated_statement,notes\nD1,,domain,Planning,Plan,\nC1,D1,competency,"=HYPERLINK(""http://evil"")",,"-2 notes"\nC2,D1,competency,"Uses data, often",,\n';
    const res = await upload(hr, 'spreadsheet', 'My framework.csv', csv, 'dryRun=false&title=Planning%20framework');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'spreadsheet', title: 'Planning framework', counts: { items: 3, itemTypes: 2 } });
    const versionId = res.json().versionId;
    const items =
      await rows(sql`select human_code, full_statement, position, (select human_code from framework_items p where p.id = i.parent_id) as parent
      from framework_items i where version_id = ${versionId} order by human_code`);
    expect(items).toEqual([
      { human_code: 'C1', full_statement: '=HYPERLINK("http://evil")', position: 0, parent: 'D1' },
      { human_code: 'C2', full_statement: 'Uses data, often', position: 1, parent: 'D1' },
      { human_code: 'D1', full_statement: 'Planning', position: 0, parent: null },
    ]);
    const exported = await hr.get(`/api/framework-versions/${versionId}/export/csv`);
    expect(exported.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(exported.body).toContain("'-2 notes");
    const xlsx = await hr.get(`/api/framework-versions/${versionId}/export/xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0]!.getCell('D3').value).toBe(`'=HYPERLINK("http://evil")`);
    const again = await upload(hr, 'spreadsheet', 'again.xlsx', xlsx.rawPayload);
    expect(again.statusCode).toBe(201);
    const reimported = await rows(
      sql`select human_code, full_statement, position, case_identifier from framework_items where version_id = ${again.json().versionId} order by human_code`,
    );
    const originals = await rows(
      sql`select human_code, full_statement, position, case_identifier from framework_items where version_id = ${versionId} order by human_code`,
    );
    expect(reimported).toEqual(originals);
  });

  it('refuses a file it cannot read with 400', async () => {
    const res = await upload(hr, 'spreadsheet', 'x.xlsx', Buffer.from('PK\u0003\u0004 not really'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.code).toBe('invalid_xlsx');
  });
});
