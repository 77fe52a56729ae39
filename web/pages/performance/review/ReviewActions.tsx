import { Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../../common/schemas/performance-review.ts';
import { acknowledgeReview, completeReview, reopenReview, saveReflection } from '../../../api/performance-review.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ConflictAlert, SaveError, SaveStatus } from './PlanChrome.tsx';
import { useAutosave } from './useAutosave.ts';

/** Where the review stands, in one sentence. */
export function StatusBanner({ review }: { review: Review }) {
  const { t } = useTranslation('performance');
  const { status } = review.plan;
  const text =
    status === 'acknowledged'
      ? t('review.banner.acknowledged', { when: formatDateTime(review.acknowledgedAt) })
      : status === 'reviewed'
        ? t('review.banner.reviewed', { when: formatDateTime(review.reviewedAt) })
        : status === 'signed'
          ? t('review.banner.inProgress')
          : t('review.banner.notYet');
  return (
    <Alert
      color={status === 'acknowledged' ? 'teal' : status === 'reviewed' ? 'blue' : 'gray'}
      role="status"
      title={t(`review.status.${status}`, { defaultValue: status })}
    >
      {text}
    </Alert>
  );
}

/** A button that runs one review action and hands the result up, showing a refusal in place. */
function useAction(onDone: (r: Review) => void) {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const run = async (call: () => Promise<Review>) => {
    setPending(true);
    setError(null);
    try {
      onDone(await call());
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return { error, pending, run };
}

/** The supervisor completes the review, or reopens a completed one with a reason. */
export function SupervisorActions({ review, version, onDone }: { review: Review; version: number; onDone: (r: Review) => void }) {
  const { t } = useTranslation('performance');
  const action = useAction(onDone);
  const [reason, setReason] = useState('');
  if (!review.abilities.complete && !review.abilities.reopen) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <ErrorAlert error={action.error} />
        {review.abilities.complete ? (
          <>
            <Text size="sm">{t('review.completeHelp')}</Text>
            <Group>
              <Button loading={action.pending} onClick={() => void action.run(() => completeReview(review.plan.id, version))}>
                {t('review.complete')}
              </Button>
            </Group>
          </>
        ) : null}
        {review.abilities.reopen ? (
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('review.reopenReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              maxLength={2000}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button
              variant="default"
              loading={action.pending}
              disabled={!reason.trim()}
              onClick={() => void action.run(() => reopenReview(review.plan.id, { version, reason }))}
            >
              {t('review.reopen')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The person's side: their reflection (saved as they type) and the acknowledgment with a response. */
export function PersonSide({ review, onSaved, onDone }: { review: Review; onSaved: (r: Review) => void; onDone: (r: Review) => void }) {
  const { t } = useTranslation('performance');
  const [reflection, setReflection] = useState(review.personReflection);
  const [response, setResponse] = useState('');
  const action = useAction(onDone);
  const save = useAutosave<string>(async (text, version) => {
    const saved = await saveReflection(review.plan.id, { version, personReflection: text });
    onSaved(saved);
    return saved.plan.version;
  }, review.plan.version);
  const theirs = save.state.kind === 'conflict' ? (save.state.theirs as Review | null) : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="person-side">
      <Stack gap="sm">
        <Title order={2} size="h4" id="person-side">
          {t('review.yourSide')}
        </Title>
        {save.state.kind === 'conflict' ? (
          <ConflictAlert
            onTheirs={() => {
              if (theirs) setReflection(theirs.personReflection);
              save.resolve(theirs?.plan.version ?? save.version.current, null);
            }}
            onMine={() => save.resolve(theirs?.plan.version ?? save.version.current, reflection)}
          />
        ) : null}
        <SaveError state={save.state} />
        <Textarea
          label={t('review.reflection')}
          description={t('review.reflectionHelp')}
          autosize
          minRows={4}
          value={reflection}
          readOnly={!review.abilities.reflect}
          onChange={(e) => {
            setReflection(e.currentTarget.value);
            save.schedule(e.currentTarget.value);
          }}
        />
        {review.abilities.reflect ? <SaveStatus state={save.state} onRetry={() => void save.flush()} /> : null}
        {review.acknowledgedAt ? (
          <Text size="sm">
            {review.acknowledgmentResponse ? t('review.yourResponse', { response: review.acknowledgmentResponse }) : t('review.noResponse')}
          </Text>
        ) : null}
        {review.abilities.acknowledge ? (
          <Stack gap="xs">
            <Alert color="blue">{t('review.notAgreeing')}</Alert>
            <ErrorAlert error={action.error} />
            <Textarea
              label={t('review.response')}
              autosize
              minRows={3}
              value={response}
              onChange={(e) => setResponse(e.currentTarget.value)}
            />
            <Text size="xs" c="dimmed">
              {t('review.noAttachment')}
            </Text>
            <Group>
              <Button
                loading={action.pending}
                onClick={() =>
                  void action.run(async () => {
                    await save.flush();
                    return acknowledgeReview(review.plan.id, { version: save.version.current, response: response || undefined });
                  })
                }
              >
                {t('review.acknowledge')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
