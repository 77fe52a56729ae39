import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';

import type { z } from 'zod';
import type { CreateScaleInput, Scale, ScaleLevel, ScaleList, UpdateScaleInput } from '../../common/schemas/scales.ts';

export type { Scale, ScaleLevel };
export type ScaleInput = z.input<typeof CreateScaleInput>;
export type ScalePatch = z.input<typeof UpdateScaleInput>;

export const scaleKeys = { list: () => ['scales', 'list'] as const };

export function useScales() {
  return useQuery({ queryKey: scaleKeys.list(), queryFn: () => api<z.infer<typeof ScaleList>>('GET', '/api/scales') });
}

function useScaleWrite<I>(request: (input: I) => Promise<Scale>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: scaleKeys.list() }),
  });
}

export function useCreateScale() {
  return useScaleWrite((input: ScaleInput) => api<Scale>('POST', '/api/scales', input));
}

export function useUpdateScale(id: string) {
  return useScaleWrite((input: ScalePatch) => api<Scale>('PATCH', `/api/scales/${id}`, input));
}

export function useMakeDefaultScale() {
  return useScaleWrite(({ id, version }: { id: string; version: number }) =>
    api<Scale>('POST', `/api/scales/${id}/make-default`, { version }),
  );
}
