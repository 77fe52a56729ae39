import { Anchor, Badge, Button, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Instrument } from '../../../common/schemas/assessments.ts';
import {
  useAdministrations,
  useAssessmentSettings,
  useInstallLibrary,
  useInstruments,
  useSaveAssessmentSettings,
} from '../../api/assessments.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { NewInstrumentModal } from './NewInstrumentModal.tsx';

/** The version a reader opens: the draft for those who edit it, else the latest published one. */
const versionToOpen = (i: Instrument) =>
  (i.abilities.edit ? i.versions[0] : i.versions.find((v) => v.status === 'published')) ?? i.versions[0];

function InstrumentsTable({ items }: { items: Instrument[] }) {
  const { t } = useTranslation('assessments');
  return (
    <ScrollRegion label={t('instruments.tableLabel')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('instruments.name')}</Table.Th>
            <Table.Th>{t('instruments.kind')}</Table.Th>
            <Table.Th>{t('instruments.versions')}</Table.Th>
            <Table.Th>{t('instruments.results')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => {
            const open = versionToOpen(i);
            return (
              <Table.Tr key={i.id}>
                <Table.Td>
                  {open ? (
                    <Anchor component={Link} to={`/assessments/versions/${open.id}`}>
                      {i.name}
                    </Anchor>
                  ) : (
                    i.name
                  )}
                  {i.builtIn ? (
                    <Badge ml="xs" variant="light" color="gray">
                      {t('instruments.builtIn')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>{t(`kinds.${i.kind}`)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {i.versions.map((v) => (
                      <Badge key={v.id} variant="light" color={v.status === 'draft' ? 'yellow' : 'green'}>
                        {t('instruments.versionBadge', { number: v.versionNumber, status: t(`statuses.${v.status}`) })}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/assessments/results?instrumentId=${i.id}`}>
                    {t('instruments.seeResults')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function Administrations({ teamId }: { teamId: string }) {
  const { t } = useTranslation('assessments');
  const list = useAdministrations(teamId ? { teamId } : {});
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <Loading />;
  if (list.data.items.length === 0) return <Text c="dimmed">{t('administrations.empty')}</Text>;
  return (
    <ScrollRegion label={t('administrations.tableLabel')}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('administrations.heldOn')}</Table.Th>
            <Table.Th>{t('administrations.instrument')}</Table.Th>
            <Table.Th>{t('administrations.who')}</Table.Th>
            <Table.Th>{t('administrations.where')}</Table.Th>
            <Table.Th>{t('administrations.status')}</Table.Th>
            <Table.Th>{t('administrations.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/assessments/administrations/${a.id}`}>
                  {formatDate(a.heldOn)}
                </Anchor>
              </Table.Td>
              <Table.Td>{t('administrations.instrumentVersion', { name: a.instrument.name, number: a.versionNumber })}</Table.Td>
              <Table.Td>{a.team?.name ?? a.soloPerson?.name ?? ''}</Table.Td>
              <Table.Td>{a.orgUnit.name}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={a.status === 'open' ? 'blue' : 'gray'}>
                  {t(`administrationStatuses.${a.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{a.totalPct === null ? '—' : t('results.pct', { pct: formatNumber(a.totalPct) })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function SettingsSwitch() {
  const { t } = useTranslation('assessments');
  const settings = useAssessmentSettings();
  const save = useSaveAssessmentSettings();
  if (!settings.data?.abilities.edit) return null;
  const s = settings.data;
  return (
    <>
      <ErrorAlert error={save.error} />
      <Switch
        label={t('settings.compare')}
        description={t('settings.compareHelp')}
        checked={s.schoolLeadersCompareSchools}
        disabled={save.isPending}
        onChange={(e) =>
          save.mutate(
            { schoolLeadersCompareSchools: e.currentTarget.checked, version: s.version },
            { onSuccess: () => notifySuccess(t('settings.saved')) },
          )
        }
      />
    </>
  );
}

/** /assessments: the district's instruments (built-in and its own), its administrations, and the comparison setting. */
export default function InstrumentsPage() {
  const { t } = useTranslation('assessments');
  const [{ teamId }] = useUrlState({ teamId: '' });
  const instruments = useInstruments();
  const install = useInstallLibrary();
  const [creating, setCreating] = useState(false);
  if (instruments.error) return <ErrorAlert error={instruments.error} />;
  if (!instruments.data) return <Loading />;
  const { items, abilities } = instruments.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('instruments.title')}
        subtitle={t('instruments.intro')}
        actions={
          <>
            {abilities.create ? <Button onClick={() => setCreating(true)}>{t('instruments.new')}</Button> : null}
            {abilities.create ? (
              <Button component={Link} to="/assessments/import" variant="default">
                {t('import.title')}
              </Button>
            ) : null}
            <Button component={Link} to="/assessments/new" variant="default">
              {t('administrations.scoreAlone')}
            </Button>
            <Button component={Link} to="/assessments/fit-reviews" variant="default">
              {t('fit.title')}
            </Button>
            {abilities.installLibrary ? (
              <Button
                variant="default"
                loading={install.isPending}
                onClick={() =>
                  install.mutate(undefined, { onSuccess: (r) => notifySuccess(t('instruments.installed', { count: r.installed.length })) })
                }
              >
                {t('instruments.install')}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={install.error} />
      {items.length === 0 ? <Text c="dimmed">{t('instruments.empty')}</Text> : <InstrumentsTable items={items} />}
      <Group justify="space-between">
        <Title order={2} size="h3">
          {teamId ? t('administrations.teamTitle') : t('administrations.title')}
        </Title>
        {teamId ? (
          <Group gap="md">
            <Anchor component={Link} to={`/assessments/new?teamId=${teamId}`}>
              {t('team.start')}
            </Anchor>
            <Anchor component={Link} to="/assessments">
              {t('administrations.all')}
            </Anchor>
          </Group>
        ) : null}
      </Group>
      <Administrations teamId={teamId} />
      <SettingsSwitch />
      {creating ? <NewInstrumentModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}
