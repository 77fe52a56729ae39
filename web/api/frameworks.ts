import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from './client.ts';

import type { z } from 'zod';
import type {
  CommentList,
  CreateItemInput,
  DesignTeam,
  FrameworkAssociation,
  FrameworkComment,
  FrameworkItem,
  FrameworkList,
  FrameworkSummary,
  FrameworkVersion,
  ItemRef,
  VersionComparison,
  VersionSummary,
  Crosswalk,
} from '../../common/schemas/frameworks.ts';

export type { Crosswalk, FrameworkComment, FrameworkItem, FrameworkSummary, FrameworkVersion, ItemRef, VersionComparison, VersionSummary };
export { CHANGE_KINDS, type ChangeKind } from '../../common/schemas/frameworks.ts';
export type Association = FrameworkAssociation;
export type DesignTeamMember = z.infer<typeof DesignTeam>['items'][number];
export type CrosswalkMapping = Crosswalk['mappings'][number];

export type ItemInput = z.input<typeof CreateItemInput>;

export interface ItemPatch {
  version: number;
  fullStatement?: string;
  humanCode?: string | null;
  itemType?: string;
  abbreviatedStatement?: string | null;
  alternativeLabel?: string | null;
  notes?: string | null;
}

export interface VersionPatch {
  version: number;
  title?: string;
  description?: string | null;
  versionLabel?: string | null;
  scaleId?: string | null;
}

export type CommentStatus = 'open' | 'resolved' | 'all';

export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: () => ['frameworks', 'list'] as const,
  detail: (id: string) => ['frameworks', 'detail', id] as const,
  designTeam: (id: string) => ['frameworks', 'design-team', id] as const,
  compare: (id: string, from: string, to: string) => ['frameworks', 'compare', id, from, to] as const,
  version: (id: string) => ['framework-versions', id] as const,
  items: (id: string) => ['framework-versions', id, 'items'] as const,
  crosswalk: (id: string) => ['framework-versions', id, 'crosswalk'] as const,
  comments: (id: string) => ['framework-versions', id, 'comments'] as const,
};

export function useFrameworks() {
  return useQuery({ queryKey: frameworkKeys.list(), queryFn: () => api<z.infer<typeof FrameworkList>>('GET', '/api/frameworks') });
}

export function useFramework(id: string) {
  return useQuery({ queryKey: frameworkKeys.detail(id), queryFn: () => api<FrameworkSummary>('GET', `/api/frameworks/${id}`) });
}

export function useCreateFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; description?: string | null; scaleId?: string | null }) =>
      api<{ framework: FrameworkSummary; version: FrameworkVersion }>('POST', '/api/frameworks', input),
    onSuccess: ({ framework, version }) => {
      queryClient.setQueryData(frameworkKeys.detail(framework.id), framework);
      queryClient.setQueryData(frameworkKeys.version(version.id), version);
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.list() });
    },
  });
}

export function useVersion(id: string) {
  return useQuery({ queryKey: frameworkKeys.version(id), queryFn: () => api<FrameworkVersion>('GET', `/api/framework-versions/${id}`) });
}

export function useVersionItems(id: string) {
  return useQuery({
    queryKey: frameworkKeys.items(id),
    queryFn: () => api<{ items: FrameworkItem[]; associations: Association[] }>('GET', `/api/framework-versions/${id}/items`),
  });
}

export function useCrosswalk(id: string, enabled = true) {
  return useQuery({
    queryKey: frameworkKeys.crosswalk(id),
    queryFn: () => api<Crosswalk>('GET', `/api/framework-versions/${id}/crosswalk`),
    enabled,
  });
}

export function useCompare(frameworkId: string, from: string, to: string) {
  return useQuery({
    queryKey: frameworkKeys.compare(frameworkId, from, to),
    queryFn: () => api<VersionComparison>('GET', `/api/frameworks/${frameworkId}/compare${queryString({ from, to })}`),
    enabled: !!from && !!to,
  });
}

type ItemsData = { items: FrameworkItem[]; associations: Association[] };

/** Puts an item the server answered into the cached tree at once (its new `version` matters for the next write). */
function useCacheItem(versionId: string) {
  const queryClient = useQueryClient();
  return (item: FrameworkItem) =>
    queryClient.setQueryData<ItemsData>(frameworkKeys.items(versionId), (data) =>
      data
        ? { ...data, items: data.items.map((i) => (i.id === item.id ? { ...i, ...item, position: i.position, parentId: i.parentId } : i)) }
        : data,
    );
}

/** After any change to a draft: its items, counts, crosswalk preview and the framework lists are stale. */
function useDraftWrite<I, O>(versionId: string, request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['framework-versions', versionId] });
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useUpdateVersion(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VersionPatch) => api<FrameworkVersion>('PATCH', `/api/framework-versions/${versionId}`, input),
    onSuccess: (version) => {
      queryClient.setQueryData(frameworkKeys.version(versionId), version);
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useCreateItem(versionId: string) {
  return useDraftWrite(versionId, (input: ItemInput) => api<FrameworkItem>('POST', `/api/framework-versions/${versionId}/items`, input));
}

export function useUpdateItem(versionId: string) {
  const cacheItem = useCacheItem(versionId);
  return useDraftWrite(versionId, async ({ id, ...patch }: ItemPatch & { id: string }) => {
    const item = await api<FrameworkItem>('PATCH', `/api/framework-items/${id}`, patch);
    cacheItem(item);
    return item;
  });
}

/**
 * Moves an item under `parentId` at `position`. The tree shows the move at once (the answer then
 * brings the renumbered siblings).
 */
export function useMoveItem(versionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; version: number; parentId: string | null; position: number }) =>
      api<FrameworkItem>('POST', `/api/framework-items/${id}/move`, input),
    onMutate: async ({ id, parentId, position }) => {
      const key = frameworkKeys.items(versionId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ItemsData>(key);
      if (previous) queryClient.setQueryData(key, { ...previous, items: moveLocally(previous.items, id, parentId, position) });
      return { previous };
    },
    onSuccess: (item) => {
      // The tree already shows the move; the item's new version is what the next move must send.
      queryClient.setQueryData<ItemsData>(frameworkKeys.items(versionId), (data) =>
        data ? { ...data, items: data.items.map((i) => (i.id === item.id ? { ...i, version: item.version } : i)) } : data,
      );
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(frameworkKeys.items(versionId), context.previous);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['framework-versions', versionId] });
    },
  });
}

