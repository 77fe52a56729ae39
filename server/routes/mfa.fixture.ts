import type { App } from '../app.ts';
import { TEST_PASSWORD } from '../test/factories.ts';
import { Client } from '../test/harness.ts';

/** The password step: its raw answer. */
export const passwordStep = (app: App, email: string, password = TEST_PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });

/** The password step for a user who has (or must set up) a second factor: the challenge it answers. */
export async function challengeFor(app: App, email: string): Promise<{ challenge: string; step: 'verify' | 'enroll' }> {
  const res = await passwordStep(app, email);
  if (res.statusCode !== 200 || !res.json().secondFactor) throw new Error(`expected a second step for ${email}: ${res.statusCode} ${res.body}`);
  return res.json().secondFactor;
}

/** The code step (from `remoteAddress`, for tests that send more than the per-IP limit allows). */
export const codeStep = (app: App, challenge: string, code: string, method: 'totp' | 'recovery' = 'totp', remoteAddress?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/mfa/verify', payload: { challenge, method, code }, ...(remoteAddress ? { remoteAddress } : {}) });

/** A client holding the session a sign-in step answered with. */
export function clientFrom(app: App, res: Awaited<ReturnType<App['inject']>>): Client {
  const cookie = res.cookies.find((c) => c.name === 'trellis_session');
  if (!cookie) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return new Client(app, `trellis_session=${cookie.value}`, res.json().csrfToken);
}

/** Forced enrolment at sign-in from a challenge: the secret (as typed, no spaces) and the QR code. */
export async function enrolmentFor(app: App, challenge: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/mfa/enrollment', payload: { challenge } });
  if (res.statusCode !== 200) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { secret: string; otpauthUrl: string; qrCode: string };
  return { ...body, secret: body.secret.replace(/\s/g, '') };
}

/** Confirms a forced enrolment with a code. */
export const confirmEnrolment = (app: App, challenge: string, code: string) =>
  app.inject({ method: 'POST', url: '/api/auth/mfa/enrollment/confirm', payload: { challenge, code } });
