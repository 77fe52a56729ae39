// Journey: HR builds a framework in the browser (a domain, two competencies, reordered by keyboard),
// publishes it, starts version 2, changes an item, reads the crosswalk preview, publishes again and
// compares the two versions; a teacher reads the published version without any edit control.
// Scales: the default scale is in use, so its levels are locked; a new scale is created.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  apiAs,
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

const TITLE = `Teaching practice ${Date.now().toString(36)}`;

let browser: Browser;
let hr: Page;
let frameworkUrl = '';
let v1Url = '';
let v2Url = '';
let v3Url = '';

/** The tree's rows (the item statements as buttons), in order on screen. */
const tree = (page: Page) => page.getByRole('region', { name: 'Framework items' });
const rowTexts = async (page: Page, list: Locator) =>
  (await list.locator(':scope > li > div button:not([aria-label])').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
const underDomain = (page: Page) => tree(page).getByRole('list', { name: 'Under 1 Planning and preparation' });

/** Waits for the next API answer matching `method` and `path` (a substring). */
const answer = (page: Page, method: string, path: string) =>
  page.waitForResponse((r) => r.request().method() === method && r.url().includes(path));

/** Adds an item through the "Add item" dialog that is open. */
async function fillNewItem(page: Page, code: string, statement: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Code' }).fill(code);
  await dialog.getByRole('textbox', { name: 'Statement' }).fill(statement);
  const created = answer(page, 'POST', '/items');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  expect((await created).status()).toBe(201);
  await dialog.waitFor({ state: 'detached' });
}

/** Opens the publish dialog, checks what it says, publishes, and waits for the banner. */
async function publish(page: Page, expectText: string[]) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Publish version \d\?$/ });
  await dialog.waitFor();
  for (const text of expectText) await dialog.getByText(text, { exact: false }).first().waitFor();
  return dialog;
}

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
    await expect.poll(() => rowTexts(hr, underDomain(hr))).toEqual(['1b Designs coherent instruction', '1a Knows the content and how to teach it']);

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
    await expect.poll(() => rowTexts(hr, underDomain(hr))).toEqual(['1a Knows the content and how to teach it', '1b Designs coherent instruction']);
    // The focus stays on the moved item's actions, and a screen reader hears where it went.
    await expect.poll(() => hr.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Actions for 1b Designs coherent instruction');
    await hr.getByRole('status').filter({ hasText: '1b Designs coherent instruction moved to position 2 of 2 under 1 Planning and preparation.' }).waitFor({ state: 'attached' });
  });

  it('publishes version 1', async () => {
    const dialog = await publish(hr, ['This first version has 3 items.']);
    await expectNoAxeViolations(hr, 'publish dialog (first version)');
    const published = answer(hr, 'POST', '/publish');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    expect((await published).status()).toBe(200);
    await hr.getByText('Version 1 was published.').waitFor();
    await hr.getByText('A published version can\'t be changed', { exact: false }).waitFor();
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
    await drawer.getByRole('textbox', { name: 'Statement', exact: true }).fill('Knows the content, the standards and how students learn them');
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

    const defaultCard = hr.getByRole('listitem').filter({ has: hr.getByText('Default', { exact: true }) }).first();
    await defaultCard.getByRole('button', { name: /^Edit / }).click();
    const edit = hr.getByRole('dialog', { name: /^Edit / });
    await edit.getByText('A published framework version uses this scale', { exact: false }).waitFor();
    expect(await edit.getByRole('textbox', { name: 'Level 1 label' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(hr, 'edit scale in use');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    const name = `Five levels ${Date.now().toString(36)}`;
    await hr.getByRole('button', { name: 'New scale' }).click();
    const dialog = hr.getByRole('dialog', { name: 'New scale' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
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
    await teacher.getByText('A published version can\'t be changed', { exact: false }).waitFor();
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
    v3Url = new URL(phone.url()).pathname;
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

describe('working on a draft together', () => {
  it('shows a concurrent edit with both texts and applies the change over it', async () => {
    await hr.goto(v3Url);
    await heading(hr, `${TITLE}, version 3`).waitFor();
    await tree(hr).getByRole('button', { name: '1b Designs coherent instruction', exact: true }).click();
    await hr.getByRole('dialog', { name: '1b Designs coherent instruction' }).waitFor();
    // The panel's title follows the saved item, which changes below: find it by its role alone.
    const drawer = hr.getByRole('dialog');
    const statement = drawer.getByRole('textbox', { name: 'Statement', exact: true });
    await statement.waitFor();

    // Meanwhile, in another tab, the same item is saved with another text.
    const versionId = v3Url.split('/').pop()!;
    const { items } = await apiAs<{ items: { id: string; humanCode: string; version: number }[] }>(hr, 'GET', `/api/framework-versions/${versionId}/items`);
    const item = items.find((i) => i.humanCode === '1b')!;
    await apiAs(hr, 'PATCH', `/api/framework-items/${item.id}`, { version: item.version, fullStatement: 'Designs instruction (edited elsewhere)' });

    await statement.fill('Designs coherent, standards-aligned instruction');
    const stale = answer(hr, 'PATCH', '/api/framework-items/');
    await drawer.getByRole('button', { name: 'Save' }).click();
    expect((await stale).status()).toBe(409);
    const conflict = drawer.getByRole('alert').filter({ hasText: 'Someone else changed this' });
    await conflict.waitFor();
    // Only the statement differs: one row, the user's text beside the current one.
    expect(await conflict.getByRole('rowheader').allTextContents()).toEqual(['Statement']);
    expect(await conflict.getByRole('cell').allTextContents()).toEqual(['Designs coherent, standards-aligned instruction', 'Designs instruction (edited elsewhere)']);
    await expectNoAxeViolations(hr, 'item edit conflict');
    await screenshot(hr, 'frameworks-item-conflict-desktop');
    const reapplied = answer(hr, 'PATCH', '/api/framework-items/');
    await conflict.getByRole('button', { name: 'Apply my changes over theirs' }).click();
    expect((await reapplied).status()).toBe(200);
    await conflict.waitFor({ state: 'detached' });
    await hr.keyboard.press('Escape');
    await tree(hr).getByText('Designs coherent, standards-aligned instruction').waitFor();
  });

  it('splits an item and merges the two halves back', async () => {
    await hr.getByRole('button', { name: 'Actions for 1b Designs coherent, standards-aligned instruction' }).click();
    const split = answer(hr, 'POST', '/split');
    await hr.getByRole('menuitem', { name: 'Split in two' }).click();
    expect((await split).status()).toBe(201);
    // The copy opens for editing.
    const copy = hr.getByRole('dialog', { name: '1b Designs coherent, standards-aligned instruction' });
    await copy.getByRole('textbox', { name: 'Code' }).fill('1c');
    await copy.getByRole('textbox', { name: 'Statement', exact: true }).fill('Aligns instruction with the standards');
    const saved = answer(hr, 'PATCH', '/api/framework-items/');
    await copy.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await hr.keyboard.press('Escape');
    await expect.poll(() => rowTexts(hr, underDomain(hr))).toEqual([
      '1a Knows the content, the standards and how students learn them',
      '1b Designs coherent, standards-aligned instruction',
      '1c Aligns instruction with the standards',
    ]);

    await hr.getByRole('button', { name: 'Merge items' }).click();
    await hr.getByRole('checkbox', { name: 'Select 1b Designs coherent, standards-aligned instruction to merge' }).check();
    await hr.getByRole('checkbox', { name: 'Select 1c Aligns instruction with the standards to merge' }).check();
    await hr.getByText('2 items selected.').waitFor();
    await hr.getByRole('button', { name: 'Merge the selected items' }).click();
    const dialog = hr.getByRole('dialog', { name: 'Merge 2 items' });
    await dialog.getByRole('textbox', { name: 'Statement' }).fill('Designs coherent instruction aligned with the standards');
    await expectNoAxeViolations(hr, 'merge dialog');
    const merged = answer(hr, 'POST', '/merge');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    expect((await merged).status()).toBe(201);
    await expect.poll(() => rowTexts(hr, underDomain(hr))).toEqual([
      '1a Knows the content, the standards and how students learn them',
      '1b Designs coherent instruction aligned with the standards',
    ]);

    // Retire and reactivate from the menu; delete an item added by mistake.
    await hr.getByRole('button', { name: 'Actions for 1b Designs coherent instruction aligned with the standards' }).click();
    await hr.getByRole('menuitem', { name: 'Retire' }).click();
    await hr.getByText('1b Designs coherent instruction aligned with the standards was retired.').waitFor();
    const retiredRow = underDomain(hr).getByRole('listitem').filter({ hasText: 'aligned with the standards' });
    await retiredRow.getByText('Retired', { exact: true }).waitFor();
    await hr.getByRole('button', { name: 'Actions for 1b Designs coherent instruction aligned with the standards' }).click();
    await hr.getByRole('menuitem', { name: 'Reactivate' }).click();
    await retiredRow.getByText('Retired', { exact: true }).waitFor({ state: 'detached' });

    await hr.getByRole('button', { name: 'Actions for 1a Knows the content, the standards and how students learn them' }).click();
    await hr.getByRole('menuitem', { name: 'Add an item after it' }).click();
    await fillNewItem(hr, '1x', 'Added by mistake');
    await hr.getByRole('button', { name: 'Actions for 1x Added by mistake' }).click();
    await hr.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = hr.getByRole('dialog', { name: 'Delete 1x Added by mistake?' });
    await confirm.waitFor();
    // The actions menu fades out as the dialog opens: check the dialog once it has gone.
    await hr.getByRole('menu').waitFor({ state: 'detached' });
    await expectNoAxeViolations(hr, 'delete item dialog');
    const deleted = answer(hr, 'DELETE', '/api/framework-items/');
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    expect((await deleted).status()).toBe(204);
    await tree(hr).getByText('Added by mistake').waitFor({ state: 'detached' });

    // A typed link between two items, added and removed in the item's panel.
    await tree(hr).getByRole('button', { name: '1a Knows the content, the standards and how students learn them', exact: true }).click();
    const panel = hr.getByRole('dialog');
    await panel.getByRole('combobox', { name: 'Kind of link' }).selectOption({ label: 'Comes before' });
    await panel.getByRole('combobox', { name: 'To item' }).selectOption({ label: '1b Designs coherent instruction aligned with the standards' });
    const linked = answer(hr, 'POST', '/associations');
    await panel.getByRole('button', { name: 'Add link' }).click();
    expect((await linked).status()).toBe(201);
    const links = panel.getByRole('list', { name: 'Links to other items' });
    await links.getByText('Comes before: 1b Designs coherent instruction aligned with the standards').waitFor();
    await expectNoAxeViolations(hr, 'item panel with a link');
    await links.getByRole('button', { name: /^Remove the link/ }).click();
    await panel.getByText('No links.').waitFor();
    await hr.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    await hr.getByRole('tab', { name: 'Crosswalk preview' }).click();
    await hr.getByText('If published now, this is how each item maps to version 2.').waitFor();
    await expectNoAxeViolations(hr, 'crosswalk preview tab');
    await hr.getByRole('tab', { name: 'Details' }).click();
    await hr.getByRole('button', { name: 'Edit details' }).click();
    const details = hr.getByRole('dialog', { name: "Edit this version's details" });
    await details.getByRole('textbox', { name: 'Version label' }).fill('2027-28');
    await expectNoAxeViolations(hr, 'edit version details');
    await details.getByRole('button', { name: 'Save' }).click();
    await hr.getByText('The details were saved.').waitFor();
    await hr.getByRole('definition').filter({ hasText: '2027-28' }).waitFor();
    await hr.getByRole('tab', { name: 'Items' }).click();
  });

  it('lets a design-team teacher comment on the draft and HR resolve it', async () => {
    const teacher = await newPage(browser);
    await signInAs(teacher, DEMO.teacher);
    await teacher.goto(v3Url);
    await heading(teacher, `${TITLE}, version 3`).waitFor();
    await teacher.getByText('You are on the design team').waitFor();
    expect(await teacher.getByRole('button', { name: /^Move / }).count()).toBe(0);
    await tree(teacher).getByRole('button', { name: '1a Knows the content, the standards and how students learn them', exact: true }).click();
    const drawer = teacher.getByRole('dialog', { name: '1a Knows the content, the standards and how students learn them' });
    await drawer.getByRole('textbox', { name: 'Your comment' }).fill('Could we name the state standards here?');
    const posted = answer(teacher, 'POST', '/comments');
    await drawer.getByRole('button', { name: 'Add comment' }).click();
    expect((await posted).status()).toBe(201);
    await drawer.getByText('Could we name the state standards here?').waitFor();
    expect(await drawer.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    await expectNoAxeViolations(teacher, 'item drawer with comments (design team)');
    await screenshot(teacher, 'frameworks-comment-teacher-desktop');
    await teacher.context().close();

    await hr.reload();
    const row = tree(hr).getByRole('listitem').filter({ hasText: '1 open comment' });
    await row.first().waitFor();
    await tree(hr).getByRole('button', { name: '1a Knows the content, the standards and how students learn them', exact: true }).click();
    const hrDrawer = hr.getByRole('dialog', { name: '1a Knows the content, the standards and how students learn them' });
    await hrDrawer.getByText('Could we name the state standards here?').waitFor();
    const resolved = answer(hr, 'POST', '/resolve');
    await hrDrawer.getByRole('button', { name: 'Resolve' }).click();
    expect((await resolved).status()).toBe(200);
    await hrDrawer.getByText('No comments here.').waitFor();
    await hrDrawer.getByText('Resolved', { exact: true }).click();
    await hrDrawer.getByText('Resolved by Rafael Ortega', { exact: false }).waitFor();
  });
});
