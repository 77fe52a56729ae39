import { Alert, Button, Group, NumberInput, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useCreateObservation, useObservationTypes } from '../../api/observations.ts';
import { usePeople } from '../../api/people.ts';
import { useMe } from '../../api/session.ts';
import { fromZoneInput, inputZoneHint, todayIso } from '../../app/format.ts';
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
function TeacherPicker({ value, onChange }: { value: string | null; onChange: (id: string | null, label: string) => void }) {
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
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id, option?.label ?? '')}
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
  const [teacher, setTeacher] = useState<string | null>(null);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [observedOn, setObservedOn] = useState(todayIso);
  const [duration, setDuration] = useState<number | ''>('');
  const [classLabel, setClassLabel] = useState('');
  const [scheduledAt, setScheduledAt] = useState('');
  if (!me.abilities.observe) return <NotAllowed />;

  const items = types.data?.items ?? [];
  const chosenType = items.find((x) => x.id === typeId) ?? items[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!teacher || !chosenType) return;
    create.mutate(
      {
        typeId: chosenType.id,
        observedPersonId: teacher,
        observedOn,
        durationMinutes: duration === '' ? (chosenType.defaultDurationMinutes ?? null) : duration,
        classLabel: classLabel.trim() || null,
        scheduledAt: fromZoneInput(scheduledAt),
      },
      { onSuccess: (o) => void navigate(`/observations/${o.id}`) },
    );
  };

  return (
    <Stack gap="sm" maw={640}>
      <PageHeader title={t('new.title')} />
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
        <Stack gap="sm">
          <TeacherPicker value={teacher} onChange={(id) => setTeacher(id)} />
          <Select
            label={t('new.type')}
            required
            data={items.map((x) => ({ value: x.id, label: `${x.name} (${t(`kind.${x.kind}`)})` }))}
            value={chosenType?.id ?? null}
            onChange={setTypeId}
            allowDeselect={false}
            disabled={!items.length}
          />
          <ErrorAlert error={types.error} />
          <Group grow align="flex-start" className="obs-stack-on-phone">
            <TextInput
              type="date"
              label={t('new.date')}
              required
              value={observedOn}
              onChange={(e) => setObservedOn(e.currentTarget.value)}
            />
            <NumberInput
              label={t('new.duration')}
              min={1}
              max={600}
              allowDecimal={false}
              placeholder={chosenType?.defaultDurationMinutes ? String(chosenType.defaultDurationMinutes) : undefined}
              value={duration}
              onChange={(v) => setDuration(typeof v === 'number' ? v : '')}
            />
          </Group>
          <TextInput
            label={t('new.class')}
            description={t('new.classHelp')}
            maxLength={200}
            value={classLabel}
            onChange={(e) => setClassLabel(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('new.schedule')}
            description={[t('new.scheduleHelp'), inputZoneHint()].filter(Boolean).join(' ')}
            value={scheduledAt}
            onChange={(e) => setScheduledAt(e.currentTarget.value)}
          />
          <NonSchoolDayNote value={scheduledAt} />
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
            <Button type="submit" disabled={!teacher || !chosenType} loading={create.isPending}>
              {t('new.start')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
