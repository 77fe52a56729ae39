import i18n, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../common/schemas/auth.ts';

/**
 * The UI languages (the same list as the API's `Locale`, kept here so the first page does not load
 * Zod just for it; the `satisfies` and the check below keep the two in step).
 */
export const LOCALES = ['en', 'es'] as const satisfies readonly Locale[];
export type { Locale };
const everyLocaleListed: Record<Locale, (typeof LOCALES)[number]> = { en: 'en', es: 'es' };
void everyLocaleListed;

/**
 * Namespaces the web app reads: its own (`app`), the import issue messages (`import`), and one per
 * area: the competency architecture (`frameworks`, `pathways`, `case`), observation and coaching
 * (`observations`, `coaching`, `tracker`, `calendar`, `settings`), password-strength feedback (`password`), two-factor sign-in (`mfa`), single sign-on (`sso`), and HR's district views and content translations (`district`), teams (`teams`), performance management (`performance`), implementation (`implementation`), its action plans and barriers (`actionPlans`), live updates (`live`), assessments (`assessments`) and outcomes and dashboards (`outcomes`).
 */
export const NAMESPACES = [
  'app',
  'roster',
  'frameworks',
  'pathways',
  'case',
  'observations',
  'coaching',
  'tracker',
  'calendar',
  'settings',
  'password',
  'mfa',
  'sso',
  'district',
  'teams',
  'performance',
  'implementation',
  'actionPlans',
  'live',
  'assessments',
  'outcomes',
] as const;

/**
 * What the signed-out pages (sign-in, its code step, password reset, SSO refusal) read: loaded at
 * start. The signed-in shell loads the rest before it renders (`signed-in.ts`), so a first visit
 * downloads no area's words.
 */
export const PUBLIC_NAMESPACES = ['app', 'sso', 'mfa', 'password'] as const satisfies readonly (typeof NAMESPACES)[number][];

const STORAGE_KEY = 'trellis.locale';

// Every namespace file becomes its own small chunk, loaded for the language in use only.
const loaders = import.meta.glob<Record<string, unknown>>(
  '../../common/i18n/*/{app,roster,frameworks,pathways,case,observations,coaching,tracker,calendar,settings,password,mfa,sso,district,teams,performance,implementation,actionPlans,live,assessments,outcomes}.json',
  { import: 'default' },
);

/** An i18next backend over the bundled JSON files; a missing file yields no keys, not an error. */
const bundledBackend: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = loaders[`../../common/i18n/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (data) => callback(null, data),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** The supported locale closest to `tag` ("es-MX" -> "es"), or null. */
export function toLocale(tag: string | null | undefined): Locale | null {
  const base = tag?.toLowerCase().split('-')[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : null;
}

/** Signed-out language: the last one used on this device, else the browser's, else English. */
function initialLocale(): Locale {
  const stored = toLocale(safeStorage()?.getItem(STORAGE_KEY));
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Switches the UI language now and remembers it on this device for the next visit. */
export async function setLocale(locale: Locale): Promise<void> {
  safeStorage()?.setItem(STORAGE_KEY, locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** The language in use, as a supported locale. */
export function currentLocale(): Locale {
  return toLocale(i18n.language) ?? 'en';
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n
  .use(bundledBackend)
  .use(initReactI18next)
  .init({
    lng: initialLocale(),
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    ns: [...PUBLIC_NAMESPACES],
    defaultNS: 'app',
    // Pages of an area use its namespace (`useTranslation('frameworks')`) and still reach `common.*`.
    fallbackNS: 'app',
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    react: { useSuspense: true },
  });

document.documentElement.lang = i18n.language;

export default i18n;
