import { useQuery } from '@tanstack/react-query';
import type { HomeGrowth } from '../../common/schemas/profile.ts';
import { api } from './client.ts';

/** The caller's own growth and, for observers, what needs their attention. */
export function useHomeGrowth() {
  return useQuery({ queryKey: ['home', 'growth'], queryFn: () => api<HomeGrowth>('GET', '/api/home/growth') });
}
