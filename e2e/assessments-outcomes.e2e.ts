/**
 * Issue 15 in the browser: the assessment pages (instruments, the builder, an administration, results,
 * import), outcomes and the district and school dashboards, each on a desktop and the ones used at a
 * meeting on a phone (axe, no sideways scroll, no error); two team members on one meeting page,
 * where what one saves appears on the other's screen without a reload (server-sent events); a team
 * voting live on an item (a facilitator and two members on their own screens, votes hidden until
 * revealed together); and the demo's fit review of three coaching models side by side.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, launchBrowser, newPage, screenshot, signInAs, surveyPage } from './browser.ts';

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
      [admin, `/people/${(await apiAs<{ person: { id: string } }>(phone, 'GET', '/api/me')).person.id}/outcomes`, 'person-outcomes'],
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

  it('a team votes live: members vote unseen on their own screens, the votes are revealed together, the next item opens for all', async () => {
    const [coach, teacher] = await Promise.all([newPage(browser, { phone: true }), newPage(browser)]);
    for (const page of [coach, teacher]) page.setDefaultTimeout(30_000);
    await signInAs(coach, DEMO.coach);
    await signInAs(teacher, DEMO.teacher);
    const personOf = async (page: Page) => (await apiAs<{ person: { id: string } }>(page, 'GET', '/api/me')).person.id;
    const instruments = await apiAs<Items<{ kind: string; versions: { id: string; status: string }[] }>>(
      admin,
      'GET',
      '/api/assessments/instruments',
    );
    const drivers = instruments.items.find((i) => i.kind === 'drivers')!;
    const schools = await apiAs<Items<{ id: string; name: string }>>(admin, 'GET', '/api/org-units?q=Palm%20Grove');
    const palm = schools.items.find((s) => s.name === 'Palm Grove Elementary')!;
    const created = await apiAs<{ id: string }>(admin, 'POST', '/api/assessments/administrations', {
      versionId: drivers.versions.find((v) => v.status === 'published')!.id,
      soloPersonId: null,
      teamId: (
        await apiAs<Items<{ id: string; kind: string; orgUnit: { id: string } | null }>>(admin, 'GET', '/api/implementation-teams')
      ).items.find((tm) => tm.kind === 'school' && tm.orgUnit?.id === palm.id)!.id,
      orgUnitId: palm.id,
      title: `Live drivers review ${Date.now()}`,
      heldOn: new Date().toISOString().slice(0, 10),
      attendees: [
        { personId: await personOf(phone), role: 'facilitator' },
        { personId: await personOf(coach), role: 'voting_member' },
        { personId: await personOf(teacher), role: 'voting_member' },
      ],
    });
    const url = `/assessments/administrations/${created.id}`;
    // The principal facilitates on her phone; the coach votes on his phone, the teacher on a desktop.
    await Promise.all([phone.goto(url), coach.goto(url), teacher.goto(url)]);
    await coach.getByText('Waiting for the facilitator to open an item.').waitFor();
    await phone.getByRole('button', { name: 'Open this item for voting' }).click();
    // No reload: the members' screens follow the facilitator onto the item.
    const coachVote = coach.getByRole('radiogroup', { name: 'Your vote' });
    await coachVote.getByRole('radio', { name: /^2 · / }).click();
    await coach.getByText('Your vote is in: 2 · In place. Waiting for 1 other.').waitFor();
    await phone.getByText('1 of 2 voting members have voted').waitFor();
    await screenshot(coach, 'issue15-voting-member-phone');
    // Nobody sees a value before the reveal, the facilitator included.
    expect(await phone.getByText(/^Votes revealed/).count()).toBe(0);
    await teacher.getByRole('radiogroup', { name: 'Your vote' }).getByRole('radio', { name: /^1 · / }).click();
    await phone.getByText('2 of 2 voting members have voted').waitFor();
    await phone.getByRole('button', { name: 'Reveal the votes' }).click();
    await coach.getByText('Votes revealed: 2 of 2 voted').waitFor();
    await teacher.getByText('Votes revealed: 2 of 2 voted').waitFor();
    await screenshot(phone, 'issue15-voting-revealed-phone');
    // The facilitator records the consensus; every screen moves to the next item.
    await phone.getByRole('radiogroup', { name: 'Consensus score' }).getByRole('radio', { name: /^1 · / }).click();
    await phone.getByRole('button', { name: 'Save and next' }).click();
    await phone.getByRole('button', { name: 'Open this item for voting' }).click();
    await coach
      .getByText(/· item 2 of \d+/)
      .first()
      .waitFor();
    await coach.getByText('You have not voted yet.').waitFor();
    await Promise.all([coach.context().close(), teacher.context().close()]);
  });

  it("the demo's fit review puts three coaching models side by side with the team's recommendations", async () => {
    const reviews = await apiAs<Items<{ id: string; title: string }>>(admin, 'GET', '/api/assessments/fit-reviews');
    expect(reviews.items.length).toBeGreaterThan(0);
    await survey(admin, '/assessments/fit-reviews', 'fit-reviews');
    await survey(admin, `/assessments/fit-reviews/${reviews.items[0]!.id}`, 'fit-review');
    const table = admin.getByRole('region', { name: 'Candidates side by side by section' }).getByRole('table');
    for (const name of ['Instructional coaching', 'Peer coaching cycles', 'Video-based coaching'])
      await table.getByRole('columnheader', { name: new RegExp(name) }).waitFor();
    await survey(phone, `/assessments/fit-reviews/${reviews.items[0]!.id}`, 'fit-review-phone');
  });
});
