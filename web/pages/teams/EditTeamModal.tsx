import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAM_KINDS, UpdateTeamInput, type TeamDetail, type TeamKind } from '../../../common/schemas/teams.ts';
import { useUpdateTeam } from '../../api/teams.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors } from '../../components/validation.ts';

interface Values {
  name: string;
  kind: TeamKind;
  /** The current member who leads the team; '' for no lead. */
  leadMemberId: string;
}

/**
 * Renames a team, changes its kind and who leads it, in one request: the team's version goes with
 * it (a stale one answers 409, the current team shows and nothing was saved); a new lead's
 * membership row starts today.
 */
export function EditTeamModal({ team, onClose }: { team: TeamDetail; onClose: () => void }) {
  const { t } = useTranslation('teams');
  const update = useUpdateTeam(team.id);
  const [failed, setFailed] = useState<unknown>(null);
  const current = team.members.filter((m) => m.current);
  const leadNow = current.find((m) => m.role === 'lead');
  const initialValues: Values = { name: team.name, kind: team.kind, leadMemberId: leadNow?.id ?? '' };
  const form = useForm({
    initialValues,
    ...schemaForm(UpdateTeamInput, t, { toInput: (v: Values) => ({ version: team.version, name: v.name, kind: v.kind }) }),
  });
  const saving = update.isPending;
  const onSubmit = form.onSubmit(async (input) => {
    setFailed(null);
    const values = form.getValues();
    try {
      // One request: the name, the kind and who leads save together or not at all.
      const leadMemberId = values.leadMemberId === (leadNow?.id ?? '') ? undefined : values.leadMemberId || null;
      if (input.name !== team.name || input.kind !== team.kind || leadMemberId !== undefined) {
        await update.mutateAsync({ ...input, version: team.version, leadMemberId });
      }
      notifySuccess(t('team.saved'));
      onClose();
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={t('edit.title')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <TextInput label={t('teams.name')} required maxLength={120} data-autofocus {...form.getInputProps('name')} />
          <Select
            label={t('teams.kind')}
            required
            allowDeselect={false}
            data={TEAM_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('edit.lead')}
            description={t('edit.leadHelp')}
            allowDeselect={false}
            data={[{ value: '', label: t('teams.noLead') }, ...current.map((m) => ({ value: m.id, label: personName(m.person) }))]}
            {...form.getInputProps('leadMemberId')}
          />
          <ErrorAlert error={failed} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
