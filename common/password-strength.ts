import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';

/**
 * Password strength, the same in the browser (as feedback while typing) and on the server (the
 * rule): zxcvbn-ts with its common-password list and English and Spanish words and names, all
 * shipped in the packages (nothing is fetched). Its feedback comes as keys (`simpleRepeat`,
 * `anotherWord`...), translated under `password.` in common/i18n.
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

let checker: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return checker;
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
 * How strong a password is for a person (`userInputs`: personalWords of them).
 * @example checkPasswordStrength('aaaaaaaaaaaa', []) // { score: 0, ok: false, warning: 'simpleRepeat', suggestions: [...] }
 */
export function checkPasswordStrength(password: string, userInputs: string[]): PasswordStrength {
  const result = zxcvbn().check(password, userInputs);
  return {
    score: result.score,
    ok: result.score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
