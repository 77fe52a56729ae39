import { Alert, Blockquote, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RubricDescriptor } from '../../../common/schemas/rubrics.ts';
import { isApiError } from '../../api/client.ts';
import { saveDescriptor } from '../../api/rubrics.ts';

/** Where a cell's text stands: unchanged, typed but not sent, being sent, saved, refused. */
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

const DEBOUNCE_MS = 700;

/**
 * One descriptor, autosaved: a save goes out 0.7 s after the typing stops (or on leaving the
 * field), one at a time, with the version last read. If another editor saved first (409), the
 * cell shows their text and the user chooses: take theirs, or keep theirs' version and save mine.
 */
export function DescriptorCell({
  descriptor,
  label,
  onState,
}: {
  descriptor: RubricDescriptor;
  label: string;
  onState: (id: string, state: SaveState) => void;
}) {
  const { t } = useTranslation('pathways');
  const [text, setText] = useState(descriptor.description);
  const [state, setState] = useState<SaveState>('idle');
  const [theirs, setTheirs] = useState<RubricDescriptor | null>(null);
  const textRef = useRef(descriptor.description);
  const savedRef = useRef(descriptor.description);
  const versionRef = useRef(descriptor.version);
  const inFlight = useRef(false);
  /** An unresolved 409: nothing is sent (not even on leaving the field) until the user chooses. */
  const conflicted = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => onState(descriptor.id, state), [descriptor.id, state, onState]);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current || conflicted.current || textRef.current === savedRef.current) return;
    inFlight.current = true;
    try {
      // Typing on while a save is out sends the rest once it returns.
      while (textRef.current !== savedRef.current) {
        setState('saving');
        const saved = await saveDescriptor(descriptor.id, versionRef.current, textRef.current);
        versionRef.current = saved.version;
        savedRef.current = saved.description;
      }
      setState('saved');
    } catch (error) {
      if (isApiError(error, 'conflict')) {
        conflicted.current = true;
        setTheirs((error.details as { current: RubricDescriptor }).current);
        setState('conflict');
      } else setState('error');
    } finally {
      inFlight.current = false;
    }
  }, [descriptor.id]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onChange = (value: string) => {
    setText(value);
    textRef.current = value;
    if (conflicted.current) return;
    setState(value === savedRef.current ? 'saved' : 'dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
  };

  const takeTheirs = () => {
    if (!theirs) return;
    versionRef.current = theirs.version;
    savedRef.current = theirs.description;
    textRef.current = theirs.description;
    setText(theirs.description);
    conflicted.current = false;
    setTheirs(null);
    setState('saved');
  };

  const keepMine = () => {
    if (!theirs) return;
    versionRef.current = theirs.version;
    savedRef.current = theirs.description;
    conflicted.current = false;
    setTheirs(null);
    void save();
  };

  const statusText = {
    idle: '',
    dirty: t('autosave.saving'),
    saving: t('autosave.saving'),
    saved: t('autosave.saved'),
    error: t('autosave.notSaved'),
    conflict: t('autosave.notSaved'),
  }[state];
  return (
    <Stack gap={4}>
      <Textarea
        aria-label={label}
        autosize
        minRows={3}
        maxLength={4000}
        value={text}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={() => void save()}
        error={state === 'error' || state === 'conflict' ? true : undefined}
        className="no-print"
      />
      <div className="print-only" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </div>
      <Group gap="xs" className="no-print" mih={18}>
        <Text size="xs" c={state === 'error' || state === 'conflict' ? 'red.8' : 'dimmed'}>
          {statusText}
        </Text>
        {state === 'error' ? (
          <Button size="compact-xs" variant="subtle" onClick={() => void save()}>
            {t('autosave.retry')}
          </Button>
        ) : null}
      </Group>
      {theirs ? (
        <Alert color="orange" role="alert" title={t('autosave.conflictTitle')} p="xs" className="no-print">
          <Stack gap="xs">
            <Text size="sm">{t('autosave.conflictBody')}</Text>
            <Blockquote p="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {theirs.description || t('autosave.empty')}
            </Blockquote>
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={takeTheirs}>
                {t('autosave.useTheirs')}
              </Button>
              <Button size="xs" onClick={keepMine}>
                {t('autosave.keepMine')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
