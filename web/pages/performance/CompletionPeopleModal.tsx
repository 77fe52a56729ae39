import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MissingKind } from '../../../common/schemas/performance-views.ts';
import { useCompletionPeople } from '../../api/performance-views.ts';
import { formatDate } from '../../app/format.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';

/** The people behind a completion count (who has not self-assessed, unsigned plans, overdue check-ins). */
export function CompletionPeopleModal(props: {
  cycleId: string;
  orgUnitId: string | undefined;
  school: string;
  missing: MissingKind;
  onClose: () => void;
}) {
  const { t } = useTranslation('performance');
  const people = useCompletionPeople(props.cycleId, props.orgUnitId, props.missing);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <AppModal
      opened
      onClose={props.onClose}
      title={`${t('views.people.title', { what: t(`views.missing.${props.missing}`) })} · ${props.school}`}
    >
      <Stack>
        {people.error ? <ErrorAlert error={people.error} /> : null}
        {!people.data ? (
          <Loading />
        ) : items.length === 0 ? (
          <Text>{t('views.people.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('views.people.name')}</Table.Th>
                  <Table.Th scope="col">{t('views.people.evaluator')}</Table.Th>
                  <Table.Th scope="col">{t('views.people.status')}</Table.Th>
                  {props.missing === 'check_in' ? <Table.Th scope="col">{t('views.people.nextCheckIn')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.planId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/performance/plans/${p.planId}`}>
                        {p.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.evaluatorName ?? '—'}</Table.Td>
                    <Table.Td>{t(`views.status.${p.status}`)}</Table.Td>
                    {props.missing === 'check_in' ? <Table.Td>{formatDate(p.nextCheckInOn)}</Table.Td> : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {people.hasNextPage ? (
          <Button variant="default" loading={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()}>
            {t('views.people.more')}
          </Button>
        ) : null}
      </Stack>
    </AppModal>
  );
}
