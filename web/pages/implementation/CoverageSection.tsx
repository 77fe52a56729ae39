import { Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddSchools, useRemoveSchools, type Initiative } from '../../api/initiatives.ts';
import { useOrgUnits } from '../../api/org-units.ts';
import { formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';

/**
 * The schools the initiative covers, each in its wave: add many at once (or move them to another
 * wave), or stop covering one.
 */
export function CoverageSection({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation('implementation');
  const schools = useOrgUnits({ type: 'school', active: 'true', limit: 1000 });
  const add = useAddSchools(initiative.id);
  const remove = useRemoveSchools(initiative.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [waveId, setWaveId] = useState<string | null>(null);
  const waveName = (id: string | null) => initiative.waves.find((w) => w.id === id)?.name ?? t('initiatives.coverage.noWave');
  const waveChoices = [
    { value: '', label: t('initiatives.coverage.noWave') },
    ...initiative.waves.map((w) => ({ value: w.id, label: w.name })),
  ];
  const submit = () =>
    add.mutate(
      { orgUnitIds: picked, waveId: waveId || null },
      {
        onSuccess: () => {
          notifySuccess(t('initiatives.coverage.added', { count: picked.length }));
          setPicked([]);
        },
      },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="initiative-coverage">
      <Title order={2} size="h3" id="initiative-coverage" mb="sm">
        {t('initiatives.coverage.title')}
      </Title>
      <Stack>
        <Group align="flex-end">
          <MultiSelect
            label={t('initiatives.coverage.schools')}
            description={t('initiatives.coverage.schoolsHelp')}
            data={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.identifier ? `${s.name} (${s.identifier})` : s.name }))}
            value={picked}
            onChange={setPicked}
            searchable
            clearable
            style={{ flex: 1, minWidth: 240 }}
          />
          <Select
            label={t('initiatives.coverage.wave')}
            data={waveChoices}
            value={waveId ?? ''}
            onChange={setWaveId}
            allowDeselect={false}
          />
          <Button onClick={submit} disabled={picked.length === 0} loading={add.isPending}>
            {t('initiatives.coverage.add')}
          </Button>
        </Group>
        <ErrorAlert error={add.error ?? remove.error} />
        <Text size="sm">
          {t('initiatives.coverage.count', { count: initiative.schools.length, shown: formatNumber(initiative.schools.length) })}
        </Text>
        {initiative.schools.length > 0 && (
          <ScrollRegion label={t('initiatives.coverage.title')}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {(['school', 'wave', 'actions'] as const).map((col) => (
                    <Table.Th key={col} scope="col">
                      {t(`initiatives.coverage.col.${col}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {initiative.schools.map((s) => (
                  <Table.Tr key={s.orgUnitId}>
                    <Table.Th scope="row">{s.identifier ? `${s.name} (${s.identifier})` : s.name}</Table.Th>
                    <Table.Td>{waveName(s.waveId)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending && remove.variables?.[0] === s.orgUnitId}
                        onClick={() => remove.mutate([s.orgUnitId])}
                        aria-label={t('initiatives.coverage.removeOf', { name: s.name })}
                      >
                        {t('initiatives.coverage.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Stack>
    </Paper>
  );
}
