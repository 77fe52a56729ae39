import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { schoolYearOf } from '../../../common/schemas/settings.ts';
import { EVALUATORS_TEMPLATE_CSV, useBulkAssignEvaluator, useEvaluators, useImportEvaluators } from '../../api/evaluators.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber, todayIso } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { CsvImportModal } from '../teams/CsvImportModal.tsx';

const LIMIT = 50;

/** Last year, this year and next ("2026-27"). */
function yearChoices(thisYear: string): string[] {
  const start = Number(thisYear.slice(0, 4));
  return [start - 1, start, start + 1].map((y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`);
}

/** HR: who evaluates whom in a school year; pick people and give them one evaluator at once. */
export default function EvaluatorsPage() {
  const { t } = useTranslation('pathways');
  const me = useMe();
  const isPhone = useIsPhone();
  const thisYear = schoolYearOf(todayIso());
  const [url, setUrl] = useUrlState({ year: thisYear, orgUnitId: '', offset: '0' });
  const schoolYear = yearChoices(thisYear).includes(url.year) ? url.year : thisYear;
  const offset = Number(url.offset) || 0;
  const units = useAllOrgUnits();
  const list = useEvaluators({ schoolYear, orgUnitId: url.orgUnitId || undefined, limit: LIMIT, offset });
  const bulk = useBulkAssignEvaluator();
  const [selected, setSelected] = useState<string[]>([]);
  const [evaluatorId, setEvaluatorId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const importEvaluators = useImportEvaluators();
  if (!me.abilities.managePeople) return <NotAllowed />;

  const items = list.data?.items ?? [];
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const assign = () =>
    bulk.mutate(
      { schoolYear, evaluatorPersonId: evaluatorId!, personIds: selected },
      {
        onSuccess: (r) => {
          setSelected([]);
          notifySuccess(t('evaluators.assigned', { count: r.assigned, formatted: formatNumber(r.assigned) }));
        },
      },
    );
  const source = (s: 'assigned' | 'computed' | 'none') => (
    <Badge variant="light" color={s === 'assigned' ? 'blue' : s === 'computed' ? 'gray' : 'red'}>
      {t(`evaluators.sourceShort.${s}`)}
    </Badge>
  );
  const check = (id: string, name: string) => (
    <Checkbox aria-label={t('evaluators.select', { name })} checked={selected.includes(id)} onChange={() => toggle(id)} />
  );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/people" size="sm">
        {t('evaluators.back')}
      </Anchor>
      <PageHeader
        title={t('evaluators.title')}
        subtitle={t('evaluators.intro')}
        actions={
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('evaluators.import')}
          </Button>
        }
      />
      <CsvImportModal
        opened={importing}
        onClose={() => setImporting(false)}
        templateUrl={EVALUATORS_TEMPLATE_CSV}
        mutation={importEvaluators}
        help={t('evaluators.importHelp')}
      />
      <Group align="flex-end" gap="sm" role="search" aria-label={t('evaluators.filters')}>
        <NativeSelect
          label={t('evaluators.schoolYear')}
          value={schoolYear}
          data={yearChoices(thisYear)}
          onChange={(e) => (setUrl({ year: e.currentTarget.value, offset: '0' }), setSelected([]))}
        />
        <NativeSelect
          label={t('evaluators.school')}
          value={url.orgUnitId}
          data={[
            { value: '', label: t('evaluators.allSchools') },
            ...(units.data?.items ?? []).filter((u) => u.type === 'school').map((u) => ({ value: u.id, label: u.name })),
          ]}
          onChange={(e) => (setUrl({ orgUnitId: e.currentTarget.value, offset: '0' }), setSelected([]))}
        />
      </Group>
      <Paper withBorder p="sm" maw={640}>
        <Stack gap="xs">
          <Text size="sm">{t('evaluators.selected', { count: selected.length, formatted: formatNumber(selected.length) })}</Text>
          <ErrorAlert error={bulk.error} />
          <PersonPicker label={t('evaluators.assignTo')} value={evaluatorId} onChange={setEvaluatorId} />
          <Group>
            <Button onClick={assign} disabled={!evaluatorId || selected.length === 0} loading={bulk.isPending}>
              {t('evaluators.assign')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ErrorAlert error={list.error} />
      {!list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('evaluators.empty')}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('evaluators.title')}>
          {items.map((i) => (
            <Paper component="li" key={i.personId} withBorder p="sm">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  {check(i.personId, i.personName)}
                  <Anchor component={Link} to={`/people/${i.personId}`}>
                    {i.personName}
                  </Anchor>
                </Group>
                {source(i.source)}
              </Group>
              <Text size="sm">{i.primaryOrgUnitName ?? ''}</Text>
              <Text size="sm">{t('evaluators.evaluatorIs', { name: i.evaluator?.name ?? t('evaluator.none') })}</Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <ScrollRegion label={t('evaluators.title')}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('evaluators.caption', { year: schoolYear })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('evaluators.selectColumn')}</VisuallyHidden>
                </Table.Th>
                <Table.Th scope="col">{t('evaluators.person')}</Table.Th>
                <Table.Th scope="col">{t('evaluators.school')}</Table.Th>
                <Table.Th scope="col">{t('evaluator.evaluator')}</Table.Th>
                <Table.Th scope="col">{t('evaluators.how')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.personId}>
                  <Table.Td>{check(i.personId, i.personName)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${i.personId}`}>
                      {i.personName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.primaryOrgUnitName ?? ''}</Table.Td>
                  <Table.Td>{i.evaluator?.name ?? t('evaluator.none')}</Table.Td>
                  <Table.Td>{source(i.source)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {list.data ? <Pager offset={offset} limit={LIMIT} total={list.data.total} onChange={(o) => setUrl({ offset: String(o) })} /> : null}
    </Stack>
  );
}
