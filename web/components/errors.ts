import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

/** What went wrong, in the reader's language (never the server's English message). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) return t(`error.${error.code}`, { defaultValue: t('error.internal') });
  return t('error.unexpected');
}
