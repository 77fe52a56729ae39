import { MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IMPLEMENTATION_TEAM_ROLES, type ImplementationTeamRole } from '../../../common/implementation.ts';
import type { ImplementationTeamDetail } from '../../../common/schemas/implementation-teams.ts';
import { useAddImplementationMembers, useCreateMeeting } from '../../api/implementation-teams.ts';
import { fromZoneInput, inputZoneHint, toZoneInput } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';
import { usePeople } from '../../api/people.ts';

/** Searches the district's people and keeps every one picked (their names stay while the search changes). */
function PeopleMultiPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation('implementation');
  const { t: tApp } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const people = usePeople({ q: q || undefined, limit: 20, active: 'true' });
  const found = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.primaryRole ? `${personName(p)} · ${p.primaryRole.orgUnitName}` : personName(p),
  }));
  const known = { ...labels, ...Object.fromEntries(found.map((f) => [f.value, f.label])) };
  const data = [...value.map((id) => ({ value: id, label: known[id] ?? id })), ...found.filter((f) => !value.includes(f.value))];
  return (
    <MultiSelect
      label={t('teams.people')}
      placeholder={tApp('personPicker.placeholder')}
      required
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => {
        setLabels(known);
        onChange(ids);
      }}
      filter={({ options }) => options}
      nothingFoundMessage={people.isFetching ? tApp('personPicker.searching') : tApp('personPicker.nobody')}
    />
  );
}

/** Picks several people and adds them in one role. */
export function AddMembersModal({ team, onClose }: { team: ImplementationTeamDetail; onClose: () => void }) {
  const { t } = useTranslation('implementation');
  const add = useAddImplementationMembers(team.id);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [role, setRole] = useState<ImplementationTeamRole>('member');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (personIds.length === 0) return;
    add.mutate({ personIds, role }, { onSuccess: (r) => (notifySuccess(t('teams.membersAdded', { count: r.added })), onClose()) });
  };
  return (
    <AppModal opened onClose={onClose} title={t('teams.addMembers')}>
      <form onSubmit={submit}>
        <Stack>
          <PeopleMultiPicker value={personIds} onChange={setPersonIds} />
          <Select
            label={t('teams.role')}
            allowDeselect={false}
            data={IMPLEMENTATION_TEAM_ROLES.map((r) => ({ value: r, label: t(`teamRoles.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as ImplementationTeamRole)}
          />
          <ErrorAlert error={add.error} />
          <FormModalFooter onCancel={onClose} saving={add.isPending} submitLabel={t('teams.addCount', { count: personIds.length })} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Schedules a meeting (district time) with its agenda, then opens it. */
export function NewMeetingModal({ team, onClose }: { team: ImplementationTeamDetail; onClose: () => void }) {
  const { t } = useTranslation('implementation');
  const navigate = useNavigate();
  const create = useCreateMeeting(team.id);
  const [meetsAt, setMeetsAt] = useState(toZoneInput(new Date()));
  const [agenda, setAgenda] = useState('');
  const instant = fromZoneInput(meetsAt);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!instant) return;
    create.mutate({ meetsAt: instant, agenda }, { onSuccess: (m) => void navigate(`/implementation-teams/${team.id}/meetings/${m.id}`) });
  };
  return (
    <AppModal opened onClose={onClose} title={t('teams.newMeeting')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            type="datetime-local"
            label={t('teams.meeting.meetsAt')}
            description={inputZoneHint()}
            required
            value={meetsAt}
            error={meetsAt && !instant ? t('teams.meeting.badTime') : undefined}
            onChange={(e) => setMeetsAt(e.currentTarget.value)}
          />
          <Textarea
            label={t('teams.meeting.agenda')}
            autosize
            minRows={4}
            maxLength={10_000}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
          />
          <ErrorAlert error={create.error} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
