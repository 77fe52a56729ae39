// Journey: HR and a design-team teacher work on a draft (version 3 of a framework made through the
// API): a concurrent edit shows both texts; split, merge, retire, reactivate and delete items; a
// typed link; version details; the teacher comments and HR resolves.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, apiAs, expectNoAxeViolations, heading, launchBrowser, newPage, screenshot, signInAs } from './browser.ts';
import { answer, fillNewItem, rowTexts, tree, underDomain } from './frameworks-ui.ts';

const TITLE = `Teaching practice drafts ${Date.now().toString(36)}`;

interface Version {
  id: string;
  version: number;
}

let browser: Browser;
let hr: Page;
let v3Url = '';

/** Publishes a draft (at its current version) and starts the next one. */
async function publishAndStartNext(page: Page, versionId: string): Promise<Version> {
  const current = await apiAs<Version>(page, 'GET', `/api/framework-versions/${versionId}`);
  await apiAs(page, 'POST', `/api/framework-versions/${versionId}/publish`, { version: current.version });
  return apiAs<Version>(page, 'POST', `/api/framework-versions/${versionId}/new-version`, {});
}

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await newPage(browser);
  await signInAs(hr, DEMO.hr);
  // Version 1 (a domain with two competencies), published twice over: version 3 is the draft.
  const created = await apiAs<{ framework: { id: string }; version: Version }>(hr, 'POST', '/api/frameworks', { title: TITLE });
  const v1 = created.version.id;
  const domain = await apiAs<{ id: string }>(hr, 'POST', `/api/framework-versions/${v1}/items`, {
    parentId: null,
    itemType: 'domain',
    humanCode: '1',
    fullStatement: 'Planning and preparation',
  });
  for (const [humanCode, fullStatement] of [
    ['1a', 'Knows the content, the standards and how students learn them'],
    ['1b', 'Designs coherent instruction'],
  ]) {
    await apiAs(hr, 'POST', `/api/framework-versions/${v1}/items`, {
      parentId: domain.id,
      itemType: 'competency',
      humanCode,
      fullStatement,
    });
  }
  const v2 = await publishAndStartNext(hr, v1);
  const v3 = await publishAndStartNext(hr, v2.id);
  v3Url = `/frameworks/versions/${v3.id}`;
  // The demo teacher joins the design team.
  const teacher = await newPage(browser);
  await signInAs(teacher, DEMO.teacher);
  const me = await apiAs<{ person: { id: string } }>(teacher, 'GET', '/api/me');
  await teacher.context().close();
  await apiAs(hr, 'POST', `/api/frameworks/${created.framework.id}/design-team`, { personId: me.person.id });
});
afterAll(async () => {
  await browser?.close();
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
    const { items } = await apiAs<{ items: { id: string; humanCode: string; version: number }[] }>(
      hr,
      'GET',
      `/api/framework-versions/${versionId}/items`,
    );
    const item = items.find((i) => i.humanCode === '1b')!;
    await apiAs(hr, 'PATCH', `/api/framework-items/${item.id}`, {
      version: item.version,
      fullStatement: 'Designs instruction (edited elsewhere)',
    });

    await statement.fill('Designs coherent, standards-aligned instruction');
    const stale = answer(hr, 'PATCH', '/api/framework-items/');
    await drawer.getByRole('button', { name: 'Save' }).click();
    expect((await stale).status()).toBe(409);
    const conflict = drawer.getByRole('alert').filter({ hasText: 'Someone else changed this' });
    await conflict.waitFor();
    // Only the statement differs: one row, the user's text beside the current one.
    expect(await conflict.getByRole('rowheader').allTextContents()).toEqual(['Statement']);
    expect(await conflict.getByRole('cell').allTextContents()).toEqual([
      'Designs coherent, standards-aligned instruction',
      'Designs instruction (edited elsewhere)',
    ]);
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
    await expect
      .poll(() => rowTexts(hr, underDomain(hr)))
      .toEqual([
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
    await expect
      .poll(() => rowTexts(hr, underDomain(hr)))
      .toEqual([
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
    await panel
      .getByRole('combobox', { name: 'To item' })
      .selectOption({ label: '1b Designs coherent instruction aligned with the standards' });
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
    const teacher: Page = await newPage(browser);
    await signInAs(teacher, DEMO.teacher);
    await teacher.goto(v3Url);
    await heading(teacher, `${TITLE}, version 3`).waitFor();
    await teacher.getByText('You are on the design team').waitFor();
    expect(await teacher.getByRole('button', { name: /^Move / }).count()).toBe(0);
    await tree(teacher)
      .getByRole('button', { name: '1a Knows the content, the standards and how students learn them', exact: true })
      .click();
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
