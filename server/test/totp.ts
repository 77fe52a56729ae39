import { secretKey } from '../lib/secret-key.ts';
import { currentTotpStep, totpCode } from '../services/auth/mfa/totp.ts';

/** SECRET_KEY in tests and the benchmark (never a real deployment's). */
export const TEST_SECRET_KEY = 'trellis-test-secret-key-never-use-in-a-deployment';

/** The key the tests' SECRET_KEY derives for TOTP secrets (base64), as the factories seal them. */
export const TEST_MFA_KEY = secretKey(
  { SECRET_KEY: TEST_SECRET_KEY, DATA_DIR: '', DATABASE_URL: undefined, NODE_ENV: 'test' },
  'mfa-totp-secret',
).toString('base64');

/** The authenticator secret of every HR and admin user the factories build (base32). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/**
 * The next time step whose code the server will take, given the last step used for the account:
 * a code signs in only once, and the server accepts one step back, now and one ahead. Near the end
 * of a step now-1 is skipped (the server may already be in the next one). Waits for the clock only
 * when all three are spent.
 */
export async function nextTotpStep(lastUsed: number | undefined): Promise<number> {
  const now = currentTotpStep();
  const secondsLeft = 30 - ((Date.now() / 1000) % 30);
  const step = Math.max(secondsLeft > 3 ? now - 1 : now, (lastUsed ?? -Infinity) + 1);
  if (step <= now + 1) return step;
  await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 100));
  return step;
}

const lastStep = new Map<string, number>();

/**
 * The code an authenticator app would show for `secret`, as a person would use it: each call for
 * the same account (in this process) takes the next unused step (`nextTotpStep`).
 * @example await nextTotpCode('hr-1@example.test') // '492039'
 */
export async function nextTotpCode(account: string, secret = TEST_TOTP_SECRET): Promise<string> {
  const step = await nextTotpStep(lastStep.get(account));
  lastStep.set(account, step);
  return totpCode(secret, step);
}
