import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateInitiative, useInitiatives } from '../../api/initiatives.ts';
import { formatNumber } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { InitiativeForm } from './InitiativeForm.tsx';

export const INITIATIVE_STATUS_COLOR: Record<string, string> = { active: 'green', archived: 'gray' };

/** Everyone's list of the district's initiatives; HR and admins start a new one here. */
export default function InitiativesPage() {
  const { t } = useTranslation('implementation');
  const { t: tOutcomes } = useTranslation('outcomes');
  const { t: tAssessments } = useTranslation('assessments');
  const list = useInitiatives();
  const create = useCreateInitiative();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  usePageTitle(t('initiatives.title'));
  const items = list.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('initiatives.title')}
        subtitle={t('initiatives.intro')}
        actions={list.data?.abilities.create && <Button onClick={() => setCreating(true)}>{t('initiatives.new')}</Button>}
      />
      <Group gap="md">
        {list.data?.abilities.create ? (
          <>
            <Anchor component={Link} to="/dashboards/district">
              {tOutcomes('dashboard.districtTitle')}
            </Anchor>
            <Anchor component={Link} to="/outcomes">
              {tOutcomes('measures.title')}
            </Anchor>
          </>
        ) : null}
        {/* Team assessments: every staff member may score alone or sit on a team that reviews together. */}
        <Anchor component={Link} to="/assessments">
          {tAssessments('instruments.title')}
        </Anchor>
        <Anchor component={Link} to="/assessments/fit-reviews">
          {tAssessments('fit.title')}
        </Anchor>
      </Group>
      <ErrorAlert error={list.error} />
      {!list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('initiatives.empty')}</Text>
      ) : (
        <ScrollRegion label={t('initiatives.title')}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('initiatives.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {(['name', 'partner', 'schools', 'status'] as const).map((col) => (
                  <Table.Th key={col} scope="col">
                    {t(`initiatives.col.${col}`)}
                  </Table.Th>
                ))}
                {list.data.abilities.create && <Table.Th scope="col">{t('initiatives.col.setup')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/initiatives/${i.id}`}>
                      {i.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{i.partnerName ?? '—'}</Table.Td>
                  <Table.Td>{formatNumber(i.schoolCount)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={INITIATIVE_STATUS_COLOR[i.status]}>
                      {t(`initiatives.status.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  {list.data.abilities.create && (
                    <Table.Td>
                      <Anchor component={Link} to={`/initiatives/${i.id}/setup`} aria-label={t('initiatives.setupOf', { name: i.name })}>
                        {t('initiatives.setup')}
                      </Anchor>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <AppModal opened={creating} onClose={() => setCreating(false)} title={t('initiatives.new')}>
        <Text size="sm" mb="sm">
          {t('initiatives.newHelp')}
        </Text>
        <InitiativeForm
          initiative={null}
          saving={create.isPending}
          onCancel={() => setCreating(false)}
          onSave={async (input) => {
            const created = await create.mutateAsync(input);
            notifySuccess(t('initiatives.created'));
            setCreating(false);
            void navigate(`/initiatives/${created.id}/setup`);
          }}
        />
      </AppModal>
    </Stack>
  );
}
