import { Anchor, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSchoolStages } from '../../api/initiative-stages.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { BulkMoveModal } from './BulkMoveModal.tsx';
import { SchoolStageDrawer } from './SchoolStageDrawer.tsx';
import { SuggestionBadge } from './SuggestionBadge.tsx';

/**
 * /initiatives/:id/stages: where each covered school (and the district) stands, its checklist
 * progress and the full-implementation suggestion; a row opens the school's checklist, move form
 * and history. Schools the reader acts for can be moved together (a wave).
 */
export default function StagesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('implementation');
  const stages = useSchoolStages(id);
  // `?school=` (the dashboards link a school's stage) opens that school's checklist.
  const [open, setOpen] = useState<string | null>(() => new URLSearchParams(window.location.search).get('school'));
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState(false);
  if (stages.error) return <ErrorAlert error={stages.error} />;
  if (!stages.data) return <Loading />;
  const { items, initiative } = stages.data;
  const actable = items.filter((i) => i.abilities.act);
  const toggle = (orgUnitId: string, on: boolean) => setSelected((s) => (on ? [...s, orgUnitId] : s.filter((x) => x !== orgUnitId)));
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('stagesPage.title', { name: initiative.name })}
        subtitle={t('stagesPage.intro')}
        actions={
          <>
            <Button component={Link} to={`/initiatives/${id}/stages/checklists`} variant="default">
              {t('stagesPage.checklists')}
            </Button>
            <Button component={Link} to={`/initiatives/${id}/pdsa`} variant="default">
              {t('stagesPage.pdsaLink')}
            </Button>
          </>
        }
      />
      {actable.length > 0 ? (
        <Group>
          <Button disabled={selected.length === 0} onClick={() => setBulk(true)}>
            {t('stagesPage.bulk.open', { count: selected.length })}
          </Button>
        </Group>
      ) : null}
      {items.length === 0 ? (
        <Text c="dimmed">{t('stagesPage.empty')}</Text>
      ) : (
        <ScrollRegion label={t('stagesPage.tableLabel')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                {actable.length > 0 ? <Table.Th>{t('stagesPage.select')}</Table.Th> : null}
                <Table.Th>{t('stagesPage.school')}</Table.Th>
                <Table.Th>{t('stagesPage.stage')}</Table.Th>
                <Table.Th>{t('stagesPage.progress')}</Table.Th>
                <Table.Th>{t('stagesPage.suggestion.heading')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.orgUnitId}>
                  {actable.length > 0 ? (
                    <Table.Td>
                      {row.abilities.act ? (
                        <Checkbox
                          aria-label={t('stagesPage.selectSchool', { name: row.orgUnitName })}
                          checked={selected.includes(row.orgUnitId)}
                          onChange={(e) => toggle(row.orgUnitId, e.currentTarget.checked)}
                        />
                      ) : null}
                    </Table.Td>
                  ) : null}
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setOpen(row.orgUnitId)}>
                      {row.isDistrict ? t('stagesPage.districtRow', { name: row.orgUnitName }) : row.orgUnitName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`stages.${row.stage}`)}</Table.Td>
                  <Table.Td>{t('stagesPage.progressValue', { count: row.progress.total, done: row.progress.done })}</Table.Td>
                  <Table.Td>
                    <SuggestionBadge suggestion={row.suggestFull} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {open ? <SchoolStageDrawer initiativeId={id} orgUnitId={open} onClose={() => setOpen(null)} /> : null}
      {bulk ? (
        <BulkMoveModal
          initiativeId={id}
          schools={items.filter((i) => selected.includes(i.orgUnitId))}
          onClose={(moved) => {
            setBulk(false);
            if (moved) setSelected([]);
          }}
        />
      ) : null}
    </Stack>
  );
}
