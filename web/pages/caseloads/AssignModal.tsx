import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useAssignCoachee, useAssignGroup, useTeams } from '../../api/teams.ts';
import { useTrackerSchools } from '../../api/tracker.ts';
import { todayIso } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';

type Mode = 'one' | 'team' | 'school';

/** Assigns coachees to a coach: one person, a team's current members, or everyone teaching in a school. */
export function AssignModal({ coachPersonId, onClose }: { coachPersonId: string | null; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const [coach, setCoach] = useState<string | null>(coachPersonId);
  const [mode, setMode] = useState<Mode>('one');
  const [personId, setPersonId] = useState<string | null>(null);
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const schools = useTrackerSchools();
  const teams = useTeams(schoolId ?? '', false, mode === 'team');
  const one = useAssignCoachee();
  const group = useAssignGroup();
  const pending = one.isPending || group.isPending;
  const error = one.error ?? group.error;
  const dates = { startsOn, endsOn: endsOn || null };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!coach) return;
    if (mode === 'one') {
      if (personId)
        one.mutate({ coachPersonId: coach, personId, ...dates }, { onSuccess: () => (notifySuccess(t('caseload.assigned')), onClose()) });
      return;
    }
    const target = mode === 'team' ? { teamId: teamId ?? undefined } : { schoolId: schoolId ?? undefined };
    group.mutate(
      { coachPersonId: coach, ...target, ...dates },
      { onSuccess: (r) => (notifySuccess(t('caseload.groupResult', { count: r.added })), onClose()) },
    );
  };
  const ready = coach && (mode === 'one' ? personId : mode === 'team' ? teamId : schoolId);
  return (
    <AppModal opened onClose={onClose} title={t('caseload.assign')}>
      <form onSubmit={submit}>
        <Stack>
          <PersonPicker label={t('caseload.coach')} value={coach} onChange={setCoach} />
          <SegmentedControl
            aria-label={t('caseload.mode')}
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            data={[
              { value: 'one', label: t('caseload.modeOne') },
              { value: 'team', label: t('caseload.modeTeam') },
              { value: 'school', label: t('caseload.modeSchool') },
            ]}
          />
          {mode === 'one' ? <PersonPicker label={t('caseload.coachee')} value={personId} onChange={setPersonId} /> : null}
          {mode !== 'one' ? (
            <Select
              label={t('caseload.school')}
              placeholder={t('caseload.pickSchool')}
              required
              searchable
              data={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              value={schoolId}
              onChange={(v) => (setSchoolId(v), setTeamId(null))}
            />
          ) : null}
          {mode === 'team' && schoolId ? (
            <Select
              label={t('caseload.team')}
              placeholder={t('caseload.pickTeam')}
              required
              data={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              value={teamId}
              onChange={setTeamId}
            />
          ) : null}
          <Group grow>
            <TextInput
              type="date"
              label={t('form.startsOn')}
              required
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
            />
            <TextInput type="date" label={t('form.endsOn')} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} />
          </Group>
          {isApiError(error, 'invalid_state') ? (
            <Text c="red" role="alert">
              {t('caseload.overlapping')}
            </Text>
          ) : (
            <ErrorAlert error={error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={!ready}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
