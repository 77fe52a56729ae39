import { randomBytes, randomInt, scrypt } from 'node:crypto';

/** Ten codes of ten characters (50 bits each) from an alphabet without look-alikes (Crockford base32). */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10;
/** scrypt at 16 MiB: a stolen hash list costs an attacker years per code; one check costs us ~40 ms. */
const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

/** A salt for one user's recovery codes: one derivation checks a typed code against all of them. */
export const newRecoverySalt = () => randomBytes(16).toString('base64url');

/**
 * New recovery codes as a person reads them, e.g. `7hq4k-2mxdp`.
 * @example newRecoveryCodes() // ['7hq4k-2mxdp', ...] (10)
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/**
 * A typed code in canonical form: case, spaces and dashes ignored, and the letters people confuse
 * with digits read as those digits (o -> 0, i and l -> 1), as Crockford base32 does.
 */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
}

/** The stored form of a code: scrypt of its canonical form with the user's salt. */
export function hashRecoveryCode(code: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(normalizeRecoveryCode(code), Buffer.from(salt, 'base64url'), 32, PARAMS, (err, key) =>
      err ? reject(err) : resolve(key.toString('base64url')),
    );
  });
}
