// Journey: a principal observes a teacher from a phone (notes typed as they watch, a score with the
// descriptors at hand, an action step, glows and grows), publishes with a feedback meeting; the
// teacher signs in on a laptop, finds it "about me", acknowledges, replies and marks a step
// "practicing" (the principal, a step behind, gets the 409 note, then marks it mastered); the
// principal sees the reply and records the feedback meeting. The score is chosen by keyboard (one
// tab stop per competency, arrow keys between levels). axe and sideways-scroll checks on each screen.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  expectNoAxeViolations,
  expectNoSidewaysScroll,
  heading,
  launchBrowser,
  newPage,
  screenshot,
  signInAs,
} from './browser.ts';

/** expect.poll with room for a busy machine (the default second is too short under load). */
const eventually = <T>(fn: () => T | Promise<T>, opts: { timeout?: number } = {}) => expect.poll(fn, { timeout: opts.timeout ?? 15_000 });

let browser: Browser;
let principal: Page;
let teacher: Page;
let observationUrl = '';
const stamp = Date.now().toString(36);
const note = `Students turn and talk about the learning target ${stamp}`;

const status = (page: Page) => page.getByTestId('autosave-status');

beforeAll(async () => {
  browser = await launchBrowser();
  principal = await newPage(browser, { phone: true });
  teacher = await newPage(browser);
  await signInAs(principal, DEMO.principal);
  await signInAs(teacher, DEMO.teacher);
});

afterAll(async () => {
  await browser?.close();
});

