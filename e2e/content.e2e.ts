// Journey: HR enters the Spanish label of a rubric level beside its original, and a Spanish
// reader sees it on the rubric grid while an English reader sees the original. Then HR's home,
// the district's observations and coaching delivered against plans, on a desktop and a phone,
// in English and Spanish, with axe on every page and a screenshot of each. An observation's type
// and its action step from the library read in Spanish to a Spanish reader, in the list and on the page.
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  openFromNav,
  screenshot,
  signInAs,
} from './browser.ts';

const tag = randomUUID().slice(0, 6);
const top = `Exemplary ${tag}`;
const topEs = `Ejemplar ${tag}`;

let browser: Browser;
let hr: Page;
let rubricId = '';
let itemId = '';

interface Item {
  id: string;
}

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  await signInAs(hr, DEMO.hr);
  // Content of our own (a scale, a framework, a rubric), published, so the demo's stays as it is.
  const scale = await apiAs<Item>(hr, 'POST', '/api/scales', {
    name: `Scale ${tag}`,
    levels: [
      { label: top, levelScore: 3, proficient: true },
      { label: `Proficient ${tag}`, levelScore: 2, proficient: true },
      { label: `Beginning ${tag}`, levelScore: 1, proficient: false },
    ],
  });
  const created = await apiAs<{ version: { id: string } }>(hr, 'POST', '/api/frameworks', { title: `E2E translated ${tag}` });
  const versionId = created.version.id;
  const domain = await apiAs<Item>(hr, 'POST', `/api/framework-versions/${versionId}/items`, {
    parentId: null,
    itemType: 'domain',
    humanCode: '1',
    fullStatement: 'Classroom',
  });
  const item = await apiAs<Item>(hr, 'POST', `/api/framework-versions/${versionId}/items`, {
    parentId: domain.id,
    itemType: 'competency',
    humanCode: '1a',
    fullStatement: 'Checks for understanding',
  });
  itemId = item.id;
  const pathway = await apiAs<Item>(hr, 'POST', '/api/pathways', { name: `Ladder ${tag}`, category: 'instructional' });
  const step = await apiAs<Item>(hr, 'POST', `/api/pathways/${pathway.id}/steps`, { title: `Teacher ${tag}` });
  const grid = await apiAs<{ rubric: { id: string } }>(hr, 'POST', `/api/framework-versions/${versionId}/rubrics`, {
    stepId: step.id,
    itemIds: [item.id],
    scaleId: scale.id,
  });
  rubricId = grid.rubric.id;
  const version = await apiAs<{ version: number }>(hr, 'GET', `/api/framework-versions/${versionId}`);
  await apiAs(hr, 'POST', `/api/framework-versions/${versionId}/publish`, { version: version.version });
});
afterAll(async () => {
  await browser?.close();
});

async function check(page: Page, name: string, phone = false) {
  await expectNoAxeViolations(page, name, { soft: true });
  if (phone) await expectNoSidewaysScroll(page, name);
  await screenshot(page, name);
}

/** A reader whose Trellis is in `locale` (stored on the account, as the account page does it). */
async function reader(email: string, locale: 'en' | 'es', phone = false) {
  const page = await newPage(browser, { phone, locale: locale === 'es' ? 'es-ES' : 'en-US' });
  await signInAs(page, email);
  await apiAs(page, 'PATCH', '/api/me', { locale });
  return page;
}

describe('district content in Spanish', () => {
  it('HR enters the Spanish label of a level beside its original', async () => {
    await openFromNav(hr, 'Spanish translations');
    await heading(hr, 'Spanish translations').waitFor();
    const row = hr.getByRole('listitem').filter({ hasText: top });
    await row.getByRole('textbox', { name: 'Spanish: Level label' }).fill(topEs);
    await row.getByRole('button', { name: 'Save Spanish Level label' }).click();
    await hr.getByText('Spanish text saved').first().waitFor();
    await check(hr, 'content-01-translations');
    // The rubric page leads to its descriptors, one rubric at a time.
    await hr.goto(`/rubrics/${rubricId}`);
    await hr.getByRole('link', { name: 'Translate into Spanish' }).click();
    await hr.getByRole('combobox', { name: 'Content' }).waitFor();
    expect(await hr.getByRole('combobox', { name: 'Content' }).inputValue()).toBe('Rubric descriptors (one rubric)');
    await check(hr, 'content-02-translations-descriptors');
  });

  it('a Spanish reader sees it on the rubric grid; an English reader sees the original', async () => {
    const spanish = await reader(DEMO.teacher, 'es');
    try {
      await spanish.goto(`/rubrics/${rubricId}`);
      await spanish.getByRole('columnheader', { name: new RegExp(topEs) }).waitFor();
      expect(await spanish.getByRole('columnheader', { name: new RegExp(top) }).count()).toBe(0);
      // Untranslated levels fall back to the original.
      await spanish.getByRole('columnheader', { name: new RegExp(`Proficient ${tag}`) }).waitFor();
      await check(spanish, 'content-03-rubric-es');
    } finally {
      await apiAs(spanish, 'PATCH', '/api/me', { locale: 'en' });
      await spanish.context().close();
    }
    const english = await reader(DEMO.principal, 'en');
    await english.goto(`/rubrics/${rubricId}`);
    await english.getByRole('columnheader', { name: new RegExp(top) }).waitFor();
    expect(await english.getByRole('columnheader', { name: new RegExp(topEs) }).count()).toBe(0);
    await english.context().close();
  });

  it('a translations page for the phone and in Spanish', async () => {
    const phone = await reader(DEMO.hr, 'es', true);
    try {
      await phone.goto('/settings/translations');
      await heading(phone, 'Traducciones al español').waitFor();
      await phone.getByRole('listitem').filter({ hasText: top }).getByRole('textbox', { name: 'Español: Nombre del nivel' }).waitFor();
      await check(phone, 'content-04-translations-phone-es', true);
    } finally {
      await apiAs(phone, 'PATCH', '/api/me', { locale: 'en' });
      await phone.context().close();
    }
  });
});

