import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChangePasswordInput,
  Locale,
  Me,
  PasswordResetConfirmInput,
  SessionResponse,
  SignInInput,
} from '../../common/schemas/auth.ts';
import type { SignInResponse } from '../../common/schemas/mfa.ts';
import { setDistrictTimeZone } from '../app/format.ts';
import { api, isApiError, setCsrfToken } from './client.ts';

export const sessionKey = ['session'] as const;

/** The current session, or null when signed out (the API answers 401). */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await api<SessionResponse>('GET', '/api/auth/session');
    setCsrfToken(session.csrfToken);
    // Before any page renders with it: every time is shown in the district's zone.
    setDistrictTimeZone(session.user.district.timeZone);
    return session;
  } catch (error) {
    if (!isApiError(error, 'unauthenticated')) throw error;
    setCsrfToken(null);
    return null;
  }
}

/** The session query: `data` is the session, or null when signed out. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

/** The signed-in user. Only for components under the signed-in layout. */
export function useMe(): Me {
  const { data } = useSession();
  if (!data) throw new Error('useMe() outside a signed-in page');
  return data.user;
}

/** Takes a session a sign-in step opened: the app is now signed in as its user. */
export function useAcceptSession() {
  const queryClient = useQueryClient();
  return (session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setDistrictTimeZone(session.user.district.timeZone);
    // Whatever is cached belonged to the previous session (perhaps another user's): drop it.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    queryClient.setQueryData(sessionKey, { user: session.user, csrfToken: session.csrfToken });
  };
}

/** The password step: a session, or (`secondFactor`) a challenge for the code step (web/pages/auth/SecondFactorStep.tsx). */
export function useSignIn() {
  const accept = useAcceptSession();
  return useMutation({
    mutationFn: (input: z.input<typeof SignInInput>) => api<SignInResponse>('POST', '/api/auth/sign-in', input),
    onSuccess: (result) => {
      if (!('secondFactor' in result)) accept(result);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/auth/sign-out'),
    // Signed out either way: a failure here means the session had already ended.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

export function usePasswordResetRequest() {
  return useMutation({
    mutationFn: (email: string) => api<void>('POST', '/api/auth/password-reset/request', { email }),
  });
}

export function usePasswordResetConfirm() {
  return useMutation({
    mutationFn: (input: z.input<typeof PasswordResetConfirmInput>) => api<void>('POST', '/api/auth/password-reset/confirm', input),
  });
}

export function useUpdateLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api<Me>('PATCH', '/api/me', { locale }),
    onSuccess: (user) => {
      queryClient.setQueryData<SessionResponse | null>(sessionKey, (session) => (session ? { ...session, user } : session));
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: z.input<typeof ChangePasswordInput>) => api<void>('POST', '/api/me/password', input),
  });
}
