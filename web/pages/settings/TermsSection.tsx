import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateTermInput, schoolYearRange, type SchoolCalendar, type SchoolTerm } from '../../../common/schemas/settings.ts';
import { useCreateTerm, useDeleteTerm, useUpdateTerm } from '../../api/settings.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { conflictCurrent, SaveProblem } from './SaveProblem.tsx';

type Values = { name: string; startsOn: string; endsOn: string };

function TermModal({ schoolYear, term, onClose }: { schoolYear: string; term?: SchoolTerm; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const [version, setVersion] = useState(term?.version);
  const form = useForm({
    initialValues: { name: term?.name ?? '', startsOn: term?.startsOn ?? '', endsOn: term?.endsOn ?? '' },
    ...schemaForm(CreateTermInput, t, {
      toInput: (values: Values) => ({ ...values, schoolYear }),
      check: (values, errors) => ({
        endsOn:
          errors.endsOn && values.startsOn && values.endsOn && values.endsOn < values.startsOn ? t('validation.endBeforeBegin') : undefined,
      }),
    }),
  });
  const values = form.values;
  const create = useCreateTerm();
  const update = useUpdateTerm();
  const mutation = term ? update : create;
  const range = schoolYearRange(schoolYear);
  const onSubmit = form.onSubmit((input) => {
    const done = {
      onSuccess: (saved: SchoolTerm) => {
        notifySuccess(t('terms.saved', { name: saved.name }));
        onClose();
      },
      onError: (error: unknown) => form.setErrors(serverFieldErrors(t, error)),
    };
    if (term && version) update.mutate({ id: term.id, version, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn }, done);
    else create.mutate(input, done);
  }, focusFirstError);
  const current = conflictCurrent<SchoolTerm>(update.error);
  return (
    <AppModal opened onClose={onClose} title={term ? t('terms.editTitle', { name: term.name }) : t('terms.addTitle', { schoolYear })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveProblem
            error={mutation.error}
            onLoad={() => {
              if (!current) return;
              form.setValues({ name: current.name, startsOn: current.startsOn, endsOn: current.endsOn });
              setVersion(current.version);
              update.reset();
            }}
          />
          <TextInput
            label={t('terms.name')}
            placeholder={t('terms.namePlaceholder')}
            required
            {...form.getInputProps('name')}
            data-autofocus
          />
          <TextInput type="date" label={t('terms.startsOn')} required min={range.from} max={range.to} {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('terms.endsOn')} required min={values.startsOn || range.from} {...form.getInputProps('endsOn')} />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The terms of the school year, with their school-day counts; add, edit, remove. */
export function TermsSection({ calendar }: { calendar: SchoolCalendar }) {
  const { t } = useTranslation('settings');
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState<SchoolTerm | 'new' | null>(null);
  const [removing, setRemoving] = useState<SchoolTerm | null>(null);
  const remove = useDeleteTerm();
  const actions = (term: SchoolTerm) =>
    calendar.abilities.edit ? (
      <Group gap="xs" wrap="nowrap">
        <Button size="xs" variant="default" onClick={() => setEditing(term)} aria-label={t('terms.editNamed', { name: term.name })}>
          {t('common.edit')}
        </Button>
        <Button
          size="xs"
          variant="default"
          color="red"
          onClick={() => setRemoving(term)}
          aria-label={t('terms.removeNamed', { name: term.name })}
        >
          {t('terms.remove')}
        </Button>
      </Group>
    ) : null;
  const days = (term: SchoolTerm) =>
    t('terms.schoolDays', { count: calendar.termSchoolDays[term.id] ?? 0, formatted: formatNumber(calendar.termSchoolDays[term.id] ?? 0) });

  return (
    <section aria-labelledby="terms-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="terms-heading">
          {t('terms.title')}
        </Title>
        {calendar.abilities.edit ? <Button onClick={() => setEditing('new')}>{t('terms.add')}</Button> : null}
      </Group>
      {calendar.terms.length === 0 ? <Text c="dimmed">{t('terms.empty', { schoolYear: calendar.schoolYear })}</Text> : null}
      {calendar.terms.length > 0 && isPhone ? (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {calendar.terms.map((term) => (
            <Paper withBorder p="sm" component="li" key={term.id}>
              <Text fw={600}>{term.name}</Text>
              <Text size="sm">{t('terms.range', { from: formatDate(term.startsOn), to: formatDate(term.endsOn) })}</Text>
              <Text size="sm" c="dimmed" mb="xs">
                {days(term)}
              </Text>
              {actions(term)}
            </Paper>
          ))}
        </Stack>
      ) : null}
      {calendar.terms.length > 0 && !isPhone ? (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('terms.name')}</Table.Th>
              <Table.Th>{t('terms.startsOn')}</Table.Th>
              <Table.Th>{t('terms.endsOn')}</Table.Th>
              <Table.Th>{t('terms.schoolDaysHeader')}</Table.Th>
              {calendar.abilities.edit ? <Table.Th>{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {calendar.terms.map((term) => (
              <Table.Tr key={term.id}>
                <Table.Td>{term.name}</Table.Td>
                <Table.Td>{formatDate(term.startsOn)}</Table.Td>
                <Table.Td>{formatDate(term.endsOn)}</Table.Td>
                <Table.Td>{formatNumber(calendar.termSchoolDays[term.id] ?? 0)}</Table.Td>
                {calendar.abilities.edit ? <Table.Td>{actions(term)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {editing ? (
        <TermModal schoolYear={calendar.schoolYear} term={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      ) : null}
      <ConfirmModal
        opened={removing !== null}
        title={t('terms.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('terms.remove')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('terms.removed', { name: removing.name }));
              setRemoving(null);
            },
          })
        }
      >
        {t('terms.removeBody')}
      </ConfirmModal>
    </section>
  );
}
