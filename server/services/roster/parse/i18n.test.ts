import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FATAL_CODES, ISSUE_CODES } from './index.ts';

const messages = (lang: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../../common/i18n/${lang}/roster.json`), 'utf8')) as {
    issue: Record<string, string>;
    fatal: Record<string, string>;
  };
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** The codes a namespace's texts are for: `mass_deactivation_one` and `_other` are the plural forms of one code. */
const codesOf = (texts: Record<string, string>) => [...new Set(Object.keys(texts).map((key) => key.replace(/_(one|other)$/, '')))].sort();
/** A code's text (its `_other` form when it has plural forms). */
const textOf = (texts: Record<string, string>, code: string) => texts[code] ?? texts[`${code}_other`]!;

describe.each(['en', 'es'])('import messages (%s)', (lang) => {
  const { issue, fatal } = messages(lang);
  it('has a text for every code, and no text without a code', () => {
    expect(codesOf(issue)).toEqual([...ISSUE_CODES].sort());
    expect(codesOf(fatal)).toEqual([...FATAL_CODES].sort());
  });

  it('uses the same placeholders as the English text', () => {
    const en = messages('en');
    for (const code of ISSUE_CODES) expect(placeholders(textOf(issue, code)), code).toEqual(placeholders(textOf(en.issue, code)));
    for (const code of FATAL_CODES) expect(placeholders(textOf(fatal, code)), code).toEqual(placeholders(textOf(en.fatal, code)));
  });
});
