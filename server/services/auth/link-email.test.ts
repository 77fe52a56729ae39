import { describe, expect, it } from 'vitest';
import { linkEmail } from './link-email.ts';

describe('the invitation e-mail', () => {
  // Trellis has no performance plans (evaluation ratings and improvement plans) and no course catalogue.
  const promises: Record<'en' | 'es', RegExp> = {
    en: /performance plan|learning|courses?\b/i,
    es: /plan de desempeño|aprendizaje|cursos?\b/i,
  };
  const offers: Record<'en' | 'es', RegExp[]> = {
    en: [/observations/, /coaching/, /action steps/],
    es: [/observaciones/, /acompañamiento/, /pasos de acción/],
  };

  it.each(['en', 'es'] as const)('in %s names only what the product does today', (locale) => {
    const { subject, body } = linkEmail('invitation', locale, 'Ana', 'https://trellis.example/reset-password?token=x');
    expect(`${subject}\n${body}`).not.toMatch(promises[locale]);
    for (const offer of offers[locale]) expect(body).toMatch(offer);
    expect(body).toContain('https://trellis.example/reset-password?token=x');
  });
});
