import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateSsoProviderInput,
  DiscoveryTestResult,
  SsoOptions,
  SsoOverview,
  SsoProvider,
  UpdateSsoProviderInput,
} from '../../common/schemas/sso.ts';
import { api, queryString } from './client.ts';

export type { DiscoveryTestResult, SsoOptions, SsoOverview, SsoProvider };

const keys = {
  overview: ['sso', 'overview'] as const,
  options: (by: { district?: string; domain?: string }) => ['sso', 'options', by] as const,
};

/** District admins: providers, sign-in settings, URIs to register and share. */
export function useSsoOverview(enabled = true) {
  return useQuery({ queryKey: keys.overview, queryFn: () => api<SsoOverview>('GET', '/api/sso'), enabled });
}

/** Signed out: a district's sign-in buttons, by its slug or by an e-mail domain (nothing when neither is known). */
export function useSsoOptions(by: { district?: string; domain?: string }) {
  return useQuery({
    queryKey: keys.options(by),
    queryFn: () => api<SsoOptions>('GET', `/api/auth/sso/options${queryString(by)}`),
    enabled: Boolean(by.district || by.domain),
    retry: false,
    staleTime: 60_000,
  });
}

/** Where a "Sign in with ..." button goes (a full page load: the provider is another site). */
export const ssoStartUrl = (providerId: string, next: string) =>
  `/api/auth/sso/start/${providerId}${next !== '/' ? queryString({ next }) : ''}`;

export function useCreateSsoProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreateSsoProviderInput>) => api<SsoProvider>('POST', '/api/sso/providers', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.overview }),
  });
}

export function useUpdateSsoProvider() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: z.input<typeof UpdateSsoProviderInput> & { id: string }) =>
      api<SsoProvider>('PATCH', `/api/sso/providers/${id}`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.overview }),
  });
}

/** Fetches an issuer's discovery document through the server and says what is wrong, if anything. */
export function useDiscoveryTest() {
  return useMutation({ mutationFn: (issuer: string) => api<DiscoveryTestResult>('POST', '/api/sso/discovery-test', { issuer }) });
}

export function useUpdateSignInSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; passwordSignIn?: boolean; requireTwoFactor?: boolean }) =>
      api<SsoOverview>('PUT', '/api/sso/settings', input),
    onSuccess: (overview) => queryClient.setQueryData(keys.overview, overview),
  });
}
