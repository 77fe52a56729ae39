import { Alert, Button, Group, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { StartFidelityCheckInput } from '../../../common/schemas/fidelity.ts';
import { isApiError } from '../../api/client.ts';
import { useCoveredPeople, useStartFidelityCheck } from '../../api/fidelity.ts';
import { todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

type Values = { observedPersonId: string; observedOn: string };

/**
 * Start a fidelity check: pick a covered teacher the caller may check (the API's own list) and the
 * day; the check opens in the observation page, scored with the initiative's fidelity tool.
 */
export function StartFidelityCheck({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation('implementation');
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = useCoveredPeople(initiativeId, q);
  const start = useStartFidelityCheck(initiativeId);
  const form = useForm({
    initialValues: { observedPersonId: '', observedOn: todayIso() } as Values,
    ...schemaForm(StartFidelityCheckInput, t, {
      toInput: (v: Values) => ({ observedPersonId: v.observedPersonId, observedOn: v.observedOn }),
    }),
  });
  const submit = form.onSubmit(
    (input) => start.mutate(input, { onSuccess: (check) => void navigate(`/observations/${check.observationId}`) }),
    focusFirstError,
  );
  const data = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.school.name}` }));
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate aria-labelledby="start-check-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="start-check-title">
          {t('fidelity.start.title')}
        </Title>
        <Group grow align="flex-start">
          <Select
            label={t('fidelity.start.teacher')}
            description={t('fidelity.start.teacherHelp')}
            required
            searchable
            data={data}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            nothingFoundMessage={people.isFetching ? t('fidelity.start.searching') : t('fidelity.start.nobody')}
            {...form.getInputProps('observedPersonId')}
            value={form.values.observedPersonId || null}
            onChange={(id) => form.setFieldValue('observedPersonId', id ?? '')}
          />
          <TextInput type="date" label={t('fidelity.start.date')} required {...form.getInputProps('observedOn')} />
        </Group>
        {isApiError(start.error, 'invalid_state') ? (
          <Alert color="red" role="alert">
            {t('fidelity.start.toolUnavailable')}
          </Alert>
        ) : isApiError(start.error, 'not_found') ? (
          <Alert color="red" role="alert">
            {t('fidelity.start.outOfScope')}
          </Alert>
        ) : (
          <ErrorAlert error={start.error} />
        )}
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t('fidelity.start.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
