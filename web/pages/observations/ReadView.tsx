import { Button, Divider, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '../../../common/schemas/observations.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { type DraftContent } from './content.ts';
import { browserStorage, clearLocalDraft, readLocalDraft } from './draft-store.ts';
import { FeedbackDue, ObservationHeader } from './ObservationHeader.tsx';
import { PublishedContent } from './PublishedContent.tsx';
import { Acknowledge, FeedbackMeeting, Replies, Revisions } from './ReadActions.tsx';
import { RevisePanel } from './RevisePanel.tsx';
import { UnsentChanges } from './SaveStatus.tsx';

/**
 * A published observation. The teacher acknowledges and replies; the observer schedules and
 * records the feedback meeting and revises. Changes typed on this device that never reached the
 * draft before it was published stay on screen (copy, revise with them, or discard).
 */
export function ReadView({ o, userId }: { o: Observation; userId: string }) {
  const { t } = useTranslation('observations');
  const [unsent, setUnsent] = useState(() => {
    const local = readLocalDraft<DraftContent>(browserStorage(), userId, o.id);
    return local?.pending ? local.content : null;
  });
  const [revising, setRevising] = useState<{ from?: DraftContent } | null>(null);
  const discardUnsent = () => {
    clearLocalDraft(browserStorage(), userId, o.id);
    setUnsent(null);
  };

  return (
    <Stack gap="md">
      <ObservationHeader o={o} />
      <FeedbackDue o={o} />
      {unsent && !revising ? (
        <Stack gap="xs">
          <UnsentChanges content={unsent} onDiscard={discardUnsent} />
          {o.abilities.revise ? (
            <Group>
              <Button variant="default" onClick={() => setRevising({ from: unsent })}>
                {t('published.reviseWithMine')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ) : null}
      <Acknowledge o={o} />
      {revising ? (
        <RevisePanel
          o={o}
          userId={userId}
          initial={revising.from}
          onDone={(revised) => {
            if (revised && revising.from) discardUnsent();
            setRevising(null);
          }}
        />
      ) : (
        <>
          {o.abilities.revise ? (
            <Group>
              <Button variant="default" onClick={() => setRevising({})}>
                {t('revise.start')}
              </Button>
            </Group>
          ) : null}
          <PublishedContent o={o} />
        </>
      )}
      <FeedbackMeeting o={o} />
      <Attachments owner={`/api/observations/${o.id}`} headingOrder={2} />
      <Divider />
      <Replies o={o} />
      <Revisions o={o} />
    </Stack>
  );
}
