// What the framework journeys share: the tree on the version page and its dialogs.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The tree's rows (the item statements as buttons), in order on screen. */
export const tree = (page: Page) => page.getByRole('region', { name: 'Framework items' });
export const rowTexts = async (page: Page, list: Locator) =>
  (await list.locator(':scope > li > div button:not([aria-label])').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
export const underDomain = (page: Page) => tree(page).getByRole('list', { name: 'Under 1 Planning and preparation' });

/** Waits for the next API answer matching `method` and `path` (a substring). */
export const answer = (page: Page, method: string, path: string) =>
  page.waitForResponse((r) => r.request().method() === method && r.url().includes(path));

/** Adds an item through the "Add item" dialog that is open. */
export async function fillNewItem(page: Page, code: string, statement: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Code' }).fill(code);
  await dialog.getByRole('textbox', { name: 'Statement' }).fill(statement);
  const created = answer(page, 'POST', '/items');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  expect((await created).status()).toBe(201);
  await dialog.waitFor({ state: 'detached' });
}

/** Opens the publish dialog, checks what it says, publishes, and waits for the banner. */
export async function publish(page: Page, expectText: string[]) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /^Publish version \d\?$/ });
  await dialog.waitFor();
  for (const text of expectText) await dialog.getByText(text, { exact: false }).first().waitFor();
  return dialog;
}
