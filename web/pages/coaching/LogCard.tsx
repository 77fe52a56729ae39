import { Badge, Button, Group, Paper, Rating, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CoachingLog } from '../../../common/schemas/coaching.ts';
import { useRateLog, useShareLog, useUpdateLog } from '../../api/coaching.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { AttachmentsToggle } from '../../components/Attachments.tsx';
import { personName } from '../../components/personName.ts';

const STATUS_COLOR = { scheduled: 'blue', held: 'green', cancelled: 'gray' } as const;

/**
 * One coaching session as the reader may see it: when, what and who; notes and next steps in the full
 * view only. Coachees rate a held session and share it with their school leaders; the coach marks
 * a scheduled one held or cancelled.
 */
export function LogCard({ log, meId, highlight = false }: { log: CoachingLog; meId: string; highlight?: boolean }) {
  const { t } = useTranslation('coaching');
  const rate = useRateLog();
  const share = useShareLog();
  const update = useUpdateLog();
  const mine = log.attendees.find((a) => a.person.id === meId);
  const headingId = `log-${log.id}`;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={headingId}
      id={`session-${log.id}`}
      bg={highlight ? 'var(--mantine-color-yellow-light)' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={600} id={headingId} component="h3" size="md" m={0}>
            {t(`activity.${log.activity}`)} · {formatDateTime(log.startsAt)}
          </Text>
          <Badge color={STATUS_COLOR[log.status]} variant="light">
            {t(`logStatus.${log.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('log.meta', {
            minutes: log.durationMinutes,
            coach: personName(log.coach),
            with: log.attendees.map((a) => personName(a.person)).join(', '),
          })}
        </Text>
        {log.focusItem ? (
          <Text size="sm">
            {t('log.focus')}: {[log.focusItem.code, log.focusItem.statement].filter(Boolean).join(' ')}
          </Text>
        ) : null}
        {log.view === 'full' ? (
          <>
            {log.notes ? (
              <div>
                <Text size="sm" fw={600}>
                  {t('log.notes')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {log.notes}
                </Text>
              </div>
            ) : null}
            {log.nextSteps ? (
              <div>
                <Text size="sm" fw={600}>
                  {t('log.nextSteps')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {log.nextSteps}
                </Text>
              </div>
            ) : null}
            <AttachmentsToggle owner={`/api/coaching/logs/${log.id}`} />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('log.summaryOnly')}
          </Text>
        )}
        {log.abilities.edit && log.status === 'held'
          ? log.attendees
              .filter((a) => a.helpfulness != null)
              .map((a) => (
                <Text size="sm" key={a.person.id}>
                  {t('log.ratedBy', { name: personName(a.person), value: a.helpfulness })}
                </Text>
              ))
          : null}
        {mine && log.abilities.rate ? (
          <Group gap="sm" align="center">
            <Text size="sm" id={`rate-${log.id}`}>
              {mine.helpfulness == null ? t('log.ratePrompt') : t('log.yourRating')}
            </Text>
            <Rating
              value={mine.helpfulness ?? 0}
              onChange={(value) => rate.mutate({ id: log.id, helpfulness: value })}
              aria-labelledby={`rate-${log.id}`}
              getSymbolLabel={(value) => t('log.stars', { count: value })}
            />
            {mine.helpfulness != null ? (
              <Button size="compact-sm" variant="subtle" onClick={() => rate.mutate({ id: log.id, helpfulness: null })}>
                {t('log.clearRating')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {mine && log.abilities.share && log.status === 'held' ? (
          <Switch
            checked={mine.shared}
            onChange={(e) => share.mutate({ id: log.id, shared: e.currentTarget.checked })}
            label={t('log.share')}
            description={mine.shared && !log.sharedByAll ? t('log.waitingOthers') : t('log.shareHelp')}
          />
        ) : null}
        {log.abilities.edit && log.status === 'scheduled' ? (
          <Group gap="xs">
            <Button
              size="xs"
              onClick={() => update.mutate({ id: log.id, version: log.version, status: 'held' })}
              loading={update.isPending}
            >
              {t('log.markHeld')}
            </Button>
            <Button size="xs" variant="default" onClick={() => update.mutate({ id: log.id, version: log.version, status: 'cancelled' })}>
              {t('log.cancel')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={rate.error ?? share.error ?? update.error} />
      </Stack>
    </Paper>
  );
}
