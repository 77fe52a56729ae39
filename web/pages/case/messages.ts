import type { TFunction } from 'i18next';
import type { ImportMessage } from '../../../common/schemas/case.ts';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../components/errors.ts';

/** A warning or row error in the reader's language (`case:message.<code>`), the server's English if unknown. */
export function importMessage(t: TFunction, message: ImportMessage): string {
  return t(`case:message.${message.code}`, { ...message.params, defaultValue: message.message });
}

/** Why an upload was refused: too large, a file that cannot be understood (`case:fatal.<code>`), or a general error. */
export function refusalMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(t, error);
  if (error.code === 'payload_too_large') return t('case:import.tooLarge');
  const details = error.details as { code?: unknown; params?: Record<string, string | number> } | null;
  if (error.code === 'validation_failed' && typeof details?.code === 'string') {
    return t(`case:fatal.${details.code}`, { ...details.params, defaultValue: errorMessage(t, error) });
  }
  return errorMessage(t, error);
}
