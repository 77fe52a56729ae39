import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NON_SCHOOL_DAY_KINDS, type NonSchoolDayKind } from '../../../common/observation.ts';
import { CreateNonSchoolDaysInput, schoolYearRange, type NonSchoolDay, type SchoolCalendar } from '../../../common/schemas/settings.ts';
import { isApiError } from '../../api/client.ts';
import { useCreateNonSchoolDays, useDeleteNonSchoolDay } from '../../api/settings.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { groupRuns } from './calendarRuns.ts';

type Values = { day: string; through: string; kind: NonSchoolDayKind; label: string };
const empty: Values = { day: '', through: '', kind: 'holiday', label: '' };

function AddDaysForm({ schoolYear }: { schoolYear: string }) {
  const { t } = useTranslation('settings');
  const form = useForm({
    initialValues: empty,
    ...schemaForm(CreateNonSchoolDaysInput, t, {
      toInput: (values: Values) => ({ ...values, through: values.through || null }),
      check: (values, errors) => ({ through: errors.through && values.through < values.day ? t('validation.endBeforeBegin') : undefined }),
    }),
  });
  const values = form.values;
  const create = useCreateNonSchoolDays();
  const range = schoolYearRange(schoolYear);
  const duplicates = isApiError(create.error, 'conflict')
    ? ((create.error.details as { current?: NonSchoolDay[] } | null)?.current ?? [])
    : null;

  const onSubmit = form.onSubmit(
    (input) =>
      create.mutate(input, {
        onSuccess: ({ items }) => {
          notifySuccess(t('days.added', { count: items.length, formatted: formatNumber(items.length), label: input.label }));
          form.setValues(empty);
        },
        onError: (error) => form.setErrors(serverFieldErrors(t, error)),
      }),
    focusFirstError,
  );

  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate aria-labelledby="add-days-heading">
        <Stack>
          <Title order={3} size="h4" id="add-days-heading">
            {t('days.addTitle')}
          </Title>
          {duplicates ? (
            <Alert color="orange" role="alert" title={t('days.duplicateTitle')}>
              {t('days.duplicateBody', { days: duplicates.map((d) => `${formatDate(d.day)} (${d.label})`).join(', ') })}
            </Alert>
          ) : (
            <ErrorAlert error={create.error} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput type="date" label={t('days.day')} required min={range.from} max={range.to} {...form.getInputProps('day')} />
            <TextInput
              type="date"
              label={t('days.through')}
              description={t('days.throughHelp')}
              min={values.day || range.from}
              max={range.to}
              {...form.getInputProps('through')}
            />
            <NativeSelect
              label={t('days.kind')}
              {...form.getInputProps('kind')}
              data={NON_SCHOOL_DAY_KINDS.map((k) => ({ value: k, label: t(`dayKind.${k}`) }))}
            />
            <TextInput label={t('days.label')} placeholder={t('days.labelPlaceholder')} required {...form.getInputProps('label')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('days.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Holidays, breaks, staff days and closures of the school year; add a day or a break, remove one. */
export function NonSchoolDaysSection({ calendar }: { calendar: SchoolCalendar }) {
  const { t } = useTranslation('settings');
  const remove = useDeleteNonSchoolDay();
  const [removing, setRemoving] = useState<NonSchoolDay[] | null>(null);
  const runs = groupRuns(calendar.nonSchoolDays);
  const when = (run: NonSchoolDay[]) =>
    run.length === 1 ? formatDate(run[0]!.day) : t('terms.range', { from: formatDate(run[0]!.day), to: formatDate(run.at(-1)!.day) });

  const onConfirm = async () => {
    if (!removing) return;
    for (const day of removing) await remove.mutateAsync(day.id);
    notifySuccess(t('days.removed', { label: removing[0]!.label }));
    setRemoving(null);
  };

  return (
    <section aria-labelledby="days-heading">
      <Title order={2} size="h3" id="days-heading" mb="sm">
        {t('days.title')}
      </Title>
      <Stack>
        {calendar.abilities.edit ? <AddDaysForm schoolYear={calendar.schoolYear} /> : null}
        {runs.length === 0 ? <Text c="dimmed">{t('days.empty')}</Text> : null}
        {runs.length > 0 ? (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('days.title')}>
            {runs.map((run) => (
              <Paper component="li" withBorder p="xs" key={run[0]!.id}>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Text fw={600} size="sm">
                      {run[0]!.label}
                    </Text>
                    <Text size="sm">
                      {when(run)} · {t(`dayKind.${run[0]!.kind}`)}
                      {run.length > 1 ? ` · ${t('days.count', { count: run.length, formatted: formatNumber(run.length) })}` : ''}
                    </Text>
                  </div>
                  {calendar.abilities.edit ? (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      onClick={() => setRemoving(run)}
                      aria-label={t('days.removeNamed', { label: run[0]!.label, when: when(run) })}
                    >
                      {t('terms.remove')}
                    </Button>
                  ) : null}
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('days.removeTitle', { label: removing?.[0]?.label ?? '' })}
        confirmLabel={t('terms.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => void onConfirm().catch(() => undefined)}
      >
        {removing ? t('days.removeBody', { when: when(removing) }) : ''}
      </ConfirmModal>
    </section>
  );
}
