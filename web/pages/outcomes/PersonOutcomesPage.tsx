import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { usePersonOutcomes } from '../../api/outcomes.ts';
import { useMe } from '../../api/session.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { outcomeText } from './OutcomeFigure.tsx';

/**
 * /people/:id/outcomes: a teacher's own outcome values, measure by measure and period by period,
 * for the teacher, their evaluator, their coaches, HR and admins; only where the district keeps
 * values per teacher. A group under the district's minimum reads "fewer than N students".
 */
export default function PersonOutcomesPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('outcomes');
  const me = useMe();
  const outcomes = usePersonOutcomes(id);
  if (isApiError(outcomes.error, 'not_found') || isApiError(outcomes.error, 'forbidden')) return <NotAllowed />;
  if (outcomes.error) return <ErrorAlert error={outcomes.error} />;
  if (!outcomes.data) return <Loading />;
  const o = outcomes.data;
  const own = o.person.id === me.person.id;
  return (
    <Stack gap="lg">
      <PageHeader title={own ? t('person.mineTitle') : t('person.title', { name: o.person.name })} subtitle={t('person.subtitle')} />
      <Anchor component={Link} to={`/people/${o.person.id}`}>
        {t('person.back', { name: o.person.name })}
      </Anchor>
      {!o.perTeacherAllowed ? (
        <Text>{t('person.notKept')}</Text>
      ) : o.measures.length === 0 ? (
        <Text>{t('person.empty')}</Text>
      ) : (
        <>
          <Text size="sm">{t('person.note', { count: o.minCount })}</Text>
          {o.measures.map((m) => (
            <Stack key={m.measureId} gap="xs" component="section" aria-labelledby={`measure-${m.measureId}`}>
              <Title order={2} size="h4" id={`measure-${m.measureId}`}>
                {m.name}
              </Title>
              <Text size="sm" c="dimmed">
                {m.higherIsBetter ? t('measures.higher') : t('measures.lower')}
              </Text>
              <ScrollRegion label={t('person.table', { name: m.name })}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('dashboard.period')}</Table.Th>
                      <Table.Th scope="col">{t('values.school')}</Table.Th>
                      <Table.Th scope="col">{t('dashboard.figure')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {m.points.map((p) => (
                      <Table.Tr key={`${p.period.id}-${p.school.id}`}>
                        <Table.Th scope="row" title={`${formatDate(p.period.startsOn)} – ${formatDate(p.period.endsOn)}`}>
                          {p.period.label}
                        </Table.Th>
                        <Table.Td>{p.school.name}</Table.Td>
                        <Table.Td>{outcomeText(t, p, m.unit, o.minCount)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollRegion>
            </Stack>
          ))}
        </>
      )}
    </Stack>
  );
}
