import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExistingChoice, FrameworkImportReport, ImportFormat } from '../../common/schemas/case.ts';
import { api, queryString } from './client.ts';

export type { ExistingChoice, FrameworkImportReport, ImportFormat };

export const FRAMEWORK_TEMPLATE_CSV = '/api/framework-imports/template.csv';
export const FRAMEWORK_TEMPLATE_XLSX = '/api/framework-imports/template.xlsx';

/** A version's download (a plain GET with the session cookie); `lang` is the language of the words the export adds (a cut Excel cell's marker). */
export const exportUrl = (versionId: string, format: 'case' | 'xlsx' | 'csv', lang?: string) =>
  `/api/framework-versions/${versionId}/export/${format}${lang?.startsWith('es') ? '?lang=es' : ''}`;

export interface ImportRequest {
  format: ImportFormat;
  file: File;
  dryRun: boolean;
  publish: boolean;
  /** Spreadsheets: the framework's title (default: the file name). */
  title?: string;
  /** When the document is already a framework of the district: its next version, or a separate framework. */
  existing?: ExistingChoice;
}

/** Uploads a CASE package or a spreadsheet: a dry-run report, or the applied import. */
export function useImportFramework() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: ImportRequest) => {
      const form = new FormData();
      form.append('file', req.file, req.file.name);
      const query = queryString({
        dryRun: req.dryRun,
        publish: req.publish,
        title: req.format === 'spreadsheet' ? req.title : undefined,
        existing: req.existing,
      });
      return api<FrameworkImportReport>('POST', `/api/framework-imports/${req.format}${query}`, form);
    },
    onSuccess: (report) => {
      if (report.applied) void queryClient.invalidateQueries({ queryKey: ['frameworks'] });
    },
  });
}
