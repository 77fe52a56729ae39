/**
 * Permission matrix: as case.test.ts (signed out -> 401, staff importing -> 403). This file
 * covers a vendor's revised package (same CASE document identifier) imported into a district that
 * already has the framework: never a silent second framework; its next version, or a refusal
 * with the reason.
 */
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePackage } from '../test/fixtures/case-package.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();

function upload(client: Client, name: string, pkg: unknown, query: string) {
  const boundary = `----trellis${Date.now()}`;
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n${JSON.stringify(pkg)}\r\n--${boundary}--\r\n`,
  );
  return client.request('POST', `/api/framework-imports/case?${query}`, body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

async function rows<T = Record<string, unknown>>(query: SQL) {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

type Pkg = ReturnType<typeof samplePackage>;
/** The vendor's next release: one statement reworded, the last item dropped, a new version label. */
function revise(pkg: Pkg, label: string): Pkg {
  const next = structuredClone(pkg);
  next.CFDocument.version = label;
  (next.CFItems[2] as Record<string, unknown>).fullStatement = `Reworded in ${label}`;
  const dropped = next.CFItems.pop()!.identifier;
  next.CFAssociations = next.CFAssociations.filter((a) => {
    const link = a as { originNodeURI: { identifier: string }; destinationNodeURI: { identifier: string } };
    return link.originNodeURI.identifier !== dropped && link.destinationNodeURI.identifier !== dropped;
  });
  return next;
}

let hr: Client;
let districtId: string;
beforeAll(async () => {
  const d = await buildDistrict(t.database.db);
  districtId = d.id;
  hr = await signIn(t.app, (await buildUser(t.database.db, d.id, 'hr')).email);
});

describe('a revised package with the same document identifier', () => {
  const original = samplePackage({ seed: 'vendor', items: 10, rubrics: 0 });
  const docId = original.CFDocument.identifier;
  const frameworkCount = async () =>
    (await rows<{ n: number }>(sql`select count(*)::int as n from frameworks where district_id = ${districtId}`))[0]!.n;

  it('is offered as the next version of the existing framework, never silently a second framework; publishing it supersedes the first', async () => {
    const first = await upload(hr, 'v1.json', original, 'dryRun=false&publish=true');
    expect(first.statusCode).toBe(201);
    const { frameworkId, versionId: v1 } = first.json();
    expect(first.json().existing).toBeNull();

    const v2file = revise(original, '2.0');
    const dry = await upload(hr, 'v2.json', v2file, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      alreadyImported: false,
      asNewVersion: false,
      existing: {
        frameworkId,
        title: 'Sample Teaching Framework',
        versionId: v1,
        versionNumber: 1,
        status: 'published',
        nextVersionNumber: 2,
        draftVersionId: null,
      },
    });

    // Applying without a choice is refused with the reason; nothing is written.
    const refused = await upload(hr, 'v2.json', v2file, 'dryRun=false');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({ code: 'document_exists', params: { title: 'Sample Teaching Framework' } });
    expect(await frameworkCount()).toBe(1);

    // As the next version: a draft of the same framework (even when publishing was asked), based on v1.
    const applied = await upload(hr, 'v2.json', v2file, 'dryRun=false&publish=true&existing=new_version');
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ applied: true, asNewVersion: true, status: 'draft', frameworkId });
    const v2 = applied.json().versionId as string;
    expect(await frameworkCount()).toBe(1);
    const [stored] = await rows(
      sql`select version_number, status, based_on_version_id, case_identifier, version_label from framework_versions where id = ${v2}`,
    );
    expect(stored).toEqual({ version_number: 2, status: 'draft', based_on_version_id: v1, case_identifier: docId, version_label: '2.0' });
    const [audit] = await rows(sql`select after from audit_log where action = 'framework.import' and entity_id = ${v2}`);
    expect(audit).toMatchObject({ after: { existing: 'new_version', basedOnVersionId: v1, versionNumber: 2 } });

    // Items point back at the items of v1 with the same identifier: the crosswalk says what changed.
    const crosswalk = (await hr.get(`/api/framework-versions/${v2}/crosswalk`)).json();
    expect(crosswalk.counts).toMatchObject({ unchanged: 8, changed: 1, new: 0, retired: 1 });

    const version = (await hr.get(`/api/framework-versions/${v2}`)).json();
    expect((await hr.post(`/api/framework-versions/${v2}/publish`, { version: version.version })).statusCode).toBe(200);
    const statuses = await rows(
      sql`select version_number, status from framework_versions where framework_id = ${frameworkId} order by version_number`,
    );
    expect(statuses).toEqual([
      { version_number: 1, status: 'retired' },
      { version_number: 2, status: 'published' },
    ]);
    const served = (await hr.get(`/ims/case/v1p1/CFPackages/${docId}`)).json();
    expect(served.CFDocument.version).toBe('2.0');
    expect(served.CFItems).toHaveLength(9);
  });

  it('refuses a new version while the framework has a draft, with the reason; a separate framework stays possible', async () => {
    const v3file = revise(revise(original, '2.0'), '3.0');
    const v3 = await upload(hr, 'v3.json', v3file, 'dryRun=false&existing=new_version');
    expect(v3.statusCode).toBe(201);
    expect(v3.json()).toMatchObject({ asNewVersion: true, status: 'draft' });

    const v4file = revise(v3file, '4.0');
    const dry = await upload(hr, 'v4.json', v4file, 'dryRun=true&existing=new_version');
    expect(dry.json().existing).toMatchObject({ versionNumber: 3, status: 'draft', draftVersionId: v3.json().versionId });
    const refused = await upload(hr, 'v4.json', v4file, 'dryRun=false&existing=new_version');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toMatchObject({
      code: 'document_has_draft',
      params: { title: 'Sample Teaching Framework', version: 3 },
    });
    expect(refused.json().error.message).toContain('publish that draft first');

    const before = await frameworkCount();
    const separate = await upload(hr, 'v4.json', v4file, 'dryRun=false&existing=new_framework');
    expect(separate.statusCode).toBe(201);
    expect(separate.json()).toMatchObject({ asNewVersion: false, applied: true });
    expect(separate.json().frameworkId).not.toBe(v3.json().frameworkId);
    expect(await frameworkCount()).toBe(before + 1);
  });

  it('answers two revisions applied at once with one draft and one refusal with the reason, never a 500', async () => {
    const base = samplePackage({ seed: 'race', items: 4, rubrics: 0 });
    expect((await upload(hr, 'race.json', base, 'dryRun=false&publish=true')).statusCode).toBe(201);
    const answers = await Promise.all(
      ['2.0', '2.1'].map((label) => upload(hr, `race-${label}.json`, revise(base, label), 'dryRun=false&existing=new_version')),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400]);
    const refused = answers.find((a) => a.statusCode === 400)!;
    expect(refused.json().error.details).toMatchObject({ code: 'document_has_draft', params: { version: 2 } });
  });

  it("looks only in the caller's district", async () => {
    const other = await buildDistrict(t.database.db, 'Other');
    const otherHr = await signIn(t.app, (await buildUser(t.database.db, other.id, 'hr')).email);
    const res = await upload(otherHr, 'v1.json', original, 'dryRun=false');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ existing: null, asNewVersion: false });
  });
});
