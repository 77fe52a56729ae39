import { checkPasswordStrength, personalWords } from '../../../common/password-strength.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * Refuses (400 `validation_failed`) a password that is guessable, common or built from the
 * person's own name or e-mail; `details` carry zxcvbn's feedback keys for the form to translate.
 * Every place a password is set calls this: a reset, an invitation, a change.
 */
export function assertStrongPassword(password: string, person: { email: string; givenName: string; familyName: string }, path: string) {
  const strength = checkPasswordStrength(password, personalWords(person));
  if (strength.ok) return;
  throw new AppError('validation_failed', 'Choose a stronger password', [
    { path, message: 'weak', feedback: { warning: strength.warning, suggestions: strength.suggestions } },
  ]);
}
