// "Who viewed my record": the principal opens a teacher's person page; the teacher then finds that
// read on her account page (who, what, when), on a desktop and on a phone, in English and Spanish.
import type { Browser } from 'playwright-core';
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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('who viewed my record', () => {
  it('shows the teacher that her principal opened her person page', async () => {
    const principal = await newPage(browser);
    await signInAs(principal, DEMO.principal);
    const me = await apiAs<{ person: { givenName: string; familyName: string } }>(principal, 'GET', '/api/me');
    const found = await apiAs<{ items: { id: string }[] }>(principal, 'GET', `/api/people?q=${encodeURIComponent(DEMO.teacher)}`);
    const teacherId = found.items[0]!.id;
    await principal.goto(`/people/${teacherId}`);
    await principal.getByRole('heading', { level: 1 }).waitFor();
    await principal.context().close();

    for (const phone of [false, true]) {
      const teacher = await newPage(browser, { phone });
      await signInAs(teacher, DEMO.teacher);
      await teacher.goto('/account');
      await heading(teacher, 'Your account').waitFor();
      const section = teacher.getByRole('region', { name: 'Who viewed your records' });
      const principalName = `${me.person.givenName} ${me.person.familyName}`;
      await section.getByText(principalName).first().waitFor();
      await expect.poll(() => section.getByText('Your person page').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(teacher, `account page (${phone ? 'phone' : 'desktop'})`);
      await expectNoSidewaysScroll(teacher, 'account page');
      await screenshot(teacher, `record-reads-${phone ? 'phone' : 'desktop'}`);
      await teacher.context().close();
    }
  });

  it('reads in Spanish', async () => {
    const teacher = await newPage(browser, { locale: 'es-ES' });
    await signInAs(teacher, DEMO.teacher);
    await apiAs(teacher, 'PATCH', '/api/me', { locale: 'es' });
    await teacher.goto('/account');
    const section = teacher.getByRole('region', { name: 'Quién vio sus registros' });
    await section.getByText('Su ficha personal').first().waitFor();
    await apiAs(teacher, 'PATCH', '/api/me', { locale: 'en' });
    await teacher.context().close();
  });
});
