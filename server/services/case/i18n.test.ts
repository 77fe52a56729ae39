import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FATAL_CODES, MESSAGE_CODES } from './messages.ts';

const texts = (lang: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../common/i18n/${lang}/case.json`), 'utf8')) as {
    message: Record<string, string>;
    fatal: Record<string, string>;
  };
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)(?:, number)?\}\}/g)].map((m) => m[1]).sort();

describe.each(['en', 'es'])('CASE import messages (%s)', (lang) => {
  const { message, fatal } = texts(lang);
  it('has a text for every code, and no text without a code', () => {
    expect(Object.keys(message).sort()).toEqual([...MESSAGE_CODES].sort());
    expect(Object.keys(fatal).sort()).toEqual([...FATAL_CODES].sort());
  });
  it('uses the same placeholders as the English text', () => {
    const en = texts('en');
    for (const code of MESSAGE_CODES) expect(placeholders(message[code]!), code).toEqual(placeholders(en.message[code]!));
    for (const code of FATAL_CODES) expect(placeholders(fatal[code]!), code).toEqual(placeholders(en.fatal[code]!));
  });
});
