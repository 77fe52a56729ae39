import { Alert, Button, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateObservationInput } from '../../../common/schemas/observations.ts';
import { isApiError } from '../../api/client.ts';
import { useCreateObservation, useObservationTypes } from '../../api/observations.ts';
import { usePeople } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { fromZoneInput, inputZoneHint, todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NonSchoolDayNote } from '../../components/NonSchoolDayNote.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import './observations.css';

/**
 * The teacher to observe, searched among the people the caller may see (their schools, their
 * caseload, or everyone for HR and admins); the API refuses anyone else.
 */
function TeacherPicker({
  value,
  onChange,
  ...field
}: {
  value?: string;
  onChange: (id: string) => void;
  error?: ReactNode;
  'data-path'?: string;
}) {
  const { t } = useTranslation('observations');
  const me = useMe();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const people = usePeople({ q: q || undefined, limit: 20, active: 'true' });
  const data = (people.data?.items ?? [])
    .filter((p) => p.id !== me.person.id)
    .map((p) => ({ value: p.id, label: p.primaryRole ? `${personName(p)} · ${p.primaryRole.orgUnitName}` : personName(p) }));
  return (
    <Select
      label={t('new.teacher')}
      description={t('new.teacherHelp')}
      placeholder={t('new.teacherPlaceholder')}
      required
      searchable
      data={data}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ?? '')}
      {...field}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? t('new.searching') : t('new.nobody')}
    />
  );
}

/** Start an observation: teacher, type, date, duration, class, and an optional scheduled time. */
export default function NewObservationPage() {
  const { t } = useTranslation('observations');
  const me = useMe();
  const navigate = useNavigate();
  const types = useObservationTypes();
  const create = useCreateObservation();
  const items = types.data?.items ?? [];
  type Values = {
    observedPersonId: string;
    typeId: string;
    observedOn: string;
    durationMinutes: number | '';
    classLabel: string;
    scheduledAt: string;
  };
  const form = useForm({
    initialValues: {
      observedPersonId: '',
      typeId: '',
      observedOn: todayIso(),
      durationMinutes: '',
      classLabel: '',
      scheduledAt: '',
    } as Values,
    ...schemaForm(CreateObservationInput, t, {
      toInput: (v: Values) => {
        const type = items.find((x) => x.id === v.typeId) ?? items[0];
        return {
          typeId: type?.id ?? '',
          observedPersonId: v.observedPersonId,
          observedOn: v.observedOn,
          durationMinutes: v.durationMinutes === '' ? (type?.defaultDurationMinutes ?? null) : v.durationMinutes,
          classLabel: v.classLabel.trim() || null,
          scheduledAt: fromZoneInput(v.scheduledAt),
        };
      },
    }),
  });
  if (!me.abilities.observe) return <NotAllowed />;

  const chosenType = items.find((x) => x.id === form.values.typeId) ?? items[0];
  const submit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: (o) => void navigate(`/observations/${o.id}`) }),
    focusFirstError,
  );

  return (
    <Stack gap="sm" maw={640}>
      <PageHeader title={t('new.title')} />
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TeacherPicker {...form.getInputProps('observedPersonId')} />
          <Select
            label={t('new.type')}
            required
            data={items.map((x) => ({ value: x.id, label: `${x.name} (${t(`kind.${x.kind}`)})` }))}
            {...form.getInputProps('typeId')}
            value={chosenType?.id ?? null}
            allowDeselect={false}
            disabled={!items.length}
          />
          <ErrorAlert error={types.error} />
          <Group grow align="flex-start" className="obs-stack-on-phone">
            <TextInput type="date" label={t('new.date')} required {...form.getInputProps('observedOn')} />
            <NumberInput
              label={t('new.duration')}
              min={1}
              max={600}
              allowDecimal={false}
              placeholder={chosenType?.defaultDurationMinutes ? String(chosenType.defaultDurationMinutes) : undefined}
              {...form.getInputProps('durationMinutes')}
              onChange={(v) => form.setFieldValue('durationMinutes', typeof v === 'number' ? v : '')}
            />
          </Group>
          <TextInput label={t('new.class')} description={t('new.classHelp')} maxLength={200} {...form.getInputProps('classLabel')} />
          <TextInput
            type="datetime-local"
            label={t('new.schedule')}
            description={[t('new.scheduleHelp'), inputZoneHint()].filter(Boolean).join(' ')}
            {...form.getInputProps('scheduledAt')}
          />
          <NonSchoolDayNote value={form.values.scheduledAt} />
          {isApiError(create.error, 'not_found') ? (
            <Alert color="red" role="alert">
              {t('new.outOfScope')}
            </Alert>
          ) : isApiError(create.error, 'validation_failed') && chosenType?.kind === 'scored' ? (
            <Alert color="red" role="alert">
              {t('new.noRubric')}
            </Alert>
          ) : (
            <ErrorAlert error={create.error} />
          )}
          <Group>
            {/* Until the district's types arrive there is no type to start with: wait, rather than refuse both fields. */}
            <Button type="submit" loading={create.isPending || types.isPending}>
              {t('new.start')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
