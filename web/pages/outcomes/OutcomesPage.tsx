import { Anchor, Badge, Button, Card, Group, NumberInput, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FLOOR_MIN_COUNT } from '../../../common/outcomes.ts';
import type { OutcomeMeasure, OutcomeMeasureList, OutcomeSettings } from '../../../common/schemas/outcomes.ts';
import { isApiError } from '../../api/client.ts';
import { useOutcomeMeasures, useSaveOutcomeSettings } from '../../api/outcomes.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { MeasureModal } from './MeasureModal.tsx';

/** /outcomes: the district's outcome measures, the initiatives watching each, and (for HR and admins) the small-group rules. */
export default function OutcomesPage() {
  const { t } = useTranslation('outcomes');
  const list = useOutcomeMeasures();
  const [editing, setEditing] = useState<OutcomeMeasure | 'new' | null>(null);
  if (isApiError(list.error, 'not_found')) return <NotAllowed />;
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  const data = list.data;
  const names = new Map(data.initiatives.map((i) => [i.id, i.name]));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('measures.title')}
        subtitle={t('measures.subtitle', { count: data.settings.minCount })}
        actions={
          data.abilities.manage ? (
            <Group>
              <Button component={Link} to="/outcomes/import" variant="default">
                {t('import.open')}
              </Button>
              <Button onClick={() => setEditing('new')}>{t('measures.new')}</Button>
            </Group>
          ) : null
        }
      />
      <Group gap="md">
        <Anchor component={Link} to="/dashboards/district">
          {t('dashboard.districtTitle')}
        </Anchor>
      </Group>
      {data.items.length === 0 ? (
        <Text>{t('measures.empty')}</Text>
      ) : (
        <ScrollRegion label={t('measures.title')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('measures.name')}</Table.Th>
                <Table.Th scope="col">{t('measures.key')}</Table.Th>
                <Table.Th scope="col">{t('measures.unit')}</Table.Th>
                <Table.Th scope="col">{t('measures.direction')}</Table.Th>
                <Table.Th scope="col">{t('measures.initiatives')}</Table.Th>
                {data.abilities.manage ? <Table.Th scope="col">{t('measures.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/outcomes/measures/${m.id}`}>
                      {m.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <code>{m.key}</code>
                  </Table.Td>
                  <Table.Td>{m.unit}</Table.Td>
                  <Table.Td>{m.higherIsBetter ? t('measures.higher') : t('measures.lower')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {m.initiativeIds.map((id) => (
                        <Badge key={id} color="gray" variant="light">
                          {names.get(id) ?? ''}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  {data.abilities.manage ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(m)}
                        aria-label={t('measures.editNamed', { name: m.name })}
                      >
                        {t('measures.edit')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {data.abilities.manage ? <SettingsCard settings={data.settings} /> : null}
      {editing ? (
        <MeasureModal measure={editing === 'new' ? null : editing} initiatives={data.initiatives} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}

/** The smallest group ever shown (never below 5) and whether per-teacher values are kept. */
function SettingsCard({ settings }: { settings: OutcomeMeasureList['settings'] }) {
  const { t } = useTranslation('outcomes');
  const save = useSaveOutcomeSettings();
  const [minCount, setMinCount] = useState<number>(settings.minCount);
  const [perTeacher, setPerTeacher] = useState(settings.perTeacherAllowed);
  const submit = () =>
    save.mutate(
      { version: settings.version, minCount, perTeacherAllowed: perTeacher } satisfies Omit<OutcomeSettings, 'version'> & {
        version: number;
      },
      { onSuccess: () => notifySuccess(t('settings.saved')) },
    );
  return (
    <Card withBorder component="section" aria-label={t('settings.title')}>
      <Title order={2} size="h4" mb="sm">
        {t('settings.title')}
      </Title>
      <Stack>
        <NumberInput
          label={t('settings.minCount')}
          description={t('settings.minCountHelp', { floor: FLOOR_MIN_COUNT })}
          min={FLOOR_MIN_COUNT}
          max={1000}
          value={minCount}
          onChange={(v) => setMinCount(typeof v === 'number' ? v : Number(v))}
          maw={240}
        />
        <Switch
          label={t('settings.perTeacher')}
          description={t('settings.perTeacherHelp')}
          checked={perTeacher}
          onChange={(e) => setPerTeacher(e.currentTarget.checked)}
        />
        <ErrorAlert error={save.error} />
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
