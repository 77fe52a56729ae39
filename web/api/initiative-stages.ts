import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImplementationStage } from '../../common/implementation.ts';
import type {
  BulkStageMoveInput,
  BulkStageMoveResult,
  ChecklistTickInput,
  SchoolStageDetail,
  SchoolStageList,
  StageDefinition,
  StageDefinitionInput,
  StageDefinitionList,
  StageMoveInput,
} from '../../common/schemas/initiative-stages.ts';
import { api } from './client.ts';

export const stageKeys = {
  all: (initiativeId: string) => ['initiative-stages', initiativeId] as const,
  list: (initiativeId: string) => ['initiative-stages', initiativeId, 'list'] as const,
  school: (initiativeId: string, orgUnitId: string) => ['initiative-stages', initiativeId, 'school', orgUnitId] as const,
  definitions: (initiativeId: string) => ['initiative-stages', initiativeId, 'definitions'] as const,
};

/** Every covered school (and the district) with its stage, checklist progress and suggestion. */
export const useSchoolStages = (initiativeId: string) =>
  useQuery({
    queryKey: stageKeys.list(initiativeId),
    queryFn: () => api<SchoolStageList>('GET', `/api/initiatives/${initiativeId}/stages`),
  });

/** One school's stage with its checklist and history (`orgUnitId` null: nothing asked). */
export const useSchoolStage = (initiativeId: string, orgUnitId: string | null) =>
  useQuery({
    queryKey: stageKeys.school(initiativeId, orgUnitId ?? ''),
    queryFn: () => api<SchoolStageDetail>('GET', `/api/initiatives/${initiativeId}/stages/${orgUnitId}`),
    enabled: Boolean(orgUnitId),
  });

export const useStageDefinitions = (initiativeId: string) =>
  useQuery({
    queryKey: stageKeys.definitions(initiativeId),
    queryFn: () => api<StageDefinitionList>('GET', `/api/initiatives/${initiativeId}/stage-definitions`),
  });

function useStageWrite<I, O>(initiativeId: string, fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => void queryClient.invalidateQueries({ queryKey: stageKeys.all(initiativeId) }) });
}

export const useSaveStageDefinition = (initiativeId: string) =>
  useStageWrite(initiativeId, ({ stage, ...input }: z.input<typeof StageDefinitionInput> & { stage: ImplementationStage }) =>
    api<StageDefinition>('PUT', `/api/initiatives/${initiativeId}/stage-definitions/${stage}`, input),
  );

export const useTickChecklist = (initiativeId: string, orgUnitId: string) =>
  useStageWrite(initiativeId, (input: ChecklistTickInput) =>
    api<SchoolStageDetail>('POST', `/api/initiatives/${initiativeId}/stages/${orgUnitId}/checklist`, input),
  );

export const useMoveStage = (initiativeId: string, orgUnitId: string) =>
  useStageWrite(initiativeId, (input: StageMoveInput) =>
    api<SchoolStageDetail>('POST', `/api/initiatives/${initiativeId}/stages/${orgUnitId}/move`, input),
  );

export const useBulkMoveStages = (initiativeId: string) =>
  useStageWrite(initiativeId, (input: BulkStageMoveInput) =>
    api<BulkStageMoveResult>('POST', `/api/initiatives/${initiativeId}/stages/bulk-move`, input),
  );
