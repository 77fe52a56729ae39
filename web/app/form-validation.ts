import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** A translated message per field path (`name`, `levels.0.label`), as `@mantine/form` keeps them. */
export type FieldErrors = Record<string, string>;

/** The value a Zod issue path points at in the values that were parsed. */
function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let value = values;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));

/**
 * One Zod issue in the reader's language, from the `validation.*` keys: Zod's own (English)
 * message is never shown. A custom refinement has no key of its own and reads "not valid"; a form
 * that needs a sharper sentence (an end before its start) says so in its own `check`.
 * @example issueMessage(t, { code: 'too_small', origin: 'string', minimum: 1, ... }, values) // "This field is required."
 */
export function issueMessage(t: TFunction, issue: z.core.$ZodIssue, values?: unknown): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return t('validation.atLeast', { min: Number(issue.minimum) });
      if (Number(issue.minimum) <= 1) return t('validation.required');
      if (issue.origin === 'string') return t('validation.tooShort', { count: Number(issue.minimum) });
      return t('validation.pickAtLeast', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
        return t('validation.atMost', { max: Number(issue.maximum) });
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      return t('validation.pickAtMost', { count: Number(issue.maximum) });
    case 'invalid_type':
      return isBlank(valueAt(values, issue.path)) ? t('validation.required') : t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (isBlank(valueAt(values, issue.path))) return t('validation.required');
      if (issue.format === 'url') return t('validation.url');
      return t('validation.invalid');
    case 'invalid_value':
      return isBlank(valueAt(values, issue.path)) ? t('validation.required') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Parses `values` with a shared Zod schema and answers a translated message per field (the first
 * issue of each field wins); an empty object when the values are valid.
 * @example zodFieldErrors(SignInInput, { email: '', password: '' }, t) // { email: 'This field is required.', ... }
 */
export function zodFieldErrors(schema: z.ZodType, values: unknown, t: TFunction): FieldErrors {
  const result = schema.safeParse(values);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    errors[field] ??= issueMessage(t, issue, values);
  }
  return errors;
}

interface SchemaFormOptions<Values> {
  /** The API input built from the form's values (blank texts to null, numbers from text...). */
  toInput?: (values: Values) => unknown;
  /**
   * Rules of this form beyond the schema (a list that needs one pick, two passwords alike), or a
   * sharper message for a schema issue (given `schemaErrors`); a message here wins over the schema's.
   */
  check?: (values: Values, schemaErrors: FieldErrors) => Record<string, string | undefined>;
}

/**
 * `validate` and `transformValues` for `@mantine/form`'s `useForm`, from the schema the API parses
 * with: the submit handler receives the parsed API input, or is not called while a field is wrong.
 * @example
 * const form = useForm({ initialValues: { email: '' }, ...schemaForm(PasswordResetRequestInput, t) });
 * <form onSubmit={form.onSubmit((input) => request.mutate(input.email))}>
 */
export function schemaForm<Values, S extends z.ZodType>(schema: S, t: TFunction, options: SchemaFormOptions<Values> = {}) {
  const toInput = options.toInput ?? ((values: Values) => values);
  return {
    validate: (values: Values): FieldErrors => {
      const errors = zodFieldErrors(schema, toInput(values), t);
      for (const [field, message] of Object.entries(options.check?.(values, { ...errors }) ?? {})) if (message) errors[field] = message;
      return errors;
    },
    transformValues: (values: Values): z.output<S> => schema.parse(toInput(values)),
  };
}

/**
 * `form.onSubmit`'s second argument: when a submit is refused, focus goes to the first field (in
 * page order) that shows a message, so a keyboard or screen-reader user lands on what to fix. A
 * field whose message sits under another name (`error={form.errors.x}`) is found once it renders
 * as invalid.
 * @example <form onSubmit={form.onSubmit(save, focusFirstError)} noValidate>
 */
export function focusFirstError(errors: Record<string, unknown>, _values?: unknown, event?: { currentTarget?: EventTarget | null }) {
  const root = event?.currentTarget instanceof HTMLElement ? event.currentTarget : document.body;
  for (const field of root.querySelectorAll<HTMLElement>('[data-path]')) {
    if (!errors[field.dataset.path ?? '']) continue;
    // A group (radio cards) carries the path on its wrapper: its first enabled control takes focus.
    const target = field.matches(FOCUSABLE) ? field : field.querySelector<HTMLElement>(FOCUSABLE);
    if (target) return target.focus();
  }
  setTimeout(() => root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled])';
