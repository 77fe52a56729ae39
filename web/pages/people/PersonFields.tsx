import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import type { GetInputPropsReturnType } from '@mantine/form';

export const PERSON_FIELDS = ['givenName', 'middleName', 'familyName', 'preferredName', 'email', 'phone', 'identifier'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type PersonValues = Record<PersonField, string>;
export const OPTIONAL_PERSON_FIELDS = ['middleName', 'preferredName', 'email', 'phone', 'identifier'] as const;

/** Form values from a person (blank strings for missing values), or an empty form. */
export function personValues(person?: Person): PersonValues {
  const values = {} as PersonValues;
  for (const field of PERSON_FIELDS) values[field] = person?.[field] ?? '';
  return values;
}

const INPUT_TYPES: Partial<Record<PersonField, { type: string; autoComplete: string }>> = {
  email: { type: 'email', autoComplete: 'off' },
  phone: { type: 'tel', autoComplete: 'off' },
};

/** The person's name and contact inputs, shared by the "add" and "edit" forms (`inputProps` is the form's `getInputProps`). */
export function PersonFields({ inputProps }: { inputProps: (field: PersonField) => GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {PERSON_FIELDS.map((field) => (
        <TextInput
          key={field}
          label={t(`field.${field}`)}
          required={field === 'givenName' || field === 'familyName'}
          {...inputProps(field)}
          type={INPUT_TYPES[field]?.type ?? 'text'}
          autoComplete={INPUT_TYPES[field]?.autoComplete ?? 'off'}
        />
      ))}
    </SimpleGrid>
  );
}