describe('an observation in Spanish', () => {
  it("shows the type and a library action step in the reader's language, in the list and on the observation", async () => {
    const translate = (entityType: string, entityId: string, field: string, text: string) =>
      apiAs(hr, 'PUT', `/api/translations/${entityType}`, { entityId, field, locale: 'es', text, version: 0 });
    // A type and a library step of our own, so the demo's read as they were.
    const type = await apiAs<Item>(hr, 'POST', '/api/observation-types', {
      name: `Quick visit ${tag}`,
      kind: 'walkthrough',
      lookFors: ['Learning target posted'],
    });
    const step = await apiAs<Item>(hr, 'POST', '/api/action-step-library', { title: `Post the target ${tag}`, itemId });
    await translate('observation_type', type.id, 'name', `Visita breve ${tag}`);
    await translate('action_step_library', step.id, 'title', `Publicar el objetivo ${tag}`);

    const spanish = await reader(DEMO.principal, 'es');
    let observationId = '';
    try {
      const people = await apiAs<{ items: { id: string; givenName: string }[] }>(spanish, 'GET', '/api/people?q=Reyes');
      const observation = await apiAs<Item>(spanish, 'POST', '/api/observations', {
        typeId: type.id,
        observedPersonId: people.items.find((p) => p.givenName === 'Michelle')!.id,
        observedOn: new Date().toISOString().slice(0, 10),
      });
      observationId = observation.id;
      await apiAs(spanish, 'POST', `/api/observations/${observationId}/action-steps`, { libraryStepId: step.id });
      await spanish.goto('/observations?status=draft');
      await spanish
        .getByRole('cell', { name: `Visita breve ${tag}` })
        .first()
        .waitFor();
      expect(await spanish.getByText(`Quick visit ${tag}`).count()).toBe(0);
      await check(spanish, 'content-05-observations-es');
      await spanish.goto(`/observations/${observationId}?section=steps`);
      await spanish.getByText(`Visita breve ${tag}`).first().waitFor();
      await spanish.getByText(`Publicar el objetivo ${tag}`).first().waitFor();
      expect(await spanish.getByText(`Post the target ${tag}`).count()).toBe(0);
      await check(spanish, 'content-06-observation-es');
    } finally {
      await apiAs(spanish, 'PATCH', '/api/me', { locale: 'en' });
      await spanish.context().close();
    }
    // The same observation in English: the originals.
    const english = await reader(DEMO.principal, 'en');
    await english.goto(`/observations/${observationId}?section=steps`);
    await english.getByText(`Quick visit ${tag}`).first().waitFor();
    await english.getByText(`Post the target ${tag}`).first().waitFor();
    expect(await english.getByText(`Publicar el objetivo ${tag}`).count()).toBe(0);
    await english.context().close();
  });
});

describe.each([
  { phone: false, locale: 'en' as const, name: 'desktop-en' },
  { phone: true, locale: 'en' as const, name: 'phone-en' },
  { phone: false, locale: 'es' as const, name: 'desktop-es' },
  { phone: true, locale: 'es' as const, name: 'phone-es' },
])("HR's district views on $name", ({ phone, locale, name }) => {
  const words = {
    en: {
      home: 'Observations',
      all: 'All observations',
      list: 'Observations across the district',
      delivery: 'Coaching delivered against plans',
      byCoach: 'By coach',
    },
    es: {
      home: 'Observaciones',
      all: 'Todas las observaciones',
      list: 'Observaciones de todo el distrito',
      delivery: 'Acompañamiento realizado según los planes',
      byCoach: 'Por acompañante',
    },
  }[locale];

  it('home, observations across the district, coaching delivered', async () => {
    const page = await reader(DEMO.hr, locale, phone);
    try {
      await page.goto('/');
      const observations = page.getByRole('region', { name: words.home, exact: true });
      await observations.waitFor();
      await check(page, `content-10-home-${name}`, phone);
      await observations.getByRole('link', { name: words.all }).click();
      await heading(page, words.list).waitFor();
      await page.locator('table a, li a[href^="/observations/"]').first().waitFor();
      await check(page, `content-11-observations-${name}`, phone);
      await page.goto('/coaching/delivery');
      await heading(page, words.delivery).waitFor();
      await page.getByRole('heading', { name: words.byCoach }).waitFor();
      await check(page, `content-12-delivery-${name}`, phone);
    } finally {
      await apiAs(page, 'PATCH', '/api/me', { locale: 'en' });
      await page.context().close();
    }
  });
});
