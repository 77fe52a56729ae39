import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, ApiTokenList, CreatedApiToken } from '../../common/schemas/api-tokens.ts';
import { api } from './client.ts';

export type { ApiToken };

const tokenKeys = { list: ['api-tokens'] as const };

export function useApiTokens(enabled = true) {
  return useQuery({ queryKey: tokenKeys.list, queryFn: () => api<ApiTokenList>('GET', '/api/api-tokens'), enabled });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<CreatedApiToken>('POST', '/api/api-tokens', { name, scopes: ['case.read'] }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.list }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiToken>('POST', `/api/api-tokens/${id}/revoke`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.list }),
  });
}
