import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FrameworkComment } from '../../common/schemas/frameworks.ts';
import type { CreateRubricInput, RubricDescriptor, RubricGrid, RubricList } from '../../common/schemas/rubrics.ts';
import { api } from './client.ts';
import { frameworkKeys } from './frameworks.ts';
import { pathwayKeys } from './pathways.ts';

export type RubricListResult = z.infer<typeof RubricList>;

export const rubricKeys = {
  all: ['rubrics'] as const,
  version: (versionId: string) => ['rubrics', 'version', versionId] as const,
  grid: (id: string) => ['rubrics', 'grid', id] as const,
};

export function useVersionRubrics(versionId: string) {
  return useQuery({
    queryKey: rubricKeys.version(versionId),
    queryFn: () => api<RubricListResult>('GET', `/api/framework-versions/${versionId}/rubrics`),
  });
}

export function useRubricGrid(id: string) {
  // The grid holds text being typed: never refetch it under the editor's hands.
  return useQuery({
    queryKey: rubricKeys.grid(id),
    queryFn: () => api<RubricGrid>('GET', `/api/rubrics/${id}`),
    refetchOnWindowFocus: false,
  });
}

/** Writes that change the grid's structure put the new grid in the cache. */
function useGridWrite<I>(request: (input: I) => Promise<RubricGrid>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (grid) => {
      queryClient.setQueryData(rubricKeys.grid(grid.rubric.id), grid);
      void queryClient.invalidateQueries({ queryKey: rubricKeys.version(grid.frameworkVersion.id) });
      void queryClient.invalidateQueries({ queryKey: pathwayKeys.all });
    },
  });
}

export function useCreateRubric() {
  return useGridWrite(({ versionId, ...input }: z.input<typeof CreateRubricInput> & { versionId: string }) =>
    api<RubricGrid>('POST', `/api/framework-versions/${versionId}/rubrics`, input),
  );
}

export function useAddCriteria() {
  return useGridWrite(({ rubricId, itemIds }: { rubricId: string; itemIds: string[] }) =>
    api<RubricGrid>('POST', `/api/rubrics/${rubricId}/criteria`, { itemIds }),
  );
}

export function useRemoveCriterion() {
  return useGridWrite((criterionId: string) => api<RubricGrid>('DELETE', `/api/rubric-criteria/${criterionId}`));
}

export function useReorderCriteria() {
  return useGridWrite(({ rubricId, version, criterionIds }: { rubricId: string; version: number; criterionIds: string[] }) =>
    api<RubricGrid>('POST', `/api/rubrics/${rubricId}/criteria/reorder`, { version, criterionIds }),
  );
}

/** Saves one descriptor (the autosave); the caller keeps its own cell state, so no cache update. */
export function saveDescriptor(id: string, version: number, description: string) {
  return api<RubricDescriptor>('PATCH', `/api/rubric-descriptors/${id}`, { version, description });
}

export const rubricExportUrl = (id: string, format: 'pdf' | 'docx', lang: string) =>
  `/api/rubrics/${id}/export.${format}?lang=${lang === 'es' ? 'es' : 'en'}`;

/** The fields of a framework item the rubric pickers need (GET /api/framework-versions/:id/items). */
export interface VersionItem {
  id: string;
  parentId: string | null;
  itemType: string | null;
  humanCode: string | null;
  fullStatement: string;
  retired: boolean;
}

export function useVersionItemsForRubrics(versionId: string, enabled = true) {
  return useQuery({
    queryKey: ['rubrics', 'version-items', versionId],
    queryFn: () => api<{ items: VersionItem[] }>('GET', `/api/framework-versions/${versionId}/items`),
    enabled,
  });
}

/** The version's status and the caller's abilities on it (GET /api/framework-versions/:id). */
export function useVersionInfoForRubrics(versionId: string) {
  return useQuery({
    queryKey: ['rubrics', 'version-info', versionId],
    queryFn: () => api<{ id: string; status: string; abilities: { edit: boolean } }>('GET', `/api/framework-versions/${versionId}`),
  });
}

type CommentsData = { items: FrameworkComment[] };

/** Under the version's comments key, so any comment write on the version refreshes it too. */
const gridCommentsKey = (versionId: string) => [...frameworkKeys.comments(versionId), 'rubric-grid'] as const;

/** Every comment on a draft version (open and resolved), fetched once for a whole rubric grid. */
export function useGridComments(versionId: string, enabled: boolean) {
  return useQuery({
    queryKey: gridCommentsKey(versionId),
    queryFn: () => api<CommentsData>('GET', `/api/framework-versions/${versionId}/comments?status=all`),
    enabled,
  });
}

/** Adds, resolves or reopens a comment: the answer goes into the grid's list at once. */
function useGridCommentWrite<I>(versionId: string, request: (input: I) => Promise<FrameworkComment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (comment) => {
      queryClient.setQueryData<CommentsData>(gridCommentsKey(versionId), (data) => {
        if (!data) return data;
        const known = data.items.some((c) => c.id === comment.id);
        return { items: known ? data.items.map((c) => (c.id === comment.id ? comment : c)) : [...data.items, comment] };
      });
      // The version's open-comment count and the item page's lists.
      void queryClient.invalidateQueries({ queryKey: ['framework-versions', versionId] });
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useAddDescriptorComment(versionId: string) {
  return useGridCommentWrite(versionId, (input: { descriptorId: string; body: string }) =>
    api<FrameworkComment>('POST', `/api/framework-versions/${versionId}/comments`, input),
  );
}

export function useResolveGridComment(versionId: string) {
  return useGridCommentWrite(versionId, ({ id, resolve }: { id: string; resolve: boolean }) =>
    api<FrameworkComment>('POST', `/api/framework-comments/${id}/${resolve ? 'resolve' : 'reopen'}`),
  );
}
