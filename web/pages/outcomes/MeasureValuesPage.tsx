import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useMeasureValues } from '../../api/outcomes.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { planFromSourceUrl } from '../action-plans/sourceLink.ts';
import { outcomeText } from './OutcomeFigure.tsx';

/**
 * /outcomes/measures/:id[?school=]: the records behind an outcome figure, school by school and
 * period by period (one school with `?school=`). Small groups read "fewer than N students". A shown
 * value offers "Plan an action" to whoever writes the action plans of a team that may plan from it.
 */
export default function MeasureValuesPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const school = params.get('school');
  const { t } = useTranslation('outcomes');
  const values = useMeasureValues(id, school);
  if (isApiError(values.error, 'not_found') || isApiError(values.error, 'forbidden')) return <NotAllowed />;
  if (values.error) return <ErrorAlert error={values.error} />;
  if (!values.data) return <Loading />;
  const v = values.data;
  return (
    <Stack gap="lg">
      <PageHeader title={v.measure.name} subtitle={v.measure.description || undefined} />
      <Text size="sm">{t('values.note', { count: v.minCount })}</Text>
      {school ? null : (
        <Anchor component={Link} to="/outcomes">
          {t('measures.title')}
        </Anchor>
      )}
      {v.schools.length === 0 ? (
        <Text>{t('values.empty')}</Text>
      ) : (
        <ScrollRegion label={t('values.table', { name: v.measure.name })}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('values.school')}</Table.Th>
                {v.periods.map((p) => (
                  <Table.Th key={p.id} scope="col" title={`${formatDate(p.startsOn)} – ${formatDate(p.endsOn)}`}>
                    {p.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.schools.map((s) => (
                <Table.Tr key={s.orgUnitId}>
                  <Table.Th scope="row">{s.name}</Table.Th>
                  {v.periods.map((p) => {
                    const f = s.figures.find((x) => x.periodId === p.id);
                    return (
                      <Table.Td key={p.id}>
                        {outcomeText(t, f, v.measure.unit, v.minCount)}
                        {s.planActions && f && !f.suppressed ? (
                          <Anchor
                            component={Link}
                            to={planFromSourceUrl({ kind: 'survey_result', id: v.measure.id, orgUnitId: s.orgUnitId, periodId: p.id })}
                            aria-label={t('values.planFor', { school: s.name, period: p.label })}
                            size="xs"
                            display="block"
                          >
                            {t('values.plan')}
                          </Anchor>
                        ) : null}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
