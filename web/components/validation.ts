import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

export type FieldErrors = Record<string, string>;

/** Translates one Zod issue into a short message for the field it is about. */
function issueMessage(t: TFunction, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      return t('validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Parses form values with a shared Zod schema: the parsed data, or a translated message per field.
 * @example const result = validate(SignInInput, { email, password }, t); if (!result.ok) setErrors(result.errors);
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  t: TFunction,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= issueMessage(t, issue);
  }
  return { ok: false, errors };
}

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
