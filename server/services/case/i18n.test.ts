import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishFatal, FATAL_CODES, MESSAGE_CODES } from './messages.ts';

const texts = (lang: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../common/i18n/${lang}/case.json`), 'utf8')) as {
    message: Record<string, string>;
    fatal: Record<string, string>;
  };
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:, number)?\}\}/g)].map((m) => m[1]).sort();
/** The codes of a group of texts: `row_errors_one` and `_other` are the plural forms of one code. */
const codesOf = (group: Record<string, string>) => [...new Set(Object.keys(group).map((key) => key.replace(/_(one|other)$/, '')))].sort();
/** A code's text (its `_other` form when it has plural forms). */
const textOf = (group: Record<string, string>, code: string) => group[code] ?? group[`${code}_other`]!;

describe.each(['en', 'es'])('CASE import messages (%s)', (lang) => {
  const { message, fatal } = texts(lang);
  it('has a text for every code, and no text without a code', () => {
    expect(codesOf(message)).toEqual([...MESSAGE_CODES].sort());
    expect(codesOf(fatal)).toEqual([...FATAL_CODES].sort());
  });
  it('uses the same placeholders as the English text', () => {
    const en = texts('en');
    for (const code of MESSAGE_CODES) expect(placeholders(textOf(message, code)), code).toEqual(placeholders(textOf(en.message, code)));
    for (const code of FATAL_CODES) expect(placeholders(textOf(fatal, code)), code).toEqual(placeholders(textOf(en.fatal, code)));
  });
  it('writes one error in the singular', () => {
    expect(englishFatal('row_errors', { count: 1 })).toBe('The file has 1 error; fix it and upload it again.');
    expect(englishFatal('row_errors', { count: 3 })).toBe('The file has 3 errors; fix them and upload it again.');
  });
});
