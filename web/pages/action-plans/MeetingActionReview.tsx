import { Anchor, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMeetingActionReview } from '../../api/action-plans.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { personName } from '../../components/personName.ts';
import { ItemDates } from './ActionPlanPage.tsx';
import { ItemStatusBadge } from './StatusBadge.tsx';

/** On a meeting page: the team's action plan items due for review by the meeting's day, and those reviewed at it. */
export function MeetingActionReview({ teamId, meetingId }: { teamId: string; meetingId: string }) {
  const { t } = useTranslation('actionPlans');
  const review = useMeetingActionReview(teamId, meetingId);
  if (review.error) return <ErrorAlert error={review.error} />;
  if (!review.data) return null;
  const { due, reviewed } = review.data;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('meeting.title')}
      </Title>
      {due.length === 0 ? (
        <Text c="dimmed">{t('meeting.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('plan.problem')}</Table.Th>
                <Table.Th>{t('plan.owner')}</Table.Th>
                <Table.Th>{t('plan.reviewOn')}</Table.Th>
                <Table.Th>{t('plan.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/action-plans/${item.planId}/items/${item.id}?meeting=${meetingId}`}>
                      {item.problem}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t('meeting.plan')}: {item.planTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>{personName(item.owner)}</Table.Td>
                  <Table.Td>
                    <ItemDates item={item} />
                  </Table.Td>
                  <Table.Td>
                    <ItemStatusBadge status={item.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {reviewed.length > 0 ? (
        <>
          <Text fw={600}>{t('meeting.reviewedHere')}</Text>
          <List>
            {reviewed.map((r) => (
              <List.Item key={r.id}>
                <Text size="sm" fw={600}>
                  {r.problem}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.note}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}
