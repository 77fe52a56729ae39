/**
 * Issue 15 in the browser: the assessment pages (instruments, the builder, an administration, results,
 * import), outcomes and the district and school dashboards, each on a desktop and the ones used at a
 * meeting on a phone (axe, no sideways scroll, no error); and two team members on one meeting page,
 * where what one saves appears on the other's screen without a reload (server-sent events).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, launchBrowser, newPage, signInAs, surveyPage } from './browser.ts';

let browser: Browser;
let admin: Page;
let phone: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  [admin, phone] = await Promise.all([newPage(browser), newPage(browser, { phone: true })]);
  for (const page of [admin, phone]) page.setDefaultTimeout(30_000);
  await signInAs(admin, DEMO.admin);
  await signInAs(phone, DEMO.principal);
});

afterAll(async () => {
  await browser?.close();
});

type Items<T> = { items: T[] };
const survey = (page: Page, url: string, name: string) => surveyPage(page, url, `issue15-${name}`);

describe('assessments, outcomes and dashboards', () => {
  it('every page opens, passes axe and fits a desktop and a phone', async () => {
    const instruments = await apiAs<Items<{ id: string; kind: string; versions: { id: string }[] }>>(
      admin,
      'GET',
      '/api/assessments/instruments',
    );
    const drivers = instruments.items.find((i) => i.kind === 'drivers')!;
    expect(drivers).toBeTruthy();
    const administrations = await apiAs<Items<{ id: string; team: { id: string } | null; instrument: { id: string } }>>(
      admin,
      'GET',
      `/api/assessments/administrations?instrumentId=${drivers.id}`,
    );
    expect(administrations.items.length).toBeGreaterThanOrEqual(2);
    const held = administrations.items[0]!;
    const measures = await apiAs<Items<{ id: string }>>(admin, 'GET', '/api/outcomes/measures');
    expect(measures.items.length).toBeGreaterThan(0);
    const schools = await apiAs<Items<{ id: string; name: string }>>(admin, 'GET', '/api/org-units?q=Palm%20Grove');
    const palm = schools.items.find((s) => s.name === 'Palm Grove Elementary')!;
    const results = `/assessments/results?instrumentId=${drivers.id}&teamId=${held.team!.id}`;

    const pages: [Page, string, string][] = [
      [admin, '/assessments', 'instruments'],
      [admin, `/assessments/versions/${drivers.versions[0]!.id}`, 'version'],
      [admin, `/assessments/administrations/${held.id}`, 'administration'],
      [admin, results, 'results'],
      [admin, '/assessments/import', 'import'],
      [admin, '/assessments/new', 'new-administration'],
      [admin, '/outcomes', 'outcomes'],
      [admin, '/outcomes/import', 'outcomes-import'],
      [admin, `/outcomes/measures/${measures.items[0]!.id}`, 'measure'],
      [admin, '/dashboards/district', 'dashboard-district'],
      [admin, `/dashboards/school/${palm.id}`, 'dashboard-school'],
      [phone, `/assessments/administrations/${held.id}`, 'administration-phone'],
      [phone, results, 'results-phone'],
      [phone, `/dashboards/school/${palm.id}`, 'dashboard-school-phone'],
    ];
    for (const [page, url, name] of pages) await survey(page, url, name);
    // A closed review reads as what the team agreed, item by item.
    await admin.goto(`/assessments/administrations/${held.id}`);
    await admin
      .getByText(/^Consensus: \d · /)
      .first()
      .waitFor();
  });

  it('two members on one meeting page: what one saves appears on the other’s screen', async () => {
    const teams = await apiAs<Items<{ id: string; kind: string }>>(admin, 'GET', '/api/implementation-teams');
    const district = teams.items.find((t) => t.kind === 'district')!;
    const team = await apiAs<{ meetings: { id: string }[] }>(admin, 'GET', `/api/implementation-teams/${district.id}`);
    const url = `/implementation-teams/${district.id}/meetings/${team.meetings[0]!.id}`;
    // The principal sits on the district team and takes the notes; the admin follows on a desktop.
    await admin.goto(url);
    await admin.getByText('Live: changes others save appear here').waitFor();
    await phone.goto(url);
    const notes = `Decodable texts arrive next week ${Date.now()}`;
    await phone.getByRole('textbox', { name: 'Notes' }).fill(notes);
    await phone.getByRole('button', { name: 'Save agenda and notes' }).click();
    await phone.getByText('Meeting saved').first().waitFor();
    // No reload on the desktop: the saved notes arrive over the page's live connection.
    await admin.getByText(notes).first().waitFor({ timeout: 15_000 });
  });
});
