// Journey: HR builds a framework in the browser (a domain, two competencies, reordered by keyboard),
// publishes it, starts version 2, changes an item, reads the crosswalk preview, publishes again and
// compares the two versions; a teacher reads the published version without any edit control.
// Scales: the default scale is in use, so its levels are locked; a new scale is created. Working on
// a draft together is its own journey (frameworks-draft.e2e.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  expectNoAxeViolations,
  expectNoCutOffText,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  openFromNav,
  screenshot,
  signInAs,
} from './browser.ts';
import { answer, fillNewItem, publish, rowTexts, tree, underDomain } from './frameworks-ui.ts';

const TITLE = `Teaching practice ${Date.now().toString(36)}`;

let browser: Browser;
let hr: Page;
let frameworkUrl = '';
let v1Url = '';
let v2Url = '';

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  await signInAs(hr, DEMO.hr);
});
afterAll(async () => {
  await browser?.close();
});

describe('framework editing (HR)', () => {
  it('creates a framework from the list', async () => {
    await openFromNav(hr, 'Frameworks');
    await heading(hr, 'Frameworks').waitFor();
    await expectNoAxeViolations(hr, 'frameworks list');
    await hr.getByRole('button', { name: 'New framework' }).click();
    const dialog = hr.getByRole('dialog', { name: 'New framework' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await expectNoAxeViolations(hr, 'new framework dialog');
    await dialog.getByRole('button', { name: 'Create framework' }).click();
    await heading(hr, `${TITLE}, version 1`).waitFor();
    v1Url = new URL(hr.url()).pathname;
    await hr.getByText('No items yet.', { exact: false }).waitFor();
  });

  it('adds a domain and two competencies', async () => {
    await hr.getByRole('button', { name: 'New domain' }).click();
    await hr.getByRole('dialog', { name: 'Add an item at the top level' }).waitFor();
    await fillNewItem(hr, '1', 'Planning and preparation');
    await tree(hr).getByText('Planning and preparation').waitFor();

    for (const [code, statement] of [
      ['1a', 'Knows the content and how to teach it'],
      ['1b', 'Designs coherent instruction'],
    ] as const) {
      await hr.getByRole('button', { name: 'Actions for 1 Planning and preparation' }).click();
      await hr.getByRole('menuitem', { name: 'Add an item under it' }).click();
      await hr.getByRole('dialog', { name: 'Add an item under 1 Planning and preparation' }).waitFor();
      await fillNewItem(hr, code, statement);
    }
    await underDomain(hr).getByText('Designs coherent instruction').waitFor();
    expect(await rowTexts(hr, underDomain(hr))).toEqual(['1a Knows the content and how to teach it', '1b Designs coherent instruction']);
    await expectNoAxeViolations(hr, 'draft version page');
    await screenshot(hr, 'frameworks-draft-desktop');
  });

  it('reorders by keyboard: the drag handle with Space and arrows, and the actions menu', async () => {
    // Drag handle: Space picks up, ArrowUp moves, Space drops.
    const handle = hr.getByRole('button', { name: 'Move 1b Designs coherent instruction' });
    await handle.focus();
    await hr.keyboard.press('Space');
    await hr.waitForTimeout(200);
    await hr.keyboard.press('ArrowUp');
    await hr.waitForTimeout(300);
    const moved = answer(hr, 'POST', '/move');
    await hr.keyboard.press('Space');
    expect((await moved).status()).toBe(200);
    await expect
      .poll(() => rowTexts(hr, underDomain(hr)))
      .toEqual(['1b Designs coherent instruction', '1a Knows the content and how to teach it']);

    // Actions menu, keyboard only: Enter opens it, arrows reach "Move down", Enter runs it.
    const actions = hr.getByRole('button', { name: 'Actions for 1b Designs coherent instruction' });
    await actions.focus();
    await hr.keyboard.press('Enter');
    const moveDown = hr.getByRole('menuitem', { name: 'Move down' });
    await moveDown.waitFor();
    await moveDown.focus();
    const movedBack = answer(hr, 'POST', '/move');
    await hr.keyboard.press('Enter');
    expect((await movedBack).status()).toBe(200);
    await expect
      .poll(() => rowTexts(hr, underDomain(hr)))
      .toEqual(['1a Knows the content and how to teach it', '1b Designs coherent instruction']);
    // The focus stays on the moved item's actions, and a screen reader hears where it went.
    await expect
      .poll(() => hr.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Actions for 1b Designs coherent instruction');
    await hr
      .getByRole('status')
      .filter({ hasText: '1b Designs coherent instruction moved to position 2 of 2 under 1 Planning and preparation.' })
      .waitFor({ state: 'attached' });
  });

  it('publishes version 1', async () => {
    const dialog = await publish(hr, ['This first version has 3 items.']);
    await expectNoAxeViolations(hr, 'publish dialog (first version)');
    const published = answer(hr, 'POST', '/publish');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    expect((await published).status()).toBe(200);
    await hr.getByText('Version 1 was published.').waitFor();
    await hr.getByText("A published version can't be changed", { exact: false }).waitFor();
    expect(await hr.getByRole('button', { name: /^Move / }).count()).toBe(0);
  });

  it('starts version 2, changes an item and reads the crosswalk preview', async () => {
    await hr.getByRole('button', { name: 'Start a new version' }).first().click();
    await heading(hr, `${TITLE}, version 2`).waitFor();
    v2Url = new URL(hr.url()).pathname;
    expect(v2Url).not.toBe(v1Url);

    await tree(hr).getByRole('button', { name: '1a Knows the content and how to teach it', exact: true }).click();
    const drawer = hr.getByRole('dialog', { name: '1a Knows the content and how to teach it' });
    await drawer.waitFor();
    await expectNoAxeViolations(hr, 'item drawer');
    await screenshot(hr, 'frameworks-item-drawer-desktop');
    await drawer
      .getByRole('textbox', { name: 'Statement', exact: true })
      .fill('Knows the content, the standards and how students learn them');
    const saved = answer(hr, 'PATCH', '/api/framework-items/');
    await drawer.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await hr.getByText('The item was saved.').waitFor();
    await hr.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await tree(hr).getByText('Knows the content, the standards and how students learn them').waitFor();

    const dialog = await publish(hr, ['If published now, this is how each item maps to version 1.']);
    const counts = dialog.getByRole('definition');
    await expect.poll(() => counts.allInnerTexts()).toEqual(['2', '1', '0', '0', '0', '0']);
    const list = dialog.getByRole('list', { name: 'Items and the items they map to' });
    expect(await list.innerText()).toContain('Knows the content, the standards and how students learn them');
    expect(await list.innerText()).toContain('1a Knows the content and how to teach it');
    await expectNoAxeViolations(hr, 'publish dialog with crosswalk preview');
    await screenshot(hr, 'frameworks-publish-preview-desktop');
    const published = answer(hr, 'POST', '/publish');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    expect((await published).status()).toBe(200);
    await hr.getByText('Version 2 was published.').waitFor();

    // The recorded crosswalk of the published version.
    await hr.getByRole('tab', { name: 'Crosswalk' }).click();
    await hr.getByText('as recorded when it was published', { exact: false }).waitFor();
    await expectNoAxeViolations(hr, 'crosswalk tab');
  });

  it('compares version 1 and version 2 from the framework page', async () => {
    await hr.getByRole('link', { name: `Back to ${TITLE}` }).click();
    await heading(hr, TITLE).waitFor();
    frameworkUrl = new URL(hr.url()).pathname;
    const history = hr.getByRole('table', { name: 'Every version of this framework, newest first' });
    // Header row and both versions (the page may first show what it had cached, then refreshes).
    await expect.poll(() => history.getByRole('row').count()).toBe(3);
    expect(await history.textContent()).toContain('Superseded');
    await expectNoAxeViolations(hr, 'framework page');
    await screenshot(hr, 'frameworks-framework-desktop');

    await hr.getByRole('combobox', { name: 'From version' }).selectOption({ label: 'Version 1 · Superseded' });
    await hr.getByRole('combobox', { name: 'To version' }).selectOption({ label: 'Version 2 · Published' });
    await hr.getByRole('button', { name: 'Compare', exact: true }).click();
    await hr.waitForURL(/\/compare\?from=.+&to=.+/);
    await heading(hr, `Changes in ${TITLE}`)
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(hr, 'frameworks-compare-failed');
        throw error;
      });
    const changes = hr.getByRole('list', { name: 'Changes', exact: true });
    const changed = changes.getByRole('listitem').filter({ hasText: 'What changed: Statement' });
    await changed.waitFor();
    expect(await changed.innerText()).toContain('Knows the content and how to teach it');
    expect(await changed.innerText()).toContain('Knows the content, the standards and how students learn them');
    await expectNoAxeViolations(hr, 'compare page');
    await screenshot(hr, 'frameworks-compare-desktop');
  });

  it('invites a teacher to the design team', async () => {
    await hr.goto(frameworkUrl);
    await heading(hr, TITLE).waitFor();
    await hr.getByRole('searchbox', { name: 'Invite someone' }).fill('Reyes');
    const invite = hr.getByRole('button', { name: 'Invite Michelle Reyes' });
    await invite.click();
    await hr.getByText('Michelle Reyes joined the design team.').waitFor();
    await hr.getByRole('list', { name: 'Design team' }).getByText('Michelle Reyes').waitFor();
    await expectNoAxeViolations(hr, 'framework page with design team');
  });
});

describe('scales', () => {
  it('lists the scales; the default one is in use and keeps its levels; a new scale is created', async () => {
    await hr.goto('/frameworks');
    await hr.getByRole('link', { name: 'Performance scales' }).click();
    await heading(hr, 'Performance scales').waitFor();
    await expectNoAxeViolations(hr, 'scales page');
    await screenshot(hr, 'frameworks-scales-desktop');

    const defaultCard = hr
      .getByRole('listitem')
      .filter({ has: hr.getByText('Default', { exact: true }) })
      .first();
    await defaultCard.getByRole('button', { name: /^Edit / }).click();
    const edit = hr.getByRole('dialog', { name: /^Edit / });
    await edit.getByText('A published framework version uses this scale', { exact: false }).waitFor();
    expect(await edit.getByRole('textbox', { name: 'Level 1 label' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(hr, 'edit scale in use');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    const name = `Five levels ${Date.now().toString(36)}`;
    await hr.getByRole('button', { name: 'New scale' }).click();
    const dialog = hr.getByRole('dialog', { name: 'New scale' });
    // Creating it empty says what is missing on each field and puts the cursor on the first.
    await dialog.getByRole('button', { name: 'Create scale' }).click();
    const nameBox = dialog.getByRole('textbox', { name: 'Name' });
    await expect.poll(() => nameBox.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await nameBox.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('textbox', { name: 'Level 1 label' }).getAttribute('aria-invalid')).toBe('true');
    await nameBox.fill(name);
    const labels = ['Distinguished', 'Proficient', 'Basic', 'Unsatisfactory'];
    for (const [i, label] of labels.entries()) await dialog.getByRole('textbox', { name: `Level ${i + 1} label` }).fill(label);
    await dialog.getByRole('button', { name: 'Add a level' }).click();
    await dialog.getByRole('textbox', { name: 'Level 5 label' }).fill('Not observed');
    await dialog.getByRole('textbox', { name: 'Level 5 score' }).fill('0');
    await expectNoAxeViolations(hr, 'new scale dialog');
    const created = answer(hr, 'POST', '/api/scales');
    await dialog.getByRole('button', { name: 'Create scale' }).click();
    expect((await created).status()).toBe(201);
    await hr.getByText(`${name} was created.`).waitFor();
    await hr.getByRole('table', { name: `Levels of ${name}, highest first` }).waitFor();
  });
});

describe('reading a published version (teacher)', () => {
  it('shows the published version read-only, with no edit control', async () => {
    const teacher = await newPage(browser);
    await signInAs(teacher, DEMO.teacher);
    await teacher.goto(v2Url);
    await heading(teacher, `${TITLE}, version 2`).waitFor();
    await teacher.getByText("A published version can't be changed", { exact: false }).waitFor();
    await tree(teacher).getByText('Designs coherent instruction').waitFor();
    expect(await teacher.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await teacher.getByRole('button', { name: 'Start a new version' }).count()).toBe(0);
    expect(await teacher.getByRole('button', { name: /^Move / }).count()).toBe(0);
    expect(await teacher.getByRole('button', { name: /^New / }).count()).toBe(0);
    // A long framework folds: the domain hides its competencies and shows them again.
    const toggle = teacher.getByRole('button', { name: 'Items under 1 Planning and preparation' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await tree(teacher).getByText('Designs coherent instruction').waitFor({ state: 'detached' });
    await toggle.press('Enter');
    await tree(teacher).getByText('Designs coherent instruction').waitFor();
    await expectNoAxeViolations(teacher, 'published version (teacher)');
    await screenshot(teacher, 'frameworks-published-teacher-desktop');

    await tree(teacher).getByRole('button', { name: '1b Designs coherent instruction', exact: true }).click();
    const drawer = teacher.getByRole('dialog', { name: '1b Designs coherent instruction' });
    await drawer.waitFor();
    expect(await drawer.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(teacher, 'item drawer (teacher)');
    await teacher.context().close();
  });
});

describe('on a phone', () => {
  it('every framework page reads without sideways scrolling', async () => {
    const phone = await newPage(browser, { phone: true });
    await signInAs(phone, DEMO.hr);
    for (const [name, url, title] of [
      ['list', '/frameworks', 'Frameworks'],
      ['framework', frameworkUrl, TITLE],
      ['version', v2Url, `${TITLE}, version 2`],
      ['compare', `${frameworkUrl}/compare?from=${v1Url.split('/').pop()}&to=${v2Url.split('/').pop()}`, `Changes in ${TITLE}`],
      ['scales', '/scales', 'Performance scales'],
    ] as const) {
      await phone.goto(url);
      await heading(phone, title).waitFor();
      await phone.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(phone, `${name} (phone)`);
      await expectNoCutOffText(phone, `${name} (phone)`);
      await expectNoAxeViolations(phone, `${name} (phone)`, { soft: true });
      await screenshot(phone, `frameworks-${name}-phone`);
    }

    // A draft on a phone: the tree with its handles and menus, and the item panel.
    await phone.goto(v2Url);
    await phone.getByRole('button', { name: 'Start a new version' }).first().click();
    await heading(phone, `${TITLE}, version 3`).waitFor();
    await tree(phone).getByText('Designs coherent instruction').waitFor();
    await expectNoSidewaysScroll(phone, 'draft (phone)');
    await expectNoAxeViolations(phone, 'draft (phone)', { soft: true });
    await screenshot(phone, 'frameworks-draft-phone');
    await phone.getByRole('button', { name: 'Actions for 1b Designs coherent instruction' }).click();
    await phone.getByRole('menuitem', { name: 'Move up' }).waitFor();
    await screenshot(phone, 'frameworks-draft-menu-phone');
    await phone.keyboard.press('Escape');
    await tree(phone).getByRole('button', { name: '1b Designs coherent instruction', exact: true }).click();
    await phone.getByRole('dialog', { name: '1b Designs coherent instruction' }).waitFor();
    await expectNoAxeViolations(phone, 'item drawer (phone)', { soft: true });
    await screenshot(phone, 'frameworks-item-drawer-phone');
    await phone.context().close();
  });
});
