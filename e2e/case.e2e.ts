// Journey: HR imports a CASE 1.1 package through the UI (check the file -> warnings -> import ->
// the new version), downloads its export; the vendor's revised package (same document) is offered
// as the framework's next version (refused with the reason while a draft exists), in English and
// Spanish, on a desktop and a phone; a district admin creates an API token (shown once),
// reads the CASE REST API with it and revokes it. axe on every page, screenshots at desktop and
// phone width. The package is generated here (no dependency on demo framework content).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePackage } from '../server/test/fixtures/case-package.ts';
import {
  DEMO,
  apiAs,
  expectNoAxeViolations,
  expectNoCutOffText,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';

const run = Date.now().toString(36);
let browser: Browser;
let page: Page;
let phone: Page;
let file: string;
/** The version the first import made (a draft of version 1). */
let firstVersionId: string;

beforeAll(async () => {
  // A real-world-shaped package: one item without a full statement and a CASE 1.0 field name.
  const pkg = samplePackage({ seed: `e2e-${run}`, items: 30, rubrics: 2, criteriaPerRubric: 3 });
  pkg.CFDocument.title = `Teaching practice ${run}`;
  delete (pkg.CFItems[4] as Record<string, unknown>).fullStatement;
  const item = pkg.CFItems[6] as Record<string, unknown>;
  item.educationalLevel = ['09'];
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-case-')), 'teaching-practice.json');
  fs.writeFileSync(file, JSON.stringify(pkg));
  browser = await launchBrowser();
  page = await newPage(browser);
  await signInAs(page, DEMO.hr);
  phone = await newPage(browser, { phone: true });
  await signInAs(phone, DEMO.hr);
});

afterAll(async () => {
  await browser?.close();
});

async function onPhone(name: string, url: string, ready: (page: Page) => Promise<unknown>) {
  await phone.goto(url);
  await ready(phone);
  await expectNoAxeViolations(phone, `${name} (phone)`);
  await expectNoSidewaysScroll(phone, `${name} (phone)`);
  await expectNoCutOffText(phone, `${name} (phone)`);
  await screenshot(phone, `phone-${name}`);
}

describe('CASE import through the UI', () => {
  it('checks the file (counts and warnings), imports it and lands on the new version; the export downloads', async () => {
    await page.goto('/frameworks/import');
    await heading(page, 'Import a framework').waitFor();
    await expectNoAxeViolations(page, 'framework import');
    await screenshot(page, 'case-import-choose');
    await onPhone('case-import-choose', '/frameworks/import', (p) => heading(p, 'Import a framework').waitFor());

    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Choose a file first.').first().waitFor();

    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: `What will be imported: Teaching practice ${run}` }).waitFor();
    const counts = page.getByRole('table', { name: 'What the file contains' });
    await expect.poll(() => counts.getByRole('row', { name: /^Items/ }).textContent()).toContain('30');
    const warnings = page.getByRole('list', { name: 'Warnings and errors' });
    await warnings.getByText(/has no full statement/).waitFor();
    await warnings.getByText('The field "educationalLevel" was read as "educationLevel".').waitFor();
    await expectNoAxeViolations(page, 'framework import review');
    await screenshot(page, 'case-import-review');

    // The same review on a phone (a dry run writes nothing, so it can be repeated there).
    await phone.goto('/frameworks/import');
    await phone.getByLabel('File', { exact: true }).setInputFiles(file);
    await phone.getByRole('button', { name: 'Check the file' }).click();
    await phone.getByRole('heading', { name: /^What will be imported/ }).waitFor();
    await expectNoAxeViolations(phone, 'framework import review (phone)');
    await expectNoSidewaysScroll(phone, 'framework import review (phone)');
    await screenshot(phone, 'phone-case-import-review');

    await page.getByRole('button', { name: 'Import 30 items as a draft' }).click();
    await page.waitForURL(/\/frameworks\/versions\/[0-9a-f-]{36}$/);
    const versionId = page.url().split('/').pop()!;
    firstVersionId = versionId;
    await heading(page, 'Import a framework').waitFor({ state: 'detached' });
    // The version page's own heading (the notification also names the framework).
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'case-import-landed');

    const exported = await page.request.get(`/api/framework-versions/${versionId}/export/case`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-disposition']).toContain(`teaching-practice-${run}-v1.json`);
    const pkg = (await exported.json()) as { CFItems: unknown[]; CFRubrics: unknown[]; CFDocument: { title: string } };
    expect(pkg.CFDocument.title).toBe(`Teaching practice ${run}`);
    expect(pkg.CFItems).toHaveLength(30);
    expect(pkg.CFRubrics).toHaveLength(2);
    const xlsx = await page.request.get(`/api/framework-versions/${versionId}/export/xlsx`);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

    // The same file again is recognised: nothing is imported twice.
    await page.goto('/frameworks/import');
    await page.getByLabel('File', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('Already imported', { exact: true }).waitFor();
  });

  it("offers the vendor's revised package as the next version, and says why not while the framework has a draft", async () => {
    const revised = JSON.parse(fs.readFileSync(file, 'utf8')) as ReturnType<typeof samplePackage>;
    revised.CFDocument.version = '2.0';
    (revised.CFItems[2] as Record<string, unknown>).fullStatement = 'Reworded in the 2.0 release';
    const revisedFile = path.join(path.dirname(file), 'teaching-practice-2.json');
    fs.writeFileSync(revisedFile, JSON.stringify(revised));
    const title = `Teaching practice ${run}`;
    const check = async (p: Page) => {
      await p.goto('/frameworks/import');
      await p.getByLabel(/^(File|Archivo)$/).setInputFiles(revisedFile);
      await p.getByRole('button', { name: /^(Check the file|Revisar el archivo)$/ }).click();
      await p.getByRole('heading', { name: /^(What will be imported|Lo que se importará)/ }).waitFor();
    };

    // Version 1 is still a draft: a framework has one draft at a time, so only a separate framework is possible.
    await check(page);
    const choice = page.getByRole('radiogroup', { name: 'This framework is already in Trellis' });
    await choice.getByText('Not possible now: the framework has a draft (version 1).', { exact: false }).waitFor();
    expect(await choice.getByRole('radio', { name: `Import as version 2 of “${title}”, a draft` }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Import 30 items as a draft' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'framework import: revision while a draft exists');
    await screenshot(page, 'case-import-revision-blocked');

    // Once version 1 is published, the revision is offered as version 2 (chosen by default).
    const v1 = await apiAs<{ version: number; frameworkId: string }>(page, 'GET', `/api/framework-versions/${firstVersionId}`);
    await apiAs(page, 'POST', `/api/framework-versions/${firstVersionId}/publish`, { version: v1.version });
    await check(page);
    const next = choice.getByRole('radio', { name: `Import as version 2 of “${title}”, a draft` });
    expect(await next.isChecked()).toBe(true);
    await page.getByText(`The package's document is the framework “${title}”, now at version 1 (Published).`).waitFor();
    await expectNoAxeViolations(page, 'framework import: revision');
    await screenshot(page, 'case-import-revision');

    await check(phone);
    await expectNoAxeViolations(phone, 'framework import: revision (phone)');
    await expectNoSidewaysScroll(phone, 'framework import: revision (phone)');
    await expectNoCutOffText(phone, 'framework import: revision (phone)');
    await screenshot(phone, 'phone-case-import-revision');

    for (const phoneSized of [false, true]) {
      const spanish = await newPage(browser, { phone: phoneSized, locale: 'es-ES' });
      await signInAs(spanish, DEMO.hr);
      await apiAs(spanish, 'PATCH', '/api/me', { locale: 'es' });
      try {
        await check(spanish);
        const eleccion = spanish.getByRole('radiogroup', { name: 'Este marco ya está en Trellis' });
        expect(await eleccion.getByRole('radio', { name: `Importar como versión 2 de «${title}», en borrador` }).isChecked()).toBe(true);
        await spanish.getByRole('button', { name: 'Importar 30 elementos como versión 2 (borrador)' }).waitFor();
        await expectNoAxeViolations(spanish, 'framework import: revision (Spanish)');
        await expectNoSidewaysScroll(spanish, 'framework import: revision (Spanish)');
        await expectNoCutOffText(spanish, 'framework import: revision (Spanish)');
        await screenshot(spanish, `${phoneSized ? 'phone-' : ''}case-import-revision-es`);
      } finally {
        await apiAs(spanish, 'PATCH', '/api/me', { locale: 'en' });
        await spanish.context().close();
      }
    }

    await page.getByRole('button', { name: 'Import 30 items as version 2 (draft)' }).click();
    await page.waitForURL((url) => /\/frameworks\/versions\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(firstVersionId));
    const v2 = await apiAs<{ versionNumber: number; status: string; frameworkId: string }>(
      page,
      'GET',
      `/api/framework-versions/${page.url().split('/').pop()!}`,
    );
    expect(v2).toMatchObject({ versionNumber: 2, status: 'draft', frameworkId: v1.frameworkId });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(page, 'case-import-revision-landed');
  });

  it('shows a file that is not JSON as refused, with the reason', async () => {
    const broken = path.join(path.dirname(file), 'broken.json');
    fs.writeFileSync(broken, '{"CFDocument": ');
    await page.goto('/frameworks/import');
    await page.getByLabel('File', { exact: true }).setInputFiles(broken);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('alert').filter({ hasText: 'The file is not JSON' }).waitFor();
    await screenshot(page, 'case-import-refused');
  });
});

describe('integrations (district admin)', () => {
  it('creates an API token shown once, reads CASE REST with it, and revokes it', async () => {
    const admin = await newPage(browser);
    await signInAs(admin, DEMO.admin);
    await admin.goto('/integrations');
    await heading(admin, 'Integrations').waitFor();
    await admin.getByLabel(/Name of the system/).fill(`LMS ${run}`);
    await admin.getByRole('button', { name: 'Create a token' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Copy the token now' });
    await dialog.waitFor();
    const secret = (await dialog.getByLabel('API token', { exact: true }).textContent())!.trim();
    expect(secret).toMatch(/^trellis_/);
    await expectNoAxeViolations(admin, 'integrations token dialog');
    await screenshot(admin, 'integrations-token-shown');
    await dialog.getByRole('button', { name: 'I have copied it' }).click();

    const list = await admin.request.get('/ims/case/v1p1/CFDocuments', { headers: { authorization: `Bearer ${secret}` } });
    expect(list.status()).toBe(200);
    await expectNoAxeViolations(admin, 'integrations');
    await screenshot(admin, 'integrations');
    await admin.getByRole('button', { name: `Revoke LMS ${run}` }).click();
    await admin.getByRole('dialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke' }).click();
    await admin.getByText(`LMS ${run} was revoked.`).waitFor();
    const refused = await admin.request.get('/ims/case/v1p1/CFDocuments', { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);

    const adminPhone = await newPage(browser, { phone: true });
    await signInAs(adminPhone, DEMO.admin);
    await adminPhone.goto('/integrations');
    await heading(adminPhone, 'Integrations').waitFor();
    await adminPhone.getByText(`LMS ${run}`).first().waitFor();
    await expectNoAxeViolations(adminPhone, 'integrations (phone)');
    await expectNoSidewaysScroll(adminPhone, 'integrations (phone)');
    await screenshot(adminPhone, 'phone-integrations');
  });
});
