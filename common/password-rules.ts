import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * The password rule without its word lists, shared by the server's checker
 * (common/password-strength.ts, every dictionary) and the browser's meter
 * (web/components/password-meter.ts, the common-password list only).
 */

/** The lowest zxcvbn score accepted: 3 is "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordStrength {
  /** 0 (guessed at once) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  ok: boolean;
  /** Key of what makes it weak (zxcvbn `warnings`), if anything. */
  warning: string | null;
  /** Keys of how to make it stronger (zxcvbn `suggestions`). */
  suggestions: string[];
}

/**
 * The words of a person's own details a password must not lean on: names, the e-mail and its
 * parts, and the product's name.
 * @example personalWords({ email: 'ana.lopez@x.org', givenName: 'Ana' }) // ['ana.lopez@x.org', 'ana.lopez', 'ana', 'lopez', 'x.org', 'Ana', 'trellis']
 */
export function personalWords(person: { email?: string | null; givenName?: string | null; familyName?: string | null }): string[] {
  const words: string[] = [];
  if (person.email) {
    const [local = '', domain = ''] = person.email.toLowerCase().split('@');
    words.push(person.email.toLowerCase(), local, ...local.split(/[._+-]+/), domain);
  }
  for (const name of [person.givenName, person.familyName]) if (name) words.push(name, ...name.split(/[\s'-]+/));
  words.push('trellis');
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/**
 * A password's strength as one checker scores it: the server's (every dictionary) or a lighter one
 * (web/components/password-meter.ts: the common-password list only, ~230 KB instead of ~1.2 MB
 * compressed, for the meter shown while typing; the server's answer stays the rule).
 */
export function strengthWith(factory: Pick<ZxcvbnFactory, 'check'>, password: string, userInputs: string[]): PasswordStrength {
  const result = factory.check(password, userInputs);
  return {
    score: result.score,
    ok: result.score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
