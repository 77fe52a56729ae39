import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from '../../common/password-strength.ts';
import { meterStrength } from './password-meter.ts';

describe('the password meter (common-password list only)', () => {
  it('flags what the common list and the patterns catch, as the server does', () => {
    for (const weak of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12']) {
      expect(meterStrength(weak, []).ok, weak).toBe(false);
      expect(checkPasswordStrength(weak, []).ok, weak).toBe(false);
    }
    expect(meterStrength('QuintanillaMarisol', ['quintanilla', 'marisol']).warning).toBe('userInputs');
  });

  it('agrees with the server on a strong passphrase', () => {
    const strong = 'plum galaxy over the ferry';
    expect(meterStrength(strong, []).ok).toBe(true);
    expect(checkPasswordStrength(strong, []).ok).toBe(true);
  });
});
