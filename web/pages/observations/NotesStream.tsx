import { Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import { formatTime } from '../../app/format.ts';
import { newId, type DraftContent } from './content.ts';
import { browserStorage, readComposer, writeComposer } from './draft-store.ts';

type Note = DraftContent['notes'][number];

/** The competencies a note can be tagged with: `{ value: itemId, label: "1.2 Statement" }`. */
export type CompetencyOption = { value: string; label: string };

function NoteRow({
  note,
  competencies,
  onChange,
  onRemove,
}: {
  note: Note;
  competencies: CompetencyOption[];
  onChange: (note: Note) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('observations');
  const time = formatTime(note.notedAt);
  return (
    <Paper withBorder p="xs" radius="sm" component="li">
      <Stack gap={6}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Text size="xs" c="dimmed" mt={8} miw={44} component="time" dateTime={note.notedAt}>
            {time}
          </Text>
          <Textarea
            aria-label={t('notes.noteAt', { time })}
            autosize
            minRows={1}
            maxLength={OBSERVATION_LIMITS.noteChars}
            value={note.body}
            onChange={(e) => onChange({ ...note, body: e.currentTarget.value })}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Group>
        <Group gap="xs" wrap="nowrap">
          {competencies.length ? (
            <Select
              aria-label={t('notes.tagFor', { time })}
              placeholder={t('notes.noTag')}
              data={competencies}
              value={note.itemId}
              onChange={(value) => onChange({ ...note, itemId: value })}
              clearable
              searchable
              size="xs"
              style={{ flex: 1, minWidth: 0 }}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <span style={{ flex: 1 }} />
          )}
          <Button size="compact-sm" variant="subtle" color="red" onClick={onRemove} aria-label={t('notes.removeAt', { time })}>
            {t('notes.remove')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Timestamped notes typed while observing: Enter adds the note (Shift+Enter starts a new line),
 * each can be tagged with a competency. The box to type in stays at the bottom of the screen,
 * within reach of the thumb.
 */
export function NotesStream({
  draftKey,
  notes,
  competencies,
  onChange,
}: {
  /** Where the note being typed is kept on this device (user and observation). */
  draftKey: string;
  notes: Note[];
  competencies: CompetencyOption[];
  onChange: (notes: Note[]) => void;
}) {
  const { t } = useTranslation('observations');
  const [text, setTextState] = useState(() => readComposer(browserStorage(), draftKey));
  const setText = (value: string) => {
    setTextState(value);
    writeComposer(browserStorage(), draftKey, value);
  };
  const [tag, setTag] = useState<string | null>(null);
  const full = notes.length >= OBSERVATION_LIMITS.notesPerObservation;

  const add = () => {
    const body = text.trim();
    if (!body || full) return;
    onChange([...notes, { id: newId(), notedAt: new Date().toISOString(), body, itemId: tag }]);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      add();
    }
  };

  return (
    <Stack gap="sm">
      {notes.length ? (
        <Stack gap="xs" component="ol" className="obs-notes" aria-label={t('notes.heading')}>
          {notes.map((note, i) => (
            <NoteRow
              key={note.id}
              note={note}
              competencies={competencies}
              onChange={(next) => onChange(notes.map((n, j) => (j === i ? next : n)))}
              onRemove={() => onChange(notes.filter((_, j) => j !== i))}
            />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {t('notes.empty')}
        </Text>
      )}
      <Paper className="obs-composer" p="xs" withBorder radius="sm">
        <Stack gap={6}>
          <Textarea
            label={t('notes.new')}
            description={t('notes.newHelp')}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={OBSERVATION_LIMITS.noteChars}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            disabled={full}
            error={full ? t('notes.full', { max: OBSERVATION_LIMITS.notesPerObservation }) : undefined}
          />
          <Group gap="xs" wrap="nowrap" align="flex-end">
            {competencies.length ? (
              <Select
                label={t('notes.tag')}
                placeholder={t('notes.noTag')}
                data={competencies}
                value={tag}
                onChange={setTag}
                clearable
                searchable
                size="xs"
                style={{ flex: 1, minWidth: 0 }}
              />
            ) : (
              <span style={{ flex: 1 }} />
            )}
            <Button onClick={add} disabled={!text.trim() || full}>
              {t('notes.add')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
