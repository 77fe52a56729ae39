// Journey: implementation on the demo district's literacy initiative. Every page of it (the list, the
// initiative at a glance, setup, stages and checklists, drivers, training, coaching, fidelity, PDSA
// cycles, implementation teams and a meeting, a teacher's own fidelity) opens without an error,
// passes axe and does not scroll sideways, on a desktop and a phone; screenshots of each. Then the
// vendor's guest signs in and reaches the initiative's aggregates, and nothing of a person.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  DEMO_PASSWORD,
  fillSignIn,
  heading,
  launchBrowser,
  mainNav,
  newPage,
  screenshot,
  signInAs,
  surveyPage,
} from './browser.ts';

let browser: Browser;
let admin: Page;
let phone: Page;
let teacher: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  [admin, phone, teacher] = await Promise.all([newPage(browser), newPage(browser, { phone: true }), newPage(browser)]);
  for (const page of [admin, phone, teacher]) page.setDefaultTimeout(30_000);
  await signInAs(admin, DEMO.admin);
  await signInAs(phone, DEMO.principal);
  await signInAs(teacher, DEMO.teacher);
});

afterAll(async () => {
  await browser?.close();
});

type Items<T> = { items: T[] };

const survey = (page: Page, url: string, name: string) => surveyPage(page, url, `implementation-${name}`);

