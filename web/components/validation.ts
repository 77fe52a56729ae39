import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

import type { FieldErrors } from '../app/form-validation.ts';

/** Field messages for a server `validation_failed` answer (details: [{ path, message }]). */
export function serverFieldErrors(t: TFunction, error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed' || !Array.isArray(error.details)) return {};
  const errors: FieldErrors = {};
  for (const detail of error.details as { path?: unknown }[]) {
    if (typeof detail.path === 'string' && detail.path) errors[detail.path] = t('validation.invalid');
  }
  return errors;
}

/** Form values with blank optional texts sent as null. */
export function blankToNull<T extends Record<string, string>>(values: T, optional: readonly (keyof T)[]) {
  const out: Record<string, string | null> = { ...values };
  for (const key of optional) if (!values[key]?.trim()) out[key as string] = null;
  return out as { [K in keyof T]: string | null };
}
