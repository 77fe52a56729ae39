import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../common/errors.ts';
import { ACCESS_ROLES, ORG_UNIT_TYPES, STAFF_ROLES } from '../../common/roles.ts';
import { LOCALES } from '../../common/schemas/auth.ts';

const root = join(import.meta.dirname, '..', '..');
type Tree = { [key: string]: string | Tree };

/** Every message of one namespace of a locale, flattened to dotted keys. */
function load(locale: string, namespace = 'app'): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') flat[prefix + key] = value;
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(JSON.parse(readFileSync(join(root, 'common/i18n', locale, `${namespace}.json`), 'utf8')) as Tree, '');
  return flat;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Literal keys passed to t('...') and nav labels in the web app, as `namespace:key`. A file's
 * namespace is the one its `useTranslation('ns')` names (else `app`); `t('ns:key')` names its own.
 */
function usedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(root, 'web'))) {
    const text = readFileSync(file, 'utf8');
    const namespace = /useTranslation\(\s*\[?\s*'(\w+)'/.exec(text)?.[1] ?? 'app';
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.:]+)'/g)) {
      keys.add(match[1]!.includes(':') ? match[1]! : `${namespace}:${match[1]!}`);
    }
    for (const match of text.matchAll(/label: '(nav\.[a-z]+)'/g)) keys.add(`app:${match[1]!}`);
  }
  return [...keys];
}

const NAMESPACE_FILES = readdirSync(join(root, 'common/i18n/en')).map((f) => f.replace(/\.json$/, ''));

/** Whether `ns:key` resolves in the locale, as i18next would (its namespace, then `app`). */
function resolves(locale: string, scoped: string): boolean {
  const [namespace, key] = scoped.split(':') as [string, string];
  if (!NAMESPACE_FILES.includes(namespace)) return false;
  return has(load(locale, namespace), key) || has(load(locale, 'app'), key);
}

const has = (messages: Record<string, string>, key: string) => key in messages || `${key}_other` in messages;
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('app translations', () => {
  const en = load('en');

  it.each(LOCALES)('%s has every key the code uses', (locale) => {
    expect(usedKeys().filter((key) => !resolves(locale, key))).toEqual([]);
  });

  it.each(LOCALES)('%s translates every role, access level, unit type, error code and language', (locale) => {
    const messages = load(locale);
    // Each navigation item but Home is also a card on the home page, with a line of its own.
    const navKeys = [...readFileSync(join(root, 'web/app/MainNav.tsx'), 'utf8').matchAll(/label: 'nav\.([a-zA-Z]+)'/g)].map((m) => m[1]!);
    expect(navKeys.length).toBeGreaterThan(3);
    const dynamic = [
      ...navKeys.filter((key) => key !== 'home').map((key) => `home.cards.${key}`),
      ...STAFF_ROLES.flatMap((role) => [`role.${role}`, `rolePlural.${role}`]),
      ...ACCESS_ROLES.map((access) => `access.${access}`),
      ...ORG_UNIT_TYPES.map((type) => `orgUnitType.${type}`),
      ...Object.keys(ERROR_STATUS).map((code) => `error.${code}`),
      'error.network',
      ...LOCALES.map((l) => `language.${l}`),
    ];
    expect(dynamic.filter((key) => !has(messages, key))).toEqual([]);
  });

  it('es has the same keys and placeholders as en', () => {
    const es = load('es');
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    const mismatched = Object.keys(en).filter((key) => {
      // Plural forms may leave out {{count}} ("la persona" for one).
      const strip = (vars: (string | undefined)[]) =>
        key.endsWith('_one') ? vars.filter((v) => v !== 'count' && v !== 'formatted') : vars;
      return JSON.stringify(strip(variables(en[key]!))) !== JSON.stringify(strip(variables(es[key] ?? '')));
    });
    expect(mismatched).toEqual([]);
  });
});

/**
 * Keys the web app translates with a `count` (`t('key', { count: n })`, or `t(cond ? 'a' : 'b', { count })`),
 * as `namespace:key`; the options object may span lines.
 */
function keysUsedWithCount(): string[] {
  const keys = new Set<string>();
  const call = /\bt\(\s*((?:[\w.!() ]+\?\s*)?'[\w.:]+'(?:\s*:\s*'[\w.:]+')?)\s*,\s*\{([^{}]*)\}/g;
  for (const file of sourceFiles(join(root, 'web'))) {
    const text = readFileSync(file, 'utf8');
    const namespace = /useTranslation\(\s*\[?\s*'(\w+)'/.exec(text)?.[1] ?? 'app';
    for (const match of text.matchAll(call)) {
      if (!/(^|[\s,{])count\s*(:|,|$)/.test(match[2]!)) continue;
      for (const [, key] of match[1]!.matchAll(/'([\w.:]+)'/g)) keys.add(key!.includes(':') ? key! : `${namespace}:${key!}`);
    }
  }
  return [...keys].sort();
}

describe('plural forms', () => {
  it('finds the counted keys (the scan itself works)', () => {
    expect(keysUsedWithCount()).toEqual(
      expect.arrayContaining(['tracker:feedback.pending', 'app:validation.tooShort', 'observations:tabs.notes']),
    );
  });

  it.each(LOCALES)('%s has _one and _other forms for every key shown with a count', (locale) => {
    const missing = keysUsedWithCount().filter((scoped) => {
      const [namespace, key] = scoped.split(':') as [string, string];
      const forms = (messages: Record<string, string>) => `${key}_one` in messages && `${key}_other` in messages;
      return !forms(load(locale, namespace)) && !forms(load(locale, 'app'));
    });
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s shows {{count}} only in plural forms ("1 school days ago")', (locale) => {
    const bare = readdirSync(join(root, 'common/i18n', locale)).flatMap((file) => {
      const messages = load(locale, file.replace(/\.json$/, ''));
      return Object.keys(messages)
        .filter((key) => messages[key]!.includes('{{count}}') && !/_(zero|one|two|few|many|other)$/.test(key))
        .map((key) => `${file}:${key}`);
    });
    expect(bare).toEqual([]);
  });

  it.each(LOCALES)('%s has no bare key beside its plural forms (i18next would never read it)', (locale) => {
    const stale = NAMESPACE_FILES.flatMap((namespace) => {
      const messages = load(locale, namespace);
      return Object.keys(messages)
        .filter((key) => key.endsWith('_other') && key.slice(0, -'_other'.length) in messages)
        .map((key) => `${namespace}:${key}`);
    });
    expect(stale).toEqual([]);
  });
});
