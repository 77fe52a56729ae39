import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpdatePersonInput, type Person } from '../../../common/schemas/people.ts';
import { isApiError } from '../../api/client.ts';
import { peopleKeys, useUpdatePerson } from '../../api/people.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { blankToNull, serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { OPTIONAL_PERSON_FIELDS, PERSON_FIELDS, PersonFields, personValues, type PersonValues } from './PersonFields.tsx';

/** What the other person saved, beside what this user typed, for the fields that differ. */
function ConflictDetails({ mine, theirs }: { mine: PersonValues; theirs: PersonValues }) {
  const { t } = useTranslation();
  const differing = PERSON_FIELDS.filter((field) => mine[field].trim() !== theirs[field]);
  if (differing.length === 0) return null;
  return (
    <Table withTableBorder>
      <Table.Caption>{t('conflict.compareCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('conflict.field')}</Table.Th>
          <Table.Th scope="col">{t('conflict.yours')}</Table.Th>
          <Table.Th scope="col">{t('conflict.current')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {differing.map((field) => (
          <Table.Tr key={field}>
            <Table.Th scope="row">{t(`field.${field}`)}</Table.Th>
            <Table.Td>{mine[field] || t('common.none')}</Table.Td>
            <Table.Td>{theirs[field] || t('common.none')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Edits a person's details, sending the version it started from. When someone else saved first
 * (409), it shows their values next to the user's and offers to load them.
 */
export function PersonEditForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdatePerson(person.id);
  const [version, setVersion] = useState(person.version);
  const form = useForm({
    initialValues: personValues(person),
    ...schemaForm(UpdatePersonInput, t, {
      toInput: (values: PersonValues) => ({ ...blankToNull(values, OPTIONAL_PERSON_FIELDS), version }),
    }),
  });
  const current = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: Person } | null)?.current ?? null) : null;

  const onSubmit = form.onSubmit(
    (input) =>
      update.mutate(input, {
        onSuccess: () => {
          notifySuccess(t('person.saved'));
          onDone();
        },
        onError: (error) => form.setErrors(serverFieldErrors(t, error)),
      }),
    focusFirstError,
  );

  const loadCurrent = () => {
    if (!current) return;
    queryClient.setQueryData(peopleKeys.detail(person.id), current);
    form.setValues(personValues(current));
    setVersion(current.version);
    update.reset();
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-person-heading">
      <Stack>
        <Title order={2} size="h3" id="edit-person-heading">
          {t('person.editTitle')}
        </Title>
        {current ? (
          <Alert color="orange" role="alert" title={t('conflict.title')}>
            <Stack gap="sm" align="flex-start">
              <Text size="sm">{t('conflict.person')}</Text>
              <ConflictDetails mine={form.values} theirs={personValues(current)} />
              <Button size="xs" variant="default" onClick={loadCurrent}>
                {t('conflict.loadCurrent')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={update.error} />
        )}
        <PersonFields inputProps={form.getInputProps} />
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
