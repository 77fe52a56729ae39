import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOverdueReviews } from '../../api/coaching-reviews.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { personName } from '../../components/personName.ts';

/** Plan reviews past their date with none recorded: a coach's own, a school leader's schools', all for HR and admins. Hidden when none. */
export function OverdueReviewsSection() {
  const { t } = useTranslation('coaching');
  const overdue = useOverdueReviews();
  if (overdue.error) return <ErrorAlert error={overdue.error} />;
  if (!overdue.data) return <Loading />;
  if (overdue.data.items.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="overdue-reviews-title">
      <Title order={2} size="h3" id="overdue-reviews-title">
        {t('review.overdueTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('review.overdueHelp', { count: overdue.data.items.length })}
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('review.plan')}</Table.Th>
              <Table.Th scope="col">{t('review.reviewDate')}</Table.Th>
              <Table.Th scope="col">{t('review.coach')}</Table.Th>
              <Table.Th scope="col">{t('plan.members')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overdue.data.items.map((o) => (
              <Table.Tr key={`${o.planId}-${o.reviewDate}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/coaching/plans/${o.planId}`}>
                    {o.planTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(o.reviewDate)}</Table.Td>
                <Table.Td>{personName(o.coach)}</Table.Td>
                <Table.Td>{o.members.map(personName).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
