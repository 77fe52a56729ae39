import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = import.meta.dirname;
const namespaces = fs.readdirSync(path.join(dir, 'en')).filter((f) => f.endsWith('.json'));

/** Every key path of a nested message object, e.g. `nav.people`. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const read = (lang: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, lang, file), 'utf8'));
const params = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('translations', () => {
  for (const file of namespaces) {
    it(`${file}: Spanish has every English message, with the same placeholders`, () => {
      const en = read('en', file);
      const es = read('es', file);
      expect(keys(es).sort()).toEqual(keys(en).sort());
      for (const key of keys(en)) {
        const get = (o: unknown) => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o);
        const [enText, esText] = [get(en), get(es)];
        if (typeof enText !== 'string') continue;
        expect(typeof esText, key).toBe('string');
        if (key.endsWith('_one')) {
          // A singular form may spell out the number ("una persona") instead of using it.
          expect(params(enText), key).toEqual(expect.arrayContaining(params(esText as string)));
        } else {
          expect(params(esText as string), key).toEqual(params(enText));
        }
        expect((esText as string).trim().length, key).toBeGreaterThan(0);
      }
    });
  }
});
