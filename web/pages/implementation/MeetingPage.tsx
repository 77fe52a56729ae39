import { Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Meeting } from '../../../common/schemas/implementation-teams.ts';
import { isApiError } from '../../api/client.ts';
import { useMeeting, useUpdateMeeting } from '../../api/implementation-teams.ts';
import { useLiveTopic } from '../../api/live.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveStatus } from '../../components/LiveStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { DataReviewPanel } from './DataReviewPanel.tsx';
import { MeetingActionReview } from '../action-plans/MeetingActionReview.tsx';
import { ActionItemsSection, DecisionsSection } from './MeetingRecords.tsx';

/**
 * Agenda and notes, saved under the meeting's version: when another member saved first, the save
 * answers 409, the page says so and shows their text (the reader's own stays in the boxes to copy).
 */
function AgendaAndNotes({ meeting, onConflict }: { meeting: Meeting; onConflict: () => void }) {
  const { t } = useTranslation('implementation');
  const save = useUpdateMeeting(meeting.team.id, meeting.id);
  const [agenda, setAgenda] = useState(meeting.agenda);
  const [notes, setNotes] = useState(meeting.notes);
  // The meeting as the boxes were filled from: when another member's save arrives (live), boxes
  // left untouched take the new text; edited ones keep the reader's, and say so.
  const [base, setBase] = useState(meeting);
  const [overtaken, setOvertaken] = useState(false);
  if (base.version !== meeting.version) {
    const untouched = agenda === base.agenda && notes === base.notes;
    // The reader's own save comes back as the same text: nothing overtaken.
    const theirOwn = agenda === meeting.agenda && notes === meeting.notes;
    if (untouched) {
      setAgenda(meeting.agenda);
      setNotes(meeting.notes);
    }
    setOvertaken(!untouched && !theirOwn);
    setBase(meeting);
  }
  if (!meeting.abilities.edit)
    return (
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('teams.meeting.agenda')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{meeting.agenda || t('teams.meeting.empty')}</Text>
        <Title order={2} size="h4">
          {t('teams.meeting.notes')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{meeting.notes || t('teams.meeting.empty')}</Text>
      </Stack>
    );
  const changed = agenda !== meeting.agenda || notes !== meeting.notes;
  return (
    <Stack gap="xs">
      <Textarea
        label={t('teams.meeting.agenda')}
        autosize
        minRows={3}
        maxLength={10_000}
        value={agenda}
        onChange={(e) => setAgenda(e.currentTarget.value)}
      />
      <Textarea
        label={t('teams.meeting.notes')}
        autosize
        minRows={5}
        maxLength={10_000}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      {overtaken && !save.error ? (
        <Text size="sm" role="status">
          {t('live:meeting.changedWhileEditing')}
        </Text>
      ) : null}
      <ErrorAlert error={save.error} />
      {isApiError(save.error, 'conflict') ? (
        <Stack gap={4} role="status">
          <Text size="sm">{t('teams.meeting.conflict')}</Text>
          <Text size="sm" fw={600}>
            {t('teams.meeting.theirAgenda')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.agenda || t('teams.meeting.empty')}
          </Text>
          <Text size="sm" fw={600}>
            {t('teams.meeting.theirNotes')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {meeting.notes || t('teams.meeting.empty')}
          </Text>
        </Stack>
      ) : null}
      <Group>
        <Button
          disabled={!changed}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { version: meeting.version, agenda, notes },
              { onSuccess: () => notifySuccess(t('teams.meeting.saved')), onError: (e) => isApiError(e, 'conflict') && onConflict() },
            )
          }
        >
          {t('teams.meeting.save')}
        </Button>
      </Group>
    </Stack>
  );
}

const MEETING_EVENTS = ['meeting.changed'] as const;

/** One meeting of an implementation team: agenda, notes, the data review, decisions and action items. */
export default function MeetingPage() {
  const { t } = useTranslation('implementation');
  const { id = '', meetingId = '' } = useParams();
  const meeting = useMeeting(id, meetingId);
  // Others' saves, decisions and action items arrive as `meeting.changed` with the new revision.
  const live = useLiveTopic(
    meeting.data ? `/api/implementation-teams/${id}/meetings/${meetingId}/live` : null,
    (e) => {
      if (e.id !== String(meeting.data?.revision)) void meeting.refetch();
    },
    MEETING_EVENTS,
  );
  if (isApiError(meeting.error, 'not_found')) return <NotFoundPage />;
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  if (!meeting.data) return <Loading />;
  const m = meeting.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/implementation-teams/${m.team.id}`} size="sm">
        {t('teams.meeting.back', { team: m.team.name })}
      </Anchor>
      <PageHeader title={t('teams.meeting.title', { team: m.team.name })} subtitle={formatDateTime(m.meetsAt)} />
      <LiveStatus mode={live} />
      <AgendaAndNotes meeting={m} onConflict={() => void meeting.refetch()} />
      <DataReviewPanel key={`review-${m.dataReview?.takenAt ?? ''}`} meeting={m} />
      <DecisionsSection meeting={m} />
      <ActionItemsSection meeting={m} />
      <MeetingActionReview teamId={m.team.id} meetingId={m.id} />
    </Stack>
  );
}
