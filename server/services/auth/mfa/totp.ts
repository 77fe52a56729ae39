import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** What every authenticator app understands: SHA-1, 6 digits, 30 seconds (RFC 6238 defaults). */
const PARAMS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Codes one step either side of now are accepted, for a phone clock a little off. */
const WINDOW = 1;
const ISSUER = 'Trellis';

/** A new random TOTP secret (160 bits from the system's CSPRNG), in base32 as apps expect. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/**
 * The enrolment details an authenticator app needs: the `otpauth://` URL (in a QR code, as an SVG
 * data URL) and the secret for typing in by hand, in groups of four.
 */
export async function enrolmentDetails(secret: string, account: string) {
  const totp = new TOTP({ ...PARAMS, issuer: ISSUER, label: account, secret: Secret.fromBase32(secret) });
  const otpauthUrl = totp.toString();
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    secret: secret.match(/.{1,4}/g)!.join(' '),
    otpauthUrl,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/**
 * The time step whose code `token` is (within one step of now), or null when it is not a current
 * code. Callers record the step so that the same code is never accepted twice.
 * @example totpStep('JBSWY3DPEHPK3PXP', '123456') // 59_012_345 or null
 */
export function totpStep(secret: string, token: string, timestamp = Date.now()): number | null {
  const delta = TOTP.validate({ ...PARAMS, secret: Secret.fromBase32(secret), token, window: WINDOW, timestamp });
  return delta === null ? null : TOTP.counter({ period: PARAMS.period, timestamp }) + delta;
}

/** The code of a time step (tests, the demo helpers): what an authenticator app shows. */
export function totpCode(secret: string, step: number): string {
  return TOTP.generate({ ...PARAMS, secret: Secret.fromBase32(secret), timestamp: step * PARAMS.period * 1000 });
}

/** The current time step. */
export const currentTotpStep = (timestamp = Date.now()) => TOTP.counter({ period: PARAMS.period, timestamp });
