import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../common/schemas/roster.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';

/** An issue's message from the `import` namespace, with its params; the code itself if untranslated. */
export function issueMessage(t: TFunction, issue: Pick<ImportIssue, 'code' | 'params' | 'field'>): string {
  return t(`roster:issue.${issue.code}`, { ...issue.params, field: issue.field ?? '', defaultValue: issue.code });
}

/** Why an upload was refused: too large, an unreadable file (`roster:fatal.<code>`), or a general error. */
export function uploadErrorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(t, error);
  if (error.code === 'payload_too_large') return t('import.tooLarge');
  const details = error.details as { code?: unknown; params?: Record<string, string | number> } | null;
  if (error.code === 'validation_failed' && typeof details?.code === 'string') {
    return t(`roster:fatal.${details.code}`, { ...details.params, defaultValue: t('import.unreadable') });
  }
  return errorMessage(t, error);
}

/** Why a finished import failed: a fatal code when the server gave one, else a general message. */
export function failureMessage(t: TFunction, error: string | null): string {
  if (error && /^[a-z][a-z0-9_]*$/.test(error)) return t(`roster:failure.${error}`, { defaultValue: t('import.failedBody') });
  return t('import.failedBody');
}
