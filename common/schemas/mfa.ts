import { z } from 'zod';
import { SessionResponse } from './auth.ts';

/** A 6-digit code from an authenticator app (spaces ignored: apps show "123 456"). */
export const TotpCode = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/));

/** A recovery code as printed (`7hq4k-2mxdp`); case, spaces and dashes do not matter. */
export const RecoveryCode = z.string().trim().min(8).max(40);

/** The short-lived token of a pending second step; it opens nothing by itself. */
export const ChallengeToken = z.string().min(20).max(200);

/** The second step of sign-in, answered instead of a session: enter a code (`verify`) or set up an app first (`enroll`). */
export const SecondFactorChallenge = z.object({
  challenge: ChallengeToken,
  step: z.enum(['verify', 'enroll']),
  expiresAt: z.iso.datetime(),
});
export type SecondFactorChallenge = z.infer<typeof SecondFactorChallenge>;

/** What a right password answers: the session, or the second step. */
export const SignInResponse = z.union([SessionResponse, z.object({ secondFactor: SecondFactorChallenge })]);
export type SignInResponse = z.infer<typeof SignInResponse>;

/** A code from the app or a recovery code. */
export const SecondFactorProof = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: TotpCode }),
  z.object({ method: z.literal('recovery'), code: RecoveryCode }),
]);

/** Re-authentication for changes to sign-in: a code, a recovery code, or the password. */
export const Reauthentication = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), code: TotpCode }),
  z.object({ method: z.literal('recovery'), code: RecoveryCode }),
  z.object({ method: z.literal('password'), password: z.string().min(1).max(200) }),
]);
export type Reauthentication = z.input<typeof Reauthentication>;

export const VerifyChallengeInput = z.discriminatedUnion('method', [
  z.object({ challenge: ChallengeToken, method: z.literal('totp'), code: TotpCode }),
  z.object({ challenge: ChallengeToken, method: z.literal('recovery'), code: RecoveryCode }),
]);

export const ChallengeInput = z.object({ challenge: ChallengeToken });
export const ConfirmEnrolmentInput = z.object({ challenge: ChallengeToken, code: TotpCode });

/** What an authenticator app needs: a QR code (SVG data URL) of `otpauthUrl`, and the secret to type by hand. */
export const EnrolmentDetails = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCode: z.string(),
});
export type EnrolmentDetails = z.infer<typeof EnrolmentDetails>;

/** Enrolment started from the account page: the details and the challenge that confirms them. */
export const AccountEnrolment = EnrolmentDetails.extend({ challenge: ChallengeToken, expiresAt: z.iso.datetime() });
export type AccountEnrolment = z.infer<typeof AccountEnrolment>;

/** Recovery codes, shown this once. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

/** Forced enrolment at sign-in done: the session, and the recovery codes to save before going on. */
export const EnrolmentSession = SessionResponse.extend({ recoveryCodes: z.array(z.string()) });
export type EnrolmentSession = z.infer<typeof EnrolmentSession>;

/** The code step's answer: the session (and, after a recovery code, how many are left). */
export const VerifiedSession = SessionResponse.extend({ recoveryCodesLeft: z.number().int().nullable() });
export type VerifiedSession = z.infer<typeof VerifiedSession>;

/** The caller's own two-factor sign-in. */
export const TwoFactorStatus = z.object({
  enrolled: z.boolean(),
  /** Their access or their district requires it: it cannot be turned off. */
  required: z.boolean(),
  /** Why it is required: `access` (an HR or admin grant), `district` (the district requires it of everyone). */
  requiredBy: z.enum(['access', 'district']).nullable(),
  enrolledAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.number().int(),
  /** This session passed the second factor (a code, or the identity provider's multi-factor sign-in). */
  sessionVerified: z.boolean(),
  /** Has a password to confirm changes with (not so for SSO-only accounts). */
  hasPassword: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;

/** A person's two-factor sign-in, as HR and admins see it on the person page. */
export const PersonTwoFactor = z.object({
  enrolled: z.boolean(),
  required: z.boolean(),
  requiredBy: z.enum(['access', 'district']).nullable(),
  enrolledAt: z.iso.datetime().nullable(),
  abilities: z.object({ reset: z.boolean() }),
});
export type PersonTwoFactor = z.infer<typeof PersonTwoFactor>;
