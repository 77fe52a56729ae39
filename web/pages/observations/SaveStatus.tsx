import { Alert, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/errors.ts';
import { formatTime } from '../../app/format.ts';
import { contentAsText, type DraftContent } from './content.ts';
import type { AutosaveState } from './useDraftAutosave.ts';

/** "Saving… / Saved at 10:42 / Offline: kept on this device… / Not saved", announced politely. */
export function AutosaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  const { t } = useTranslation('observations');
  const text =
    state.kind === 'saving'
      ? t('autosave.saving')
      : state.kind === 'saved'
        ? t('autosave.savedAt', { time: formatTime(state.at) })
        : state.kind === 'offline'
          ? t('autosave.offline')
          : state.kind === 'idle'
            ? ''
            : t('autosave.notSaved');
  const bad = state.kind === 'error' || state.kind === 'conflict' || state.kind === 'published';
  return (
    <Group gap="xs" mih={24} wrap="nowrap">
      <Text
        role="status"
        aria-live="polite"
        size="sm"
        fw={bad ? 600 : 400}
        c={bad ? 'red.8' : state.kind === 'offline' ? 'orange.9' : 'dimmed'}
        data-testid="autosave-status"
      >
        {text}
      </Text>
      {state.kind === 'error' ? (
        <Button size="compact-sm" variant="subtle" onClick={onRetry}>
          {t('autosave.retry')}
        </Button>
      ) : null}
    </Group>
  );
}

/** The labels and time format the plain-text copy of a draft uses. */
export function useContentText() {
  const { t } = useTranslation('observations');
  return (c: DraftContent) =>
    contentAsText(
      c,
      { notes: t('notes.heading'), glows: t('feedback.glows'), grows: t('feedback.grows'), comments: t('copy.comments') },
      formatTime,
    );
}

function CopyText({ text }: { text: string }) {
  const { t } = useTranslation('observations');
  return (
    <CopyButton value={text}>
      {({ copied, copy }) => (
        <Button size="xs" variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy}>
          {copied ? t('copy.copied') : t('copy.copy')}
        </Button>
      )}
    </CopyButton>
  );
}

function TextBlock({ label, text }: { label: string; text: string }) {
  const { t } = useTranslation('observations');
  return (
    <Paper withBorder p="xs" radius="sm">
      <Title order={3} size="h6" mb={4}>
        {label}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} mah={240} className="obs-scroll">
        {text || t('copy.empty')}
      </Text>
    </Paper>
  );
}

/** A 409 conflict: someone saved a newer version. Both are shown; the person chooses. */
export function ConflictChoice({
  mine,
  theirs,
  onTheirs,
  onMine,
}: {
  mine: DraftContent;
  theirs: DraftContent | null;
  onTheirs: () => void;
  onMine: () => void;
}) {
  const { t } = useTranslation('observations');
  const asText = useContentText();
  return (
    <Alert color="orange" role="alert" title={t('conflict.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('conflict.body')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextBlock label={t('conflict.theirs')} text={theirs ? asText(theirs) : ''} />
          <TextBlock label={t('conflict.mine')} text={asText(mine)} />
        </SimpleGrid>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onTheirs} disabled={!theirs}>
            {t('conflict.useTheirs')}
          </Button>
          <Button size="xs" onClick={onMine}>
            {t('conflict.keepMine')}
          </Button>
          <CopyText text={asText(mine)} />
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * Changes that could not go into the draft because it was published meanwhile (or are left on
 * this device from before): kept on screen with a copy button, and explained.
 */
export function UnsentChanges({ content, onOpen, onDiscard }: { content: DraftContent; onOpen?: () => void; onDiscard?: () => void }) {
  const { t } = useTranslation('observations');
  const asText = useContentText();
  const text = asText(content);
  return (
    <Alert color="red" role="alert" title={t('published.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('published.body')}</Text>
        <TextBlock label={t('published.yourText')} text={text} />
        <Group gap="xs">
          <CopyText text={text} />
          {onOpen ? (
            <Button size="xs" variant="default" onClick={onOpen}>
              {t('published.open')}
            </Button>
          ) : null}
          {onDiscard ? (
            <Button size="xs" variant="subtle" color="red" onClick={onDiscard}>
              {t('published.discard')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Alert>
  );
}

/** A save the server refused (too long, invalid): the message, kept on this device meanwhile. */
export function RefusedSave({ error }: { error: unknown }) {
  const { t } = useTranslation('observations');
  return (
    <Alert color="red" role="alert" title={t('autosave.refusedTitle')}>
      <Text size="sm">{errorMessage(t, error)}</Text>
      <Text size="sm">{t('autosave.refusedKept')}</Text>
    </Alert>
  );
}
