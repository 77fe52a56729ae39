import { currentTotpStep, totpCode } from '../services/auth/mfa/totp.ts';

/** The key that seals TOTP secrets in tests and the benchmark (never a real deployment's). */
export const TEST_MFA_KEY = Buffer.alloc(32, 7).toString('base64');

/** The authenticator secret of every HR and admin user the factories build (base32). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const lastStep = new Map<string, number>();

/**
 * The code an authenticator app would show for `secret`, as a person would use it: a code signs in
 * only once, so each call for the same account takes the next unused time step the server accepts
 * (one step back, now, one ahead), waiting for the clock only when all three are spent.
 * @example await nextTotpCode('hr-1@example.test') // '492039'
 */
export async function nextTotpCode(account: string, secret = TEST_TOTP_SECRET): Promise<string> {
  const now = currentTotpStep();
  // Near the end of a step the server may already be in the next one, where now-1 is too old.
  const secondsLeft = 30 - (Date.now() / 1000) % 30;
  let step = Math.max(secondsLeft > 3 ? now - 1 : now, (lastStep.get(account) ?? -Infinity) + 1);
  if (step > now + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 100));
    step = Math.max(step, currentTotpStep() - 1);
  }
  lastStep.set(account, step);
  return totpCode(secret, step);
}
