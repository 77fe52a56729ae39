import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FileItem, FileList } from '../../common/schemas/files.ts';
import { api } from './client.ts';

/** A record that holds attachments: its API path (`/api/observations/<id>`, ...). */
export type FileOwnerPath = `/api/observations/${string}` | `/api/coaching/logs/${string}` | `/api/action-steps/${string}`;

export const fileKeys = { list: (owner: FileOwnerPath) => ['files', owner] as const };

/** Where a file downloads from (a plain link: the session cookie goes with it; never a public URL). */
export const fileDownloadUrl = (id: string) => `/api/files/${id}`;

export function useFiles(owner: FileOwnerPath) {
  return useQuery({ queryKey: fileKeys.list(owner), queryFn: () => api<FileList>('GET', `${owner}/files`) });
}

export function useUploadFile(owner: FileOwnerPath) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<FileItem>('POST', `${owner}/files`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fileKeys.list(owner) }),
  });
}

export function useDeleteFile(owner: FileOwnerPath) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/files/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fileKeys.list(owner) }),
  });
}
