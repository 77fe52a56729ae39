import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import type { Observation } from '../../../common/schemas/observations.ts';
import { useDiscardObservation, usePublishObservation } from '../../api/observations.ts';
import { fromZoneInput, inputZoneHint, toZoneInput } from '../../app/format.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import type { DraftContent } from './content.ts';
import { browserStorage, clearLocalDraft, writeComposer } from './draft-store.ts';
import type { useDraftAutosave } from './useDraftAutosave.ts';

/** Glows and grows, the details, then publish with a feedback meeting time (or discard the draft). */
export function FinishSection({
  observation,
  content,
  userId,
  autosave,
  onChange,
}: {
  observation: Observation;
  content: DraftContent;
  userId: string;
  autosave: ReturnType<typeof useDraftAutosave<DraftContent>>;
  onChange: <K extends keyof DraftContent>(key: K, value: DraftContent[K]) => void;
}) {
  const { t } = useTranslation('observations');
  const navigate = useNavigate();
  const publish = usePublishObservation(observation.id);
  const discard = useDiscardObservation(observation.id);
  const [meeting, setMeeting] = useState(() => toZoneInput(observation.feedbackMeetingAt));
  const [unsent, setUnsent] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const a = observation.abilities;

  const doPublish = async () => {
    setUnsent(false);
    // Everything typed goes to the server first; publishing needs the network.
    await autosave.flush();
    if (autosave.hasUnsent()) return setUnsent(true);
    publish.mutate(
      { version: autosave.currentVersion(), feedbackMeetingAt: fromZoneInput(meeting) },
      {
        onSuccess: () => {
          clearLocalDraft(browserStorage(), userId, observation.id);
          writeComposer(browserStorage(), `${userId}.${observation.id}`, '');
          notifySuccess(t('finish.published', { name: observation.observed.name }));
          window.scrollTo({ top: 0 });
        },
      },
    );
  };
  const doDiscard = () =>
    discard.mutate(autosave.currentVersion(), {
      onSuccess: () => {
        clearLocalDraft(browserStorage(), userId, observation.id);
        void navigate('/observations');
      },
    });

  return (
    <Stack gap="md">
      <Textarea
        label={t('feedback.glows')}
        description={t('feedback.glowsHelp')}
        autosize
        minRows={3}
        maxLength={OBSERVATION_LIMITS.glowsGrowsChars}
        value={content.glows}
        onChange={(e) => onChange('glows', e.currentTarget.value)}
      />
      <Textarea
        label={t('feedback.grows')}
        description={t('feedback.growsHelp')}
        autosize
        minRows={3}
        maxLength={OBSERVATION_LIMITS.glowsGrowsChars}
        value={content.grows}
        onChange={(e) => onChange('grows', e.currentTarget.value)}
      />
      <Group grow align="flex-start" className="obs-stack-on-phone">
        <TextInput
          label={t('finish.classLabel')}
          maxLength={200}
          value={content.classLabel}
          onChange={(e) => onChange('classLabel', e.currentTarget.value)}
        />
        <NumberInput
          label={t('finish.duration')}
          min={1}
          max={600}
          allowDecimal={false}
          value={content.durationMinutes ?? ''}
          onChange={(v) => onChange('durationMinutes', typeof v === 'number' ? v : null)}
        />
      </Group>
      {a.publish ? (
        <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="publish-heading">
          <Stack gap="sm">
            <Title order={2} size="h4" id="publish-heading">
              {t('finish.publishHeading')}
            </Title>
            <Text size="sm">{t('finish.publishHelp', { name: observation.observed.name })}</Text>
            <TextInput
              type="datetime-local"
              label={t('finish.meeting')}
              description={[t('finish.meetingHelp'), inputZoneHint()].filter(Boolean).join(' ')}
              value={meeting}
              onChange={(e) => setMeeting(e.currentTarget.value)}
            />
            {unsent ? (
              <Alert color="orange" role="alert">
                {t('finish.unsent')}
              </Alert>
            ) : null}
            <ErrorAlert error={publish.error} />
            <Group>
              <Button onClick={() => void doPublish()} loading={publish.isPending}>
                {t('finish.publish')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {a.discard ? (
        <Group>
          <Button variant="subtle" color="red" onClick={() => setConfirmDiscard(true)}>
            {t('finish.discard')}
          </Button>
        </Group>
      ) : null}
      <ConfirmModal
        opened={confirmDiscard}
        title={t('finish.discardTitle')}
        confirmLabel={t('finish.discardConfirm')}
        danger
        loading={discard.isPending}
        error={discard.error}
        onConfirm={doDiscard}
        onClose={() => setConfirmDiscard(false)}
      >
        {t('finish.discardBody')}
      </ConfirmModal>
    </Stack>
  );
}
