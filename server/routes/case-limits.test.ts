/**
 * Permission matrix: as case.test.ts (signed out -> 401, staff importing -> 403, another
 * district exporting -> 404); this file covers what a district's real files bring: free JSON nested
 * 100,000 levels or too large, a CASE REST document list instead of a package, and a statement
 * longer than an Excel cell holds.
 */
import { sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CASE_FREE_JSON_MAX_CHARS } from '../../common/competency.ts';
import { samplePackage } from '../test/fixtures/case-package.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();

function upload(client: Client, name: string, data: string, query = 'dryRun=false') {
  const boundary = `----trellis${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/json\r\n\r\n`,
    ),
    Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.request('POST', `/api/framework-imports/case?${query}`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

async function rows<T = Record<string, unknown>>(query: SQL) {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}
const versionCount = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from framework_versions`))[0]!.n;

let hr: Client;
beforeAll(async () => {
  const d = await buildDistrict(t.database.db);
  hr = await signIn(t.app, (await buildUser(t.database.db, d.id, 'hr')).email);
});

describe('free JSON (extensions, fields CASE does not define)', () => {
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it("reports 100,000 levels of nesting in an item's extensions as a row error in the dry run, and refuses the apply (never 500)", async () => {
    const pkg = samplePackage({ seed: 'deep', items: 4, rubrics: 0 });
    (pkg.CFItems[2] as Record<string, unknown>).extensions = '__DEEP__';
    (pkg.CFItems[3] as Record<string, unknown>).vendorData = '__DEEP__';
    const file = JSON.stringify(pkg).replaceAll('"__DEEP__"', deep(100_000));
    const before = await versionCount();

    const dry = await upload(hr, 'deep.json', file, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().errorCount).toBe(2);
    expect(dry.json().messages.filter((m: { severity: string }) => m.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'free_json_too_deep', path: 'CFItems[2].extensions', params: { field: 'extensions', max: 32 } }),
      expect.objectContaining({ code: 'free_json_too_deep', path: 'CFItems[3].vendorData', params: { field: 'vendorData', max: 32 } }),
    ]);
    expect(dry.json().messages[0].message).toBe(
      'The field "extensions" nests more than 32 levels deep; a file with it cannot be imported. Remove or flatten that field.',
    );

    const apply = await upload(hr, 'deep.json', file);
    expect(apply.statusCode).toBe(400);
    expect(apply.json().error.details).toMatchObject({ code: 'row_errors', params: { count: 2 }, report: { errorCount: 2 } });
    expect(await versionCount()).toBe(before);
  });

  it('keeps extensions nested within the limit as written', async () => {
    const pkg = samplePackage({ seed: 'shallow', items: 2, rubrics: 0 });
    (pkg.CFItems[1] as Record<string, unknown>).extensions = JSON.parse(deep(20)) as object;
    const res = await upload(hr, 'shallow.json', JSON.stringify(pkg));
    expect(res.statusCode).toBe(201);
    const exported = (await hr.get(`/api/framework-versions/${res.json().versionId}/export/case`)).json();
    const item = exported.CFItems.find((i: { identifier: string }) => i.identifier === pkg.CFItems[1]!.identifier);
    expect(item.extensions).toEqual(JSON.parse(deep(20)));
  });

  it('reports free JSON over the size limit as a row error', async () => {
    const pkg = samplePackage({ seed: 'large', items: 2, rubrics: 0 });
    (pkg.CFItems[0] as Record<string, unknown>).extensions = { blob: 'x'.repeat(CASE_FREE_JSON_MAX_CHARS + 1) };
    const dry = await upload(hr, 'large.json', JSON.stringify(pkg), 'dryRun=true');
    expect(dry.json().messages[0]).toMatchObject({ severity: 'error', code: 'free_json_too_large', path: 'CFItems[0].extensions' });
    expect(dry.json().messages[0].message).toContain('more than 1,000,000 characters');
  });
});

describe('a CASE REST document list (CFDocuments) instead of a package', () => {
  it('refuses the list our own CASE REST answers, naming what it is; nothing is imported', async () => {
    const pkg = samplePackage({ seed: 'listed', items: 5, rubrics: 0 });
    pkg.CFDocument.title = 'Listed framework';
    expect((await upload(hr, 'listed.json', JSON.stringify(pkg), 'dryRun=false&publish=true')).statusCode).toBe(201);
    const list = await hr.get('/ims/case/v1p1/CFDocuments');
    expect(list.json().CFDocuments.length).toBeGreaterThan(0);
    const before = await versionCount();
    for (const query of ['dryRun=true', 'dryRun=false']) {
      const res = await upload(hr, 'documents.json', list.body, query);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toMatchObject({
        code: 'document_list',
        params: { titles: expect.stringContaining('Listed framework') },
      });
      expect(res.json().error.message).toMatch(/^The file is a list of CASE documents \(CFDocuments\), not a package/);
    }
    expect(await versionCount()).toBe(before);
  });

  it('imports the package of a list of one document that carries it', async () => {
    const pkg = samplePackage({ seed: 'embedded', items: 6, rubrics: 1 });
    const embedded = await upload(hr, 'one.json', JSON.stringify({ CFDocuments: [{ ...pkg.CFDocument, CFPackage: pkg }] }), 'dryRun=true');
    expect(embedded.statusCode).toBe(200);
    expect(embedded.json()).toMatchObject({ documentIdentifier: pkg.CFDocument.identifier, counts: { items: 6, rubrics: 1 } });
    const inline = { CFDocuments: [{ ...pkg.CFDocument, CFItems: pkg.CFItems, CFAssociations: pkg.CFAssociations }] };
    const res = await upload(hr, 'inline.json', JSON.stringify(inline), 'dryRun=true');
    expect(res.json()).toMatchObject({ documentIdentifier: pkg.CFDocument.identifier, counts: { items: 6, hierarchyLinks: 6 } });
    expect(res.json().messages).toEqual([]);
  });
});

describe('XLSX export of text longer than an Excel cell holds (32,767 characters)', () => {
  it("cuts a 40 MB statement with a marker in the reader's language and says so; other cells and the CSV keep all of it", async () => {
    const pkg = samplePackage({ seed: 'long', items: 3, rubrics: 0 });
    const res = await upload(hr, 'long.json', JSON.stringify(pkg));
    const versionId = res.json().versionId as string;
    const longId = pkg.CFItems[1]!.identifier as string;
    await t.database.db.execute(
      sql`update framework_items set full_statement = repeat('é', 40000000) where version_id = ${versionId} and case_identifier = ${longId}`,
    );

    const xlsx = await hr.get(`/api/framework-versions/${versionId}/export/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['trellis-cut-cells']).toBe('1');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    const statements = (sheet.getColumn(4).values as unknown[]).slice(2) as string[];
    const ids = (sheet.getColumn(7).values as unknown[]).slice(2) as string[];
    const cut = statements[ids.indexOf(longId)]!;
    expect(cut.length).toBeLessThanOrEqual(32_767);
    expect(cut.startsWith('é'.repeat(1000))).toBe(true);
    expect(cut).toMatch(
      /… \[cut here: the full text has 40,000,000 characters, more than a spreadsheet cell holds; the CSV and CASE exports have all of it\]$/,
    );
    for (const [i, statement] of statements.entries())
      if (ids[i] !== longId) expect(pkg.CFItems.map((item) => item.fullStatement)).toContain(statement);

    const spanish = new ExcelJS.Workbook();
    await spanish.xlsx.load(
      (await hr.get(`/api/framework-versions/${versionId}/export/xlsx?lang=es`)).rawPayload as unknown as ExcelJS.Buffer,
    );
    expect(spanish.worksheets[0]!.getColumn(4).values.slice(2).join('\n')).toContain('el texto completo tiene 40.000.000 caracteres');

    const [audit] = await rows(
      sql`select after from audit_log where action = 'framework.export' and entity_id = ${versionId} order by at limit 1`,
    );
    expect(audit).toMatchObject({ after: { format: 'xlsx', cutCells: 1 } });
    const csv = await hr.get(`/api/framework-versions/${versionId}/export/csv`);
    expect(csv.body).toContain('é'.repeat(40_000_000));
  });
});
