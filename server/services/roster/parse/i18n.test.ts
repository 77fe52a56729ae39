import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FATAL_CODES, ISSUE_CODES } from './index.ts';

const messages = (lang: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../../common/i18n/${lang}/import.json`), 'utf8')) as {
    issue: Record<string, string>;
    fatal: Record<string, string>;
  };
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe.each(['en', 'es'])('import messages (%s)', (lang) => {
  const { issue, fatal } = messages(lang);
  it('has a text for every code, and no text without a code', () => {
    expect(Object.keys(issue).sort()).toEqual([...ISSUE_CODES].sort());
    expect(Object.keys(fatal).sort()).toEqual([...FATAL_CODES].sort());
  });

  it('uses the same placeholders as the English text', () => {
    const en = messages('en');
    for (const code of ISSUE_CODES) expect(placeholders(issue[code]!), code).toEqual(placeholders(en.issue[code]!));
    for (const code of FATAL_CODES) expect(placeholders(fatal[code]!), code).toEqual(placeholders(en.fatal[code]!));
  });
});
