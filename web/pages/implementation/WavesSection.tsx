import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WaveInput } from '../../../common/schemas/initiatives.ts';
import { useDeleteWave, useSaveWave, type Initiative, type WaveRow } from '../../api/initiatives.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { formatDate } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

function WaveModal({ initiativeId, wave, onClose }: { initiativeId: string; wave: WaveRow | null; onClose: () => void }) {
  const { t } = useTranslation('implementation');
  const save = useSaveWave(initiativeId);
  const [failed, setFailed] = useState<unknown>(null);
  const initialValues = { name: wave?.name ?? '', startsOn: wave?.startsOn ?? '', endsOn: wave?.endsOn ?? '' };
  const form = useForm({
    initialValues,
    ...schemaForm(WaveInput, t, {
      check: (v: typeof initialValues) => ({
        endsOn: v.startsOn && v.endsOn && v.endsOn < v.startsOn ? t('initiatives.waves.endBeforeStart') : undefined,
      }),
    }),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      await save.mutateAsync({ ...input, waveId: wave?.id, version: wave?.version });
      onClose();
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={wave ? t('initiatives.waves.edit') : t('initiatives.waves.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('initiatives.waves.name')}
            description={t('initiatives.waves.nameHelp')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput type="date" label={t('initiatives.waves.startsOn')} required {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('initiatives.waves.endsOn')} required {...form.getInputProps('endsOn')} />
          <ErrorAlert error={failed} />
          <FormModalFooter onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Rollout waves: pilot first, then scale; dates never overlap (the server names the wave they would). */
export function WavesSection({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation('implementation');
  const [editing, setEditing] = useState<WaveRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<WaveRow | null>(null);
  const remove = useDeleteWave(initiative.id);
  const schoolsIn = (waveId: string) => initiative.schools.filter((s) => s.waveId === waveId).length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="initiative-waves">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="initiative-waves">
          {t('initiatives.waves.title')}
        </Title>
        <Button variant="light" onClick={() => setEditing('new')}>
          {t('initiatives.waves.add')}
        </Button>
      </Group>
      {initiative.waves.length === 0 ? (
        <Text>{t('initiatives.waves.empty')}</Text>
      ) : (
        <ScrollRegion label={t('initiatives.waves.title')}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                {(['position', 'name', 'dates', 'schools', 'actions'] as const).map((col) => (
                  <Table.Th key={col} scope="col">
                    {t(`initiatives.waves.col.${col}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initiative.waves.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>{w.position}</Table.Td>
                  <Table.Th scope="row">{w.name}</Table.Th>
                  <Table.Td>{t('initiatives.dateRange', { from: formatDate(w.startsOn), to: formatDate(w.endsOn) })}</Table.Td>
                  <Table.Td>{t('initiatives.waves.schoolCount', { count: schoolsIn(w.id) })}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setEditing(w)}
                        aria-label={t('initiatives.waves.editOf', { name: w.name })}
                      >
                        {t('initiatives.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setDeleting(w)}
                        aria-label={t('initiatives.waves.deleteOf', { name: w.name })}
                      >
                        {t('initiatives.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {editing && <WaveModal initiativeId={initiative.id} wave={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={t('initiatives.waves.deleteTitle')}
        confirmLabel={t('initiatives.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      >
        {t('initiatives.waves.deleteBody', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
