import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SignInInput } from '../../common/schemas/auth.ts';
import { CreateCoachingLogInput } from '../../common/schemas/coaching.ts';
import { schemaForm, zodFieldErrors } from './form-validation.ts';

const root = join(import.meta.dirname, '..', '..');
const app = (locale: string) => JSON.parse(readFileSync(join(root, 'common/i18n', locale, 'app.json'), 'utf8')) as Record<string, unknown>;

let en: TFunction;
let es: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', ns: ['app'], defaultNS: 'app', resources: { en: { app: app('en') }, es: { app: app('es') } } });
  en = i18n.getFixedT('en');
  es = i18n.getFixedT('es');
});

const anyEnglishFromZod = /invalid input|expected|too small|too big|received/i;

describe('zodFieldErrors', () => {
  it('answers nothing for valid values', () => {
    expect(zodFieldErrors(SignInInput, { email: 'ana@school.org', password: 'x' }, en)).toEqual({});
  });

  it('names each wrong field in the reader language, never in Zod English', () => {
    const errors = zodFieldErrors(SignInInput, { email: 'not-an-address', password: '' }, es);
    expect(errors).toEqual({
      email: 'Escriba un correo electrónico, por ejemplo nombre@escuela.org.',
      password: 'Este campo es obligatorio.',
    });
  });

  it('tells a number out of range by its bound, not as characters', () => {
    const values = {
      attendeeIds: [crypto.randomUUID()],
      status: 'held',
      startsAt: '2026-09-01T09:00:00-05:00',
      durationMinutes: 2,
      activity: 'observation',
    };
    expect(zodFieldErrors(CreateCoachingLogInput, values, en)).toEqual({ durationMinutes: 'Enter 5 or more.' });
    expect(zodFieldErrors(CreateCoachingLogInput, { ...values, durationMinutes: 600 }, es)).toEqual({
      durationMinutes: 'Escriba 480 o menos.',
    });
  });

  it('reads a blank date, an empty list and an unpicked choice as required', () => {
    const errors = zodFieldErrors(
      CreateCoachingLogInput,
      { attendeeIds: [], status: '', startsAt: '', durationMinutes: Number.NaN, activity: 'observation' },
      en,
    );
    expect(errors).toEqual({
      attendeeIds: 'This field is required.',
      status: 'This field is required.',
      startsAt: 'This field is required.',
      durationMinutes: 'This field is required.',
    });
  });

  it('counts characters with plural forms in both languages', () => {
    const schema = z.object({ name: z.string().min(3).max(5) });
    expect(zodFieldErrors(schema, { name: 'ab' }, en).name).toBe('Use at least 3 characters.');
    expect(zodFieldErrors(schema, { name: 'abcdefg' }, es).name).toBe('Use como máximo 5 caracteres.');
  });

  it('keeps the first issue of a field and paths of nested fields', () => {
    const schema = z.object({
      levels: z.array(z.object({ label: z.string().min(1).max(3) })),
      code: z
        .string()
        .min(1)
        .regex(/^[a-z]+$/),
    });
    const errors = zodFieldErrors(schema, { levels: [{ label: 'ok' }, { label: '' }], code: '' }, en);
    expect(errors).toEqual({ 'levels.1.label': 'This field is required.', code: 'This field is required.' });
  });

  it('shows a refinement message of the schema as "not valid", not its English sentence', () => {
    const schema = z
      .object({ min: z.number(), max: z.number() })
      .refine((v) => v.min <= v.max, { message: 'The minimum must not exceed the maximum', path: ['max'] });
    const errors = zodFieldErrors(schema, { min: 3, max: 1 }, es);
    expect(errors).toEqual({ max: 'Este valor no es válido.' });
    expect(Object.values(errors).join(' ')).not.toMatch(anyEnglishFromZod);
  });
});

describe('schemaForm', () => {
  type Values = { email: string; password: string; again: string };
  const form = () =>
    schemaForm<Values, typeof SignInInput>(SignInInput, en, {
      toInput: ({ email, password }) => ({ email, password }),
      check: (values) => (values.again === values.password ? {} : { again: en('validation.passwordsDiffer') }),
    });

  it('validates the API input built from the values, plus the form own rules', () => {
    expect(form().validate({ email: '', password: 'a', again: 'b' })).toEqual({
      email: 'Enter an e-mail address such as name@school.org.',
      again: 'The two passwords are not the same.',
    });
    expect(form().validate({ email: 'ana@school.org', password: 'a', again: 'a' })).toEqual({});
  });

  it('hands the submit handler what the API parses (trimmed, lower-cased)', () => {
    expect(form().transformValues({ email: '  Ana@School.org ', password: 'a', again: 'a' })).toEqual({
      email: 'ana@school.org',
      password: 'a',
    });
  });
});
