import { Button, List, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIDELITY_MIN_GROUP } from '../../../common/implementation.ts';
import type { Meeting } from '../../../common/schemas/implementation-teams.ts';
import { useTakeDataReview } from '../../api/implementation-teams.ts';
import { formatDateTime, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

const percent = (value: number) => `${formatNumber(value)} %`;

/**
 * The meeting's data review: the snapshot it took (fidelity, observations, coaching, training over
 * the last 90 days, in sentences with formatted numbers, and the work samples discussed), and for
 * members the button that takes it (again).
 */
export function DataReviewPanel({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('implementation');
  const take = useTakeDataReview(meeting.team.id, meeting.id);
  const review = meeting.dataReview;
  const [workSamples, setWorkSamples] = useState(review?.workSamples ?? '');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('teams.meeting.dataReview')}
        </Title>
        {review ? (
          <>
            <Text size="sm" c="dimmed">
              {t('teams.meeting.takenAt', { at: formatDateTime(review.takenAt) })}
            </Text>
            <List spacing={4}>
              <List.Item>
                {t('teams.meeting.fidelityChecks', { count: review.fidelity.checks, n: formatNumber(review.fidelity.checks) })}
              </List.Item>
              <List.Item>
                {review.fidelity.suppressed
                  ? t('overview.atFidelitySuppressed', { min: FIDELITY_MIN_GROUP })
                  : review.fidelity.atFidelityPct === null
                    ? t('teams.meeting.atFidelityNone')
                    : t('teams.meeting.atFidelity', { pct: percent(review.fidelity.atFidelityPct) })}
              </List.Item>
              <List.Item>
                {t('teams.meeting.observations', { count: review.observations.published, n: formatNumber(review.observations.published) })}
              </List.Item>
              <List.Item>
                {t('teams.meeting.coaching', {
                  count: review.coaching.sessions,
                  n: formatNumber(review.coaching.sessions),
                  people: t('teams.meeting.people', { count: review.coaching.people, n: formatNumber(review.coaching.people) }),
                })}
              </List.Item>
              <List.Item>
                {t('teams.meeting.training', {
                  count: review.training.sessions,
                  n: formatNumber(review.training.sessions),
                  attended: t('teams.meeting.attendances', { count: review.training.attended, n: formatNumber(review.training.attended) }),
                })}
              </List.Item>
            </List>
            {review.fidelity.byComponent.length ? (
              <Table.ScrollContainer minWidth={320}>
                <Table striped>
                  <Table.Caption>{t('teams.meeting.byComponentCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('teams.meeting.component')}</Table.Th>
                      <Table.Th>{t('teams.meeting.averageScore')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {review.fidelity.byComponent.map((c) => (
                      <Table.Tr key={c.itemId}>
                        <Table.Td>{c.title}</Table.Td>
                        <Table.Td>
                          {c.suppressed
                            ? t('fidelity.suppressed', { min: FIDELITY_MIN_GROUP })
                            : c.averagePct === null
                              ? t('teams.meeting.noChecks')
                              : percent(c.averagePct)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
            <Text fw={600} size="sm">
              {t('teams.meeting.workSamples')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={review.workSamples ? undefined : 'dimmed'}>
              {review.workSamples || t('teams.meeting.noWorkSamples')}
            </Text>
          </>
        ) : (
          <Text c="dimmed">{t('teams.meeting.noReview')}</Text>
        )}
        {meeting.abilities.edit ? (
          <Stack gap="xs">
            <Textarea
              label={t('teams.meeting.workSamples')}
              description={t('teams.meeting.workSamplesHelp')}
              autosize
              minRows={2}
              maxLength={10_000}
              value={workSamples}
              onChange={(e) => setWorkSamples(e.currentTarget.value)}
            />
            <ErrorAlert error={take.error} />
            <Button
              variant={review ? 'default' : 'filled'}
              loading={take.isPending}
              onClick={() => take.mutate({ version: meeting.version, workSamples })}
              style={{ alignSelf: 'flex-start' }}
            >
              {review ? t('teams.meeting.retakeReview') : t('teams.meeting.takeReview')}
            </Button>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
