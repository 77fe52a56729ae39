import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { strengthWith, type PasswordStrength } from './password-rules.ts';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';

export { MIN_PASSWORD_SCORE, personalWords, strengthWith, type PasswordStrength } from './password-rules.ts';

/**
 * Password strength as the server rules it: zxcvbn-ts with its common-password list and English
 * and Spanish words and names, all shipped in the packages (nothing is fetched); the browser's
 * meter scores with the common list only (web/components/password-meter.ts). Its feedback comes as keys (`simpleRepeat`,
 * `anotherWord`...), translated under `password.` in common/i18n.
 */

let checker: ZxcvbnFactory | undefined;

/** The rule's checker: every dictionary (the server's, and tests'). */
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...es.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return checker;
}

/**
 * How strong a password is for a person (`userInputs`: personalWords of them).
 * @example checkPasswordStrength('aaaaaaaaaaaa', []) // { score: 0, ok: false, warning: 'simpleRepeat', suggestions: [...] }
 */
export function checkPasswordStrength(password: string, userInputs: string[]): PasswordStrength {
  return strengthWith(zxcvbn(), password, userInputs);
}
