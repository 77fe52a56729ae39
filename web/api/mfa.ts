import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountEnrolment,
  Reauthentication,
  EnrolmentDetails,
  EnrolmentSession,
  PersonTwoFactor,
  RecoveryCodes,
  TwoFactorStatus,
  VerifiedSession,
} from '../../common/schemas/mfa.ts';
import type { SsoSecondFactor } from '../../common/schemas/sso.ts';
import { api } from './client.ts';
import { sessionKey, useAcceptSession } from './session.ts';

export type ProofMethod = 'totp' | 'recovery';

export const mfaKeys = {
  mine: ['two-factor'] as const,
  person: (id: string) => ['people', 'two-factor', id] as const,
};

/** The code step of sign-in: a code from the app or a recovery code opens the session. */
export function useVerifyChallenge() {
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (input: { challenge: string; method: ProofMethod; code: string }) =>
      api<VerifiedSession>('POST', '/api/auth/mfa/verify', input),
    onSuccess: (session) => accept(session),
  });
}

/**
 * After a single-factor sign-in at the district's identity provider: the step Trellis asks for
 * next (a code, or setting up an app), handed over once from an HttpOnly cookie the callback set.
 */
export function useSsoSecondFactor() {
  return useMutation({ mutationFn: () => api<SsoSecondFactor>('POST', '/api/auth/sso/second-factor') });
}

/** Forced enrolment at sign-in: the QR code and secret for this challenge (the same each time it is asked). */
export function useChallengeEnrolment(challenge: string) {
  return useQuery({
    queryKey: ['two-factor', 'enrolment', challenge],
    queryFn: () => api<EnrolmentDetails>('POST', '/api/auth/mfa/enrollment', { challenge }),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * Confirms a forced enrolment with the first code. The session it opens is taken only when the
 * person has seen their recovery codes (`useAcceptSession` then), so the page does not move on first.
 */
export function useConfirmChallengeEnrolment() {
  return useMutation({
    mutationFn: (input: { challenge: string; code: string }) => api<EnrolmentSession>('POST', '/api/auth/mfa/enrollment/confirm', input),
  });
}

/** The caller's own two-factor sign-in. */
export function useTwoFactorStatus() {
  return useQuery({ queryKey: mfaKeys.mine, queryFn: () => api<TwoFactorStatus>('GET', '/api/me/two-factor') });
}

/** After a change: the status and the session (whose grant may now count) are read again. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: mfaKeys.mine });
    void queryClient.invalidateQueries({ queryKey: sessionKey });
  };
}

/** Starts setting up an authenticator app from the account page (after the password or a code). */
export function useStartEnrolment() {
  return useMutation({ mutationFn: (proof: Reauthentication) => api<AccountEnrolment>('POST', '/api/me/two-factor/enrollment', proof) });
}

/** Confirms the new app with its first code; answers the new recovery codes. */
export function useConfirmEnrolment() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (input: { challenge: string; code: string }) => api<RecoveryCodes>('POST', '/api/me/two-factor/enrollment/confirm', input),
    onSuccess: refresh,
  });
}

/** Verifies this session with a code, so that an HR or admin grant counts again. */
export function useVerifySession() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (input: { method: ProofMethod; code: string }) => api<TwoFactorStatus>('POST', '/api/me/two-factor/verify', input),
    onSuccess: refresh,
  });
}

/** A new set of recovery codes (the old ones stop working). */
export function useRegenerateRecoveryCodes() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (proof: Reauthentication) => api<RecoveryCodes>('POST', '/api/me/two-factor/recovery-codes', proof),
    onSuccess: refresh,
  });
}

/** Turns two-factor sign-in off. */
export function useDisableTwoFactor() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (proof: Reauthentication) => api<TwoFactorStatus>('POST', '/api/me/two-factor/disable', proof),
    onSuccess: refresh,
  });
}

/** A person's two-factor sign-in (HR and admins). */
export function usePersonTwoFactor(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: mfaKeys.person(personId),
    queryFn: () => api<PersonTwoFactor>('GET', `/api/people/${personId}/two-factor`),
    enabled,
  });
}

/** A district admin resets another person's factor. */
export function useResetTwoFactor(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<PersonTwoFactor>('POST', `/api/people/${personId}/two-factor/reset`),
    onSuccess: (status) => {
      queryClient.setQueryData(mfaKeys.person(personId), status);
      void queryClient.invalidateQueries({ queryKey: ['people', 'history', personId] });
    },
  });
}
