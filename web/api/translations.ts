import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SaveTranslationInput,
  SavedTranslation,
  TranslatableType,
  TranslationImportReport,
  TranslationTable,
} from '../../common/schemas/translations.ts';
import { api, queryString } from './client.ts';

export type { TranslatableType, TranslationTable };

const key = (entityType: TranslatableType, parentId?: string) => ['translations', entityType, parentId ?? null] as const;

/** The district's records of one type, each translatable field beside its Spanish text (HR and admins). */
export function useTranslationTable(entityType: TranslatableType, parentId?: string, enabled = true) {
  return useQuery({
    queryKey: key(entityType, parentId),
    queryFn: () => api<TranslationTable>('GET', `/api/translations/${entityType}${queryString({ locale: 'es', parentId })}`),
    enabled,
  });
}

/** Saves one translation; a 409 carries the current one in `details.current`. */
export function useSaveTranslation(entityType: TranslatableType, parentId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveTranslationInput) => api<SavedTranslation>('PUT', `/api/translations/${entityType}`, input),
    onSuccess: (saved) =>
      queryClient.setQueryData<TranslationTable>(key(entityType, parentId), (table) =>
        table
          ? {
              ...table,
              rows: table.rows.map((r) =>
                r.entityId === saved.entityId && r.field === saved.field ? { ...r, text: saved.text, version: saved.version } : r,
              ),
            }
          : table,
      ),
  });
}

/** Where the translations file of one type (and parent) downloads from. */
export const translationsFileUrl = (entityType: TranslatableType, parentId?: string) =>
  `/api/translations/${entityType}/export.csv${queryString({ locale: 'es', parentId })}`;

/** Sends a translated file: a dry run (`dryRun`) reports row errors; else it is applied. */
export function useImportTranslations(entityType: TranslatableType, parentId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      return api<TranslationImportReport>(
        'POST',
        `/api/translations/${entityType}/import${queryString({ locale: 'es', parentId, dryRun })}`,
        form,
      );
    },
    onSuccess: (report) => {
      if (report.applied) void queryClient.invalidateQueries({ queryKey: key(entityType, parentId) });
    },
  });
}