describe('implementation pages', () => {
  it('every page opens, passes axe and fits a desktop and a phone', async () => {
    const initiatives = await apiAs<Items<{ id: string; name: string }>>(admin, 'GET', '/api/initiatives');
    const literacy = initiatives.items.find((i) => i.name === 'Foundations Structured Literacy')!;
    expect(literacy).toBeTruthy();
    const base = `/initiatives/${literacy.id}`;
    const cycles = await apiAs<Items<{ id: string; status: string }>>(admin, 'GET', `/api/initiatives/${literacy.id}/pdsa`);
    const closed = cycles.items.find((c) => c.status === 'closed')!;
    const teams = await apiAs<Items<{ id: string; kind: string }>>(admin, 'GET', '/api/implementation-teams');
    const district = teams.items.find((t) => t.kind === 'district')!;
    const team = await apiAs<{ meetings: { id: string }[] }>(admin, 'GET', `/api/implementation-teams/${district.id}`);
    const me = await apiAs<{ person: { id: string } }>(teacher, 'GET', '/api/me');

    const pages: [Page, string, string][] = [
      [admin, '/initiatives', 'list'],
      [admin, base, 'overview'],
      [admin, `${base}/setup`, 'setup'],
      [admin, `${base}/stages`, 'stages'],
      [admin, `${base}/stages/checklists`, 'checklists'],
      [admin, `${base}/drivers`, 'drivers'],
      [admin, `${base}/training`, 'training'],
      [admin, `${base}/coaching`, 'coaching'],
      [admin, `${base}/fidelity`, 'fidelity'],
      [admin, `${base}/pdsa`, 'pdsa'],
      [admin, `${base}/pdsa/${closed.id}`, 'pdsa-cycle'],
      [admin, '/implementation-teams', 'teams'],
      [admin, `/implementation-teams/${district.id}`, 'team'],
      [admin, `/implementation-teams/${district.id}/meetings/${team.meetings[0]!.id}`, 'meeting'],
      [phone, base, 'overview-phone'],
      [phone, `${base}/stages`, 'stages-phone'],
      [phone, `${base}/fidelity`, 'fidelity-phone'],
      [phone, `${base}/pdsa/${closed.id}`, 'pdsa-cycle-phone'],
      [phone, `${base}/drivers`, 'drivers-phone'],
      [phone, `/implementation-teams/${district.id}/meetings/${team.meetings[0]!.id}`, 'meeting-phone'],
      [teacher, base, 'overview-teacher'],
      [teacher, `/people/${me.person.id}/fidelity`, 'my-fidelity'],
    ];
    for (const [page, url, name] of pages) await survey(page, url, name);
  });

  it('the overview shows stages, driver health in words and the fidelity figures in a table', async () => {
    const initiatives = await apiAs<Items<{ id: string; name: string }>>(admin, 'GET', '/api/initiatives');
    await admin.goto(`/initiatives/${initiatives.items[0]!.id}`);
    await heading(admin, 'Foundations Structured Literacy').waitFor();
    await admin.getByRole('region', { name: 'Stage by school' }).getByText('Getting better (initial implementation)').first().waitFor();
    await admin.getByRole('region', { name: 'Driver health' }).getByText('Not started').first().waitFor();
    const table = admin.getByRole('region', { name: 'Average fidelity by component and month' }).getByRole('table');
    await table.getByRole('rowheader', { name: 'Decodable text practice' }).waitFor();
  });

  it('an admin moves a school a stage on, then back, by keyboard; both moves are in its history', async () => {
    const initiatives = await apiAs<Items<{ id: string; name: string }>>(admin, 'GET', '/api/initiatives');
    const literacy = initiatives.items.find((i) => i.name === 'Foundations Structured Literacy')!;
    const stages = await apiAs<Items<{ orgUnitName: string; isDistrict: boolean; stage: string; abilities: { act: boolean } }>>(
      admin,
      'GET',
      `/api/initiatives/${literacy.id}/stages`,
    );
    const school = stages.items.find((r) => !r.isDistrict && r.abilities.act && r.stage !== 'full_implementation')!;
    expect(school, 'a school the admin may move').toBeTruthy();
    await admin.goto(`/initiatives/${literacy.id}/stages`);
    await heading(admin, /stages by school/).waitFor();
    const record = async (toStage: RegExp, evidence: string) => {
      await admin.getByRole('button', { name: school.orgUnitName, exact: true }).focus();
      await admin.keyboard.press('Enter');
      const drawer = admin.getByRole('dialog', { name: school.orgUnitName });
      const select = drawer.getByLabel(/^New stage/);
      await select.focus();
      // Arrow keys walk the options (Mantine marks the one highlighted); Enter picks it.
      await admin.keyboard.press('ArrowDown');
      const target = admin.getByRole('option', { name: toStage });
      await target.waitFor();
      for (let i = 0; i < 5 && (await target.getAttribute('data-combobox-selected')) === null; i++) await admin.keyboard.press('ArrowDown');
      await admin.keyboard.press('Enter');
      expect(await select.inputValue()).toMatch(toStage);
      await drawer.getByRole('textbox', { name: /^Evidence/ }).fill(evidence);
      await drawer.getByRole('button', { name: 'Record the move' }).focus();
      await admin.keyboard.press('Enter');
      await drawer.getByText(evidence).waitFor();
      return drawer;
    };
    const order = ['exploration', 'installation', 'initial_implementation', 'full_implementation'];
    const names: Record<string, RegExp> = {
      exploration: /^Getting ready/,
      installation: /^Getting started/,
      initial_implementation: /^Getting better/,
      full_implementation: /^Keep improving/,
    };
    const next = order[order.indexOf(school.stage) + 1]!;
    let drawer = await record(names[next]!, 'Walkthroughs show the routines in every room');
    await screenshot(admin, 'implementation-stage-moved');
    await admin.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    drawer = await record(names[school.stage]!, 'Moved back: the new teachers start training in January');
    await drawer.getByText('Moved back').first().waitFor();
    await screenshot(admin, 'implementation-stage-moved-back');
    await admin.keyboard.press('Escape');
  });

  it("the vendor's guest reaches the initiative's aggregates and no person's record", async () => {
    const guest = await newPage(browser);
    await guest.goto('/sign-in');
    await fillSignIn(guest, 'amara.lind@lumenreading.example', DEMO_PASSWORD);
    await guest.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const initiatives = await apiAs<Items<{ id: string }>>(guest, 'GET', '/api/initiatives');
    expect(initiatives.items).toHaveLength(1);
    // Home is the initiative, and the menu offers it and the account only (anything else would 404).
    await guest.waitForURL(`**/initiatives/${initiatives.items[0]!.id}`);
    await heading(guest, 'Foundations Structured Literacy').waitFor();
    expect(await mainNav(guest).getByRole('link').allTextContents()).toEqual(['Implementation', 'Account']);
    await survey(guest, '/account', 'account-guest');
    await guest.getByText("Partner guest: one initiative's aggregate figures").waitFor();
    expect(await guest.getByRole('heading', { name: 'Two-factor sign-in' }).count()).toBe(0);
    expect(await guest.getByRole('button', { name: /notifications/i }).count()).toBe(0);
    await survey(guest, `/initiatives/${initiatives.items[0]!.id}`, 'overview-guest');
    expect(await guest.getByText('No action item is open.').count()).toBe(1);
    const me = await apiAs<{ person: { id: string } }>(teacher, 'GET', '/api/me');
    const res = await guest.request.get(`/api/people/${me.person.id}`);
    expect(res.status()).toBe(404);
    await guest.context().close();
  });
});