describe('observe, publish, acknowledge', () => {
  it('the principal starts a scored observation of a teacher of their school on a phone', async () => {
    await principal.goto('/observations');
    await eventually(() => heading(principal, 'Observations').isVisible()).toBe(true);
    await expectNoAxeViolations(principal, 'observations list (phone)');
    await principal.getByRole('link', { name: 'New observation' }).click();
    await eventually(() => heading(principal, 'New observation').isVisible()).toBe(true);

    // Starting with no teacher says so on the field and puts the cursor there.
    await principal.getByRole('button', { name: 'Start observation' }).click();
    const teacherBox = principal.getByRole('combobox', { name: 'Teacher' });
    await eventually(() => teacherBox.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await teacherBox.getAttribute('aria-invalid')).toBe('true');
    await principal.getByText('This field is required.').waitFor();

    await principal.getByRole('combobox', { name: 'Teacher' }).fill('Reyes');
    await principal.getByRole('option', { name: /Michelle Reyes/ }).click();
    await principal.getByRole('combobox', { name: 'Type of observation' }).click();
    await principal
      .getByRole('option', { name: /\(Scored\)/ })
      .first()
      .click();
    await principal.getByRole('textbox', { name: 'Class' }).fill('Grade 4 math');
    await expectNoAxeViolations(principal, 'new observation (phone)');
    await expectNoSidewaysScroll(principal, 'new observation (phone)');
    await screenshot(principal, 'observation-new-phone');
    await principal.getByRole('button', { name: 'Start observation' }).click();
    await eventually(() => principal.url()).toMatch(/\/observations\/[0-9a-f-]{36}/);
    observationUrl = new URL(principal.url()).pathname;
    await eventually(() => heading(principal, /Observation of Michelle Reyes/).isVisible()).toBe(true);
  });

  it('types timestamped notes (Enter adds one) that autosave', async () => {
    const box = principal.getByLabel(/^New note/);
    await box.fill(note);
    await box.press('Enter');
    await eventually(() =>
      principal
        .getByLabel(/^Note at/)
        .first()
        .inputValue(),
    ).toBe(note);
    await eventually(() => box.inputValue()).toBe('');
    await box.fill('Exit ticket collected at the door');
    await principal.getByRole('button', { name: 'Add note' }).click();
    await eventually(() => principal.getByLabel(/^Note at/).count()).toBe(2);
    await eventually(() => status(principal).textContent(), { timeout: 10_000 }).toMatch(/Saved at/);
    await expectNoAxeViolations(principal, 'capture notes (phone)');
    await expectNoSidewaysScroll(principal, 'capture notes (phone)');
    // The box to type in is on screen (within reach of the thumb) without scrolling.
    const rect = await box.boundingBox();
    expect(rect && rect.y + rect.height).toBeLessThanOrEqual(844);
    await screenshot(principal, 'observation-capture-notes-phone');
  });

  it('scores a competency by keyboard (one tab stop per competency, arrows between levels) and cites a note', async () => {
    await principal.getByRole('tab', { name: 'Scores' }).click();
    // The open competency's levels: a radio group named by the competency.
    const group = principal.getByRole('radiogroup').first();
    await group.waitFor();
    const nameId = (await group.getAttribute('aria-labelledby')) ?? '';
    const competency = ((await principal.locator(`[id="${nameId}"]`).textContent()) ?? '').trim();
    expect(competency.length).toBeGreaterThan(0);
    expect(await principal.getByRole('radiogroup', { name: competency, exact: true }).count()).toBe(1);
    const levels = group.getByRole('radio');
    await eventually(() => levels.count()).toBeGreaterThan(1);
    const holdsFocus = (l: Locator) => l.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

    // Tab from the competency's heading enters the group once, on the first level (none chosen yet).
    await principal.locator(`[id="${nameId}"]`).locator('xpath=ancestor::button[1]').focus();
    await principal.keyboard.press('Tab');
    await eventually(() => holdsFocus(levels.nth(0))).toBe(true);
    expect(await levels.nth(0).isChecked()).toBe(false);
    // The focused level's card shows a focus ring.
    const ring = await levels.nth(0).evaluate((el) => getComputedStyle(el.closest('label')!).outlineStyle);
    expect(ring).toBe('solid');
    // ArrowRight chooses the next level (its descriptor stays on the card).
    await principal.keyboard.press('ArrowRight');
    await eventually(() => levels.nth(1).isChecked()).toBe(true);
    expect(await holdsFocus(levels.nth(1))).toBe(true);
    // One more Tab leaves the group (to "Clear score"), not to the next level.
    await principal.keyboard.press('Tab');
    await eventually(() => holdsFocus(group)).toBe(false);
    expect(await holdsFocus(principal.getByRole('button', { name: `Clear score: ${competency}` }))).toBe(true);
    // Shift+Tab comes back to the chosen level.
    await principal.keyboard.press('Shift+Tab');
    await eventually(() => holdsFocus(levels.nth(1))).toBe(true);
    await eventually(() => status(principal).textContent(), { timeout: 10_000 }).toMatch(/Saved at/);
    await screenshot(principal, 'observation-capture-scores-keyboard-phone');

    // Clearing works from the keyboard too; then the level is chosen again.
    await principal.getByRole('button', { name: `Clear score: ${competency}` }).focus();
    await principal.keyboard.press('Enter');
    await eventually(() => levels.nth(1).isChecked()).toBe(false);
    await levels.nth(1).focus();
    await principal.keyboard.press('Space');
    await eventually(() => levels.nth(1).isChecked()).toBe(true);
    await principal.getByLabel('Comment').first().fill('Clear routines; most students on task.');
    await principal.getByRole('combobox', { name: 'Evidence from your notes' }).first().click();
    await principal.getByRole('option', { name: new RegExp(`Students turn and talk`) }).click();
    await principal.keyboard.press('Escape');
    await eventually(() => status(principal).textContent(), { timeout: 10_000 }).toMatch(/Saved at/);
    await expectNoAxeViolations(principal, 'capture scores (phone)');
    await expectNoSidewaysScroll(principal, 'capture scores (phone)');
    await screenshot(principal, 'observation-capture-scores-phone');
  });

  it('adds action steps from the district library (searched) and written fresh, with due dates', async () => {
    await principal.getByRole('tab', { name: 'Action steps' }).click();
    await principal.getByRole('button', { name: 'Add action step' }).click();
    const dialog = principal.getByRole('dialog', { name: 'Add an action step' });
    await dialog.getByRole('searchbox', { name: 'Search the library' }).fill('students');
    const found = dialog.getByRole('radio').first();
    await eventually(() => found.isVisible()).toBe(true);
    await expectNoAxeViolations(principal, 'add action step (library)');
    const libraryTitle = ((await found.locator('p').first().textContent()) ?? '').trim();
    await found.click();
    await dialog.getByRole('button', { name: 'Add step' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    await eventually(() => principal.getByText(libraryTitle, { exact: true }).first().isVisible()).toBe(true);

    await principal.getByRole('button', { name: 'Add action step' }).click();
    await dialog.getByRole('tab', { name: 'Write one' }).click();
    await dialog.getByLabel(/^What to do/).fill(`Post the learning target and refer to it at the end ${stamp}`);
    await dialog.getByRole('button', { name: 'Add step' }).click();
    await eventually(() => principal.getByText(`Post the learning target and refer to it at the end ${stamp}`).isVisible()).toBe(true);
    await screenshot(principal, 'observation-capture-steps-phone');
  });

  it('writes glows and grows and publishes with a feedback meeting', async () => {
    await principal.getByRole('tab', { name: 'Feedback and publish' }).click();
    await principal.getByLabel(/^Glows/).fill('Warm, quick start; the target was visible.');
    await principal.getByLabel(/^Grows/).fill('Check for understanding before moving on.');
    await principal.getByLabel(/^Feedback meeting/).fill('2030-01-15T15:30');
    await expectNoAxeViolations(principal, 'capture finish (phone)');
    await expectNoSidewaysScroll(principal, 'capture finish (phone)');
    await principal.getByRole('button', { name: 'Publish', exact: true }).click();
    // Publishing writes the evidence and tells the teacher: give a busy machine time.
    await eventually(() => principal.getByText('Published', { exact: true }).first().isVisible(), { timeout: 40_000 }).toBe(true);
    await eventually(() => principal.getByText('Check for understanding before moving on.').isVisible()).toBe(true);
    await expectNoAxeViolations(principal, 'published observation (observer, phone)');
    await expectNoSidewaysScroll(principal, 'published observation (observer, phone)');
    await screenshot(principal, 'observation-published-phone');
  });

  it('the teacher finds it about them, acknowledges and replies', async () => {
    await teacher.goto('/observations');
    await eventually(() => heading(teacher, 'Observations').isVisible()).toBe(true);
    await eventually(() => teacher.url()).not.toContain('mine=made');
    await expectNoAxeViolations(teacher, 'observations about me');
    await teacher.goto(observationUrl);
    await eventually(() => teacher.getByText('Warm, quick start; the target was visible.').isVisible()).toBe(true);
    // The score shows its descriptor's level and the cited note as evidence.
    await eventually(() => teacher.getByText(/^Evidence:.*Students turn and talk/).isVisible()).toBe(true);
    expect(await teacher.getByRole('button', { name: 'Revise' }).count()).toBe(0);
    await teacher.getByRole('button', { name: 'Acknowledge' }).click();
    await eventually(() =>
      teacher
        .getByText(/^Acknowledged /)
        .first()
        .isVisible(),
    ).toBe(true);
    await teacher.getByLabel(/^Reply/).fill('Thank you, I will try the exit ticket routine.');
    await teacher.getByRole('button', { name: 'Send reply' }).click();
    await eventually(() => teacher.getByText('Thank you, I will try the exit ticket routine.').isVisible()).toBe(true);
    await expectNoAxeViolations(teacher, 'published observation (teacher)');
    await screenshot(teacher, 'observation-teacher-desktop');
  });

  it('the teacher marks an action step practicing from the observation page; the principal, a step behind, is told and marks it mastered', async () => {
    const fresh = `Post the learning target and refer to it at the end ${stamp}`;
    const stepOn = (page: Page) => page.getByRole('listitem').filter({ hasText: fresh });
    // The principal opens the observation before the teacher moves the step on.
    await principal.goto(observationUrl);
    const master = principal.getByRole('button', { name: `Mark mastered: ${fresh}` });
    await eventually(() => master.isVisible()).toBe(true);
    await eventually(() => stepOn(principal).getByText('Assigned', { exact: true }).isVisible()).toBe(true);
    // Teachers do not mark their own steps mastered.
    expect(await teacher.getByRole('button', { name: /^Mark mastered/ }).count()).toBe(0);

    await teacher.getByRole('button', { name: `I'm practicing this: ${fresh}` }).click();
    await eventually(() => teacher.getByText(`Now practicing: ${fresh}`).isVisible()).toBe(true);
    await eventually(() => stepOn(teacher).getByText('Practicing', { exact: true }).isVisible()).toBe(true);
    expect(await teacher.getByRole('button', { name: `I'm practicing this: ${fresh}` }).count()).toBe(0);
    await expectNoAxeViolations(teacher, 'action step practicing (teacher)');
    // The same page at a phone's width (reloaded, so the layout is the phone's from the start).
    await teacher.setViewportSize({ width: 390, height: 844 });
    await teacher.reload();
    await eventually(() => stepOn(teacher).getByText('Practicing', { exact: true }).isVisible()).toBe(true);
    await expectNoSidewaysScroll(teacher, 'action step practicing (teacher, phone width)');
    await screenshot(teacher, 'observation-step-practicing-phone');
    await teacher.setViewportSize({ width: 1280, height: 860 });

    // The principal's page still says "Assigned": marking it mastered meets the teacher's change.
    await master.click();
    const changed = stepOn(principal).getByRole('status').filter({ hasText: 'Someone else changed this step first' });
    await eventually(() => changed.isVisible()).toBe(true);
    await eventually(() => changed.getByText(/“Practicing”/).isVisible()).toBe(true);
    await eventually(() => stepOn(principal).getByText('Practicing', { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(principal, 'action step changed meanwhile (phone)');
    await expectNoSidewaysScroll(principal, 'action step changed meanwhile (phone)');
    await screenshot(principal, 'observation-step-conflict-phone');
    // Now with the current version, it goes through.
    await master.click();
    await eventually(() => principal.getByText(`Marked mastered: ${fresh}`).isVisible()).toBe(true);
    await eventually(() => stepOn(principal).getByText('Mastered', { exact: true }).isVisible()).toBe(true);
    await eventually(() => master.count()).toBe(0);
    await eventually(() => changed.count()).toBe(0);
  });

  it('a later walkthrough checks the library step, and the principal marks it mastered from that walkthrough', async () => {
    type Step = { id: string; title: string; status: string };
    type Obs = { id: string; version: number; observedOn: string; observed: { id: string }; actionSteps: Step[] };
    const first = await apiAs<Obs>(principal, 'GET', `/api${observationUrl}`);
    const library = first.actionSteps.find((s) => s.status === 'assigned')!;
    const types = await apiAs<{ items: { id: string; kind: string; active: boolean }[] }>(principal, 'GET', '/api/observation-types');
    const walkthrough = types.items.find((type) => type.kind === 'walkthrough' && type.active)!;
    // The walkthrough is made and published through the API (its screens are covered above).
    const later = await apiAs<Obs>(principal, 'POST', '/api/observations', {
      typeId: walkthrough.id,
      observedPersonId: first.observed.id,
      observedOn: first.observedOn,
    });
    const saved = await apiAs<{ version: number }>(principal, 'PUT', `/api/observations/${later.id}/draft`, {
      version: later.version,
      actionStepChecks: [{ actionStepId: library.id, result: 'progressing', comment: `Seen twice ${stamp}` }],
    });
    await apiAs(principal, 'POST', `/api/observations/${later.id}/publish`, { version: saved.version });

    // A "progressing" check puts an assigned step into practice; the teacher has nothing to press.
    await teacher.goto(`/observations/${later.id}`);
    const checkOn = (page: Page) => page.getByRole('listitem').filter({ hasText: `Seen twice ${stamp}` });
    await eventually(() => checkOn(teacher).isVisible()).toBe(true);
    expect(await checkOn(teacher).getByRole('button').count()).toBe(0);
    // The principal marks it mastered from the walkthrough that checked it.
    await principal.goto(`/observations/${later.id}`);
    await checkOn(principal)
      .getByRole('button', { name: `Mark mastered: ${library.title}` })
      .click();
    await eventually(() => principal.getByText(`Marked mastered: ${library.title}`).isVisible()).toBe(true);
    await eventually(() => checkOn(principal).getByRole('button').count()).toBe(0);
    expect((await apiAs<{ status: string }>(principal, 'GET', `/api/action-steps/${library.id}`)).status).toBe('mastered');
    await expectNoAxeViolations(principal, 'checked step marked mastered (phone)');
  });

  it('the principal sees the reply and records the feedback meeting held', async () => {
    await principal.goto(observationUrl);
    await eventually(() => principal.getByText('Thank you, I will try the exit ticket routine.').isVisible()).toBe(true);
    await principal.getByRole('button', { name: 'Feedback meeting held' }).click();
    await eventually(() => principal.getByText(/^Feedback meeting held on/).isVisible()).toBe(true);
    await principal.goto('/observations');
    await eventually(() => principal.getByRole('link', { name: 'Michelle Reyes' }).first().isVisible()).toBe(true);
    await expectNoSidewaysScroll(principal, 'observations list (phone)');
    await screenshot(principal, 'observations-list-phone');
  });
});