/** The items with one moved (siblings renumbered), as the server will answer. */
export function moveLocally(items: FrameworkItem[], id: string, parentId: string | null, position: number): FrameworkItem[] {
  const moving = items.find((item) => item.id === id);
  if (!moving) return items;
  const oldSiblings = items.filter((i) => i.parentId === moving.parentId && i.id !== id).sort((a, b) => a.position - b.position);
  const newSiblings = items.filter((i) => i.parentId === parentId && i.id !== id).sort((a, b) => a.position - b.position);
  newSiblings.splice(Math.max(0, Math.min(position, newSiblings.length)), 0, { ...moving, parentId });
  const positions = new Map<string, { parentId: string | null; position: number }>();
  oldSiblings.forEach((item, index) => positions.set(item.id, { parentId: item.parentId, position: index }));
  newSiblings.forEach((item, index) => positions.set(item.id, { parentId, position: index }));
  return items.map((item) => (positions.has(item.id) ? { ...item, ...positions.get(item.id)! } : item));
}

export function useRetireItem(versionId: string) {
  const cacheItem = useCacheItem(versionId);
  return useDraftWrite(versionId, async ({ id, version, retire }: { id: string; version: number; retire: boolean }) => {
    const item = await api<FrameworkItem>('POST', `/api/framework-items/${id}/${retire ? 'retire' : 'reactivate'}`, { version });
    cacheItem(item);
    return item;
  });
}

export function useDeleteItem(versionId: string) {
  return useDraftWrite(versionId, (id: string) => api<void>('DELETE', `/api/framework-items/${id}`));
}

export function useSplitItem(versionId: string) {
  return useDraftWrite(versionId, ({ id, version }: { id: string; version: number }) =>
    api<FrameworkItem>('POST', `/api/framework-items/${id}/split`, { version }),
  );
}

export function useMergeItems(versionId: string) {
  return useDraftWrite(versionId, (input: { itemIds: string[]; fullStatement: string; humanCode?: string | null }) =>
    api<FrameworkItem>('POST', `/api/framework-versions/${versionId}/merge`, input),
  );
}

export function useCreateAssociation(versionId: string) {
  return useDraftWrite(
    versionId,
    (input: { associationType: string; originItemId: string; destinationItemId?: string; notes?: string | null }) =>
      api<Association>('POST', `/api/framework-versions/${versionId}/associations`, input),
  );
}

export function useDeleteAssociation(versionId: string) {
  return useDraftWrite(versionId, (id: string) => api<void>('DELETE', `/api/framework-associations/${id}`));
}

export function usePublishVersion(versionId: string) {
  return useDraftWrite(versionId, (version: number) =>
    api<FrameworkVersion>('POST', `/api/framework-versions/${versionId}/publish`, { version }),
  );
}

/** Starts a draft from a published version (409 invalid_state with details.draftId when one exists). */
export function useNewVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fromVersionId: string) => api<FrameworkVersion>('POST', `/api/framework-versions/${fromVersionId}/new-version`, {}),
    onSuccess: (version) => {
      queryClient.setQueryData(frameworkKeys.version(version.id), version);
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useDesignTeam(frameworkId: string, enabled: boolean) {
  return useQuery({
    queryKey: frameworkKeys.designTeam(frameworkId),
    queryFn: () => api<z.infer<typeof DesignTeam>>('GET', `/api/frameworks/${frameworkId}/design-team`),
    enabled,
  });
}

export function useSetDesignTeamMember(frameworkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, member }: { personId: string; member: boolean }) =>
      member
        ? api<unknown>('POST', `/api/frameworks/${frameworkId}/design-team`, { personId })
        : api<unknown>('DELETE', `/api/frameworks/${frameworkId}/design-team/${personId}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: frameworkKeys.designTeam(frameworkId) }),
  });
}

export function useComments(versionId: string, itemId: string | null, status: CommentStatus) {
  return useQuery({
    queryKey: [...frameworkKeys.comments(versionId), itemId, status],
    queryFn: () =>
      api<z.infer<typeof CommentList>>('GET', `/api/framework-versions/${versionId}/comments${queryString({ itemId, status })}`),
  });
}

export function useAddComment(versionId: string) {
  return useDraftWrite(versionId, (input: { itemId: string; body: string }) =>
    api<FrameworkComment>('POST', `/api/framework-versions/${versionId}/comments`, input),
  );
}

export function useResolveComment(versionId: string) {
  return useDraftWrite(versionId, ({ id, resolve }: { id: string; resolve: boolean }) =>
    api<FrameworkComment>('POST', `/api/framework-comments/${id}/${resolve ? 'resolve' : 'reopen'}`),
  );
}
