/**
 * Permission matrix of /ims/case/v1p1 and /api/api-tokens.
 * CASE REST: no session and no token (or a wrong or revoked one) -> 401; another district's
 * framework or any draft -> 404; no 403 (every role reads published frameworks).
 * API tokens: signed out -> 401; another district's token -> 404; everyone but district admins -> 403.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePackage } from '../test/fixtures/case-package.ts';
import { officialSchemaErrors } from '../test/fixtures/case-schema.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();

async function importPackage(client: Client, pkg: unknown, publish: boolean) {
  const boundary = 'casetest';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.json"\r\n\r\n${JSON.stringify(pkg)}\r\n--${boundary}--\r\n`,
  );
  const res = await client.request('POST', `/api/framework-imports/case?dryRun=false&publish=${publish}`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { versionId: string; documentIdentifier: string };
}

const bearer = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

let admin: Client;
let hr: Client;
let teacher: Client;
let otherAdmin: Client;
const published = samplePackage({ seed: 'rest-published', items: 10, rubrics: 1 });
const draft = samplePackage({ seed: 'rest-draft', items: 5, rubrics: 1 });
const foreign = samplePackage({ seed: 'rest-foreign', items: 5, rubrics: 1 });

beforeAll(async () => {
  const d = await buildDistrict(t.database.db);
  const other = await buildDistrict(t.database.db, 'Other');
  admin = await signIn(t.app, (await buildUser(t.database.db, d.id, 'district_admin')).email);
  hr = await signIn(t.app, (await buildUser(t.database.db, d.id, 'hr')).email);
  teacher = await signIn(t.app, (await buildUser(t.database.db, d.id, 'staff')).email);
  otherAdmin = await signIn(t.app, (await buildUser(t.database.db, other.id, 'district_admin')).email);
  await importPackage(hr, published, true);
  await importPackage(hr, draft, false);
  await importPackage(otherAdmin, foreign, true);
});

describe('API tokens', () => {
  it('answers 401 signed out and 403 to HR and staff', async () => {
    expect((await anonymous(t.app).get('/api/api-tokens')).statusCode).toBe(401);
    for (const client of [hr, teacher]) {
      expect((await client.get('/api/api-tokens')).statusCode).toBe(403);
      expect((await client.post('/api/api-tokens', { name: 'x' })).statusCode).toBe(403);
    }
  });

  it('shows the token once, stores only its hash, lists and revokes it (audited), 404 for another district', async () => {
    const created = await admin.post('/api/api-tokens', { name: 'State reporting' });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^trellis_/);
    expect(token).toMatchObject({ name: 'State reporting', scopes: ['case.read'], revokedAt: null, abilities: { revoke: true } });
    const list = (await admin.get('/api/api-tokens')).json();
    expect(list.caseBaseUrl).toMatch(/\/ims\/case\/v1p1$/);
    expect(JSON.stringify(list)).not.toContain(secret);
    const stored = (
      (await t.database.db.execute(sql`select token_hash from api_tokens where id = ${token.id}`)) as unknown as {
        rows: { token_hash: string }[];
      }
    ).rows;
    expect(stored[0]!.token_hash).not.toContain(secret.slice(8));
    expect((await otherAdmin.post(`/api/api-tokens/${token.id}/revoke`)).statusCode).toBe(404);

    expect((await bearer(secret, '/ims/case/v1p1/CFDocuments')).statusCode).toBe(200);
    const revoked = await admin.post(`/api/api-tokens/${token.id}/revoke`);
    expect(revoked.json()).toMatchObject({ abilities: { revoke: false } });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await bearer(secret, '/ims/case/v1p1/CFDocuments')).statusCode).toBe(401);
    const audit = (
      (await t.database.db.execute(sql`select action from audit_log where entity_id = ${token.id} order by at`)) as unknown as {
        rows: { action: string }[];
      }
    ).rows;
    expect(audit.map((a) => a.action)).toEqual(['api_token.create', 'api_token.revoke']);
  });
});

describe('CASE REST', () => {
  let secret: string;
  beforeAll(async () => {
    secret = (await admin.post('/api/api-tokens', { name: 'LMS' })).json().secret;
  });
  const docId = published.CFDocument.identifier;
  const itemId = published.CFItems[3]!.identifier as string;
  const rubricId = published.CFRubrics[0]!.identifier;

  it('answers 401 without a session or token, and to a wrong token', async () => {
    for (const url of [
      `/ims/case/v1p1/CFPackages/${docId}`,
      '/ims/case/v1p1/CFDocuments',
      `/ims/case/v1p1/CFItems/${itemId}`,
      `/ims/case/v1p1/CFRubrics/${rubricId}`,
    ]) {
      expect((await anonymous(t.app).get(url)).statusCode).toBe(401);
      expect((await bearer('trellis_wrong', url)).statusCode).toBe(401);
    }
  });

  it('serves a published package that validates, to a token and to any signed-in member of the district', async () => {
    const byToken = await bearer(secret, `/ims/case/v1p1/CFPackages/${docId}`);
    expect(byToken.statusCode).toBe(200);
    expect(officialSchemaErrors(byToken.json())).toEqual([]);
    expect(byToken.json().CFItems).toHaveLength(10);
    expect((await teacher.get(`/ims/case/v1p1/CFPackages/${docId}`)).json()).toEqual(byToken.json());
    const audit = (
      (await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'case.package_read'`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(audit[0]!.n).toBe(1);
  });

  it('lists published documents only, and serves one document, item and rubric', async () => {
    const list = (await bearer(secret, '/ims/case/v1p1/CFDocuments')).json();
    expect(list.CFDocuments.map((d: { identifier: string }) => d.identifier)).toEqual([docId]);
    const doc = (await bearer(secret, `/ims/case/v1p1/CFDocuments/${docId}`)).json();
    expect(doc).toMatchObject({ identifier: docId, title: published.CFDocument.title, CFPackageURI: { identifier: docId } });
    const item = (await bearer(secret, `/ims/case/v1p1/CFItems/${itemId}`)).json();
    expect(item).toMatchObject({
      identifier: itemId,
      fullStatement: published.CFItems[3]!.fullStatement,
      CFDocumentURI: { identifier: docId },
    });
    const rubric = (await bearer(secret, `/ims/case/v1p1/CFRubrics/${rubricId}`)).json();
    expect(rubric).toMatchObject({ identifier: rubricId, title: 'Role rubric 1' });
    expect(rubric.CFRubricCriteria).toHaveLength(3);
  });

  it('never serves drafts (even to their editors) nor another district', async () => {
    for (const pkg of [draft, foreign]) {
      const urls = [
        `/ims/case/v1p1/CFPackages/${pkg.CFDocument.identifier}`,
        `/ims/case/v1p1/CFDocuments/${pkg.CFDocument.identifier}`,
        `/ims/case/v1p1/CFItems/${pkg.CFItems[0]!.identifier as string}`,
        `/ims/case/v1p1/CFRubrics/${pkg.CFRubrics[0]!.identifier}`,
      ];
      for (const url of urls) {
        expect((await bearer(secret, url)).statusCode, url).toBe(404);
        expect((await hr.get(url)).statusCode, url).toBe(404);
      }
    }
  });

  it('answers the CFItemTypeURI of every exported item (CFItemTypes/{id}), as the export defines the type', async () => {
    // A spreadsheet brings item types without a uri, so the export names this server's.
    const boundary = 'sheettest';
    const csv = 'code,parent_code,type,statement\nD1,,Domain,Planning\nC1,D1,Competency,Plans lessons\n';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="types.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const made = await hr.request('POST', '/api/framework-imports/spreadsheet?dryRun=false&publish=true', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
    expect(made.statusCode).toBe(201);
    const pkg = (await teacher.get(`/api/framework-versions/${made.json().versionId}/export/case`)).json();
    expect(pkg.CFItems).toHaveLength(2);
    for (const item of pkg.CFItems as { CFItemTypeURI: { identifier: string; uri: string } }[]) {
      const url = new URL(item.CFItemTypeURI.uri);
      const type = await bearer(secret, url.pathname);
      expect(type.statusCode, url.pathname).toBe(200);
      expect(type.json()).toEqual(
        pkg.CFDefinitions.CFItemTypes.find((d: { identifier: string }) => d.identifier === item.CFItemTypeURI.identifier),
      );
      expect((await teacher.get(url.pathname)).statusCode).toBe(200);
    }
    // Another district's types and drafts' types are not served.
    const foreignType = foreign.CFDefinitions.CFItemTypes[0]!.identifier;
    const draftType = draft.CFDefinitions.CFItemTypes[0]!.identifier;
    expect((await bearer(secret, `/ims/case/v1p1/CFItemTypes/${foreignType}`)).statusCode).toBe(404);
    expect((await hr.get(`/ims/case/v1p1/CFItemTypes/${draftType}`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/ims/case/v1p1/CFItemTypes/${foreignType}`)).statusCode).toBe(401);
  });
});
