import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import { CreateReplyInput, type Observation } from '../../../common/schemas/observations.ts';
import { useAcknowledgeObservation, useRecordFeedback, useReply } from '../../api/observations.ts';
import { formatDateTime, formatNumber, fromZoneInput, inputZoneHint, toZoneInput } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';

/** The teacher says they have read this revision. */
export function Acknowledge({ o }: { o: Observation }) {
  const { t } = useTranslation('observations');
  const ack = useAcknowledgeObservation(o.id);
  const done = o.acknowledgedRevision === o.revision && o.acknowledgedAt;
  if (done) return <Text size="sm">{t('ack.done', { time: formatDateTime(o.acknowledgedAt) })}</Text>;
  if (!o.abilities.acknowledge) return null;
  return (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{o.revision > 1 ? t('ack.helpRevised', { revision: formatNumber(o.revision) }) : t('ack.help')}</Text>
        <ErrorAlert error={ack.error} />
        <Button onClick={() => ack.mutate(o.revision, { onSuccess: () => notifySuccess(t('ack.thanks')) })} loading={ack.isPending}>
          {t('ack.button')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The observer schedules the feedback meeting and records it held. */
export function FeedbackMeeting({ o }: { o: Observation }) {
  const { t } = useTranslation('observations');
  const record = useRecordFeedback(o.id);
  const [meeting, setMeeting] = useState(() => toZoneInput(o.feedbackMeetingAt));
  if (!o.abilities.scheduleFeedback) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="feedback-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="feedback-heading">
          {t('meeting.heading')}
        </Title>
        {o.feedbackHeldAt ? <Text size="sm">{t('meeting.heldOn', { time: formatDateTime(o.feedbackHeldAt) })}</Text> : null}
        <Group align="flex-end" gap="xs" className="obs-stack-on-phone">
          <TextInput
            type="datetime-local"
            label={t('finish.meeting')}
            description={inputZoneHint()}
            value={meeting}
            onChange={(e) => setMeeting(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            loading={record.isPending && record.variables?.held === undefined}
            onClick={() =>
              record.mutate({ feedbackMeetingAt: fromZoneInput(meeting) }, { onSuccess: () => notifySuccess(t('meeting.scheduled')) })
            }
          >
            {t('meeting.schedule')}
          </Button>
        </Group>
        {!o.feedbackHeldAt ? (
          <Group>
            <Button
              loading={record.isPending && record.variables?.held === true}
              onClick={() => record.mutate({ held: true }, { onSuccess: () => notifySuccess(t('meeting.recorded')) })}
            >
              {t('meeting.markHeld')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={record.error} />
      </Stack>
    </Paper>
  );
}

/** The conversation under a published observation: teacher and observer reply. */
export function Replies({ o }: { o: Observation }) {
  const { t } = useTranslation('observations');
  const reply = useReply(o.id);
  const form = useForm({ initialValues: { body: '' }, ...schemaForm(CreateReplyInput, t) });
  if (!o.replies.length && !o.abilities.reply) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="replies-heading">
      <Title order={2} size="h4" id="replies-heading">
        {t('replies.heading')}
      </Title>
      {o.replies.length ? (
        <Stack gap="xs" component="ol" className="obs-plain-list">
          {o.replies.map((r) => (
            <Paper key={r.id} withBorder p="sm" radius="md" component="li">
              <Text size="xs" c="dimmed">
                {r.author.name} · {formatDateTime(r.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {r.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('replies.none')}
        </Text>
      )}
      {o.abilities.reply ? (
        <form onSubmit={form.onSubmit((input) => reply.mutate(input.body, { onSuccess: () => form.reset() }), focusFirstError)} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('replies.label')}
              autosize
              minRows={2}
              maxLength={OBSERVATION_LIMITS.replyChars}
              {...form.getInputProps('body')}
            />
            <ErrorAlert error={reply.error} />
            <Group>
              <Button type="submit" loading={reply.isPending}>
                {t('replies.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

/** Each published revision: when, by whom, why. */
export function Revisions({ o }: { o: Observation }) {
  const { t } = useTranslation('observations');
  if (!o.revisions.length) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="revisions-heading">
      <Title order={2} size="h4" id="revisions-heading">
        {t('revisions.heading')}
      </Title>
      <Stack gap={4} component="ol" className="obs-plain-list">
        {o.revisions.map((r) => (
          <li key={r.revision}>
            <Text size="sm">
              {t('revisions.line', {
                revision: formatNumber(r.revision),
                time: formatDateTime(r.createdAt),
                name: r.createdBy?.name ?? '—',
              })}
              {r.reason ? ` — ${r.reason}` : ''}
            </Text>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
