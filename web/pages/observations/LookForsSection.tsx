import { Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import type { DraftContent } from './content.ts';

type LookFor = DraftContent['lookForResults'][number];

const toValue = (seen: boolean | null) => (seen === null ? 'unknown' : seen ? 'seen' : 'notSeen');
const fromValue = (value: string) => (value === 'seen' ? true : value === 'notSeen' ? false : null);

/** A walkthrough's look-fors: seen, not seen or not noted, each with an optional comment. */
export function LookForsSection({ lookFors, onChange }: { lookFors: LookFor[]; onChange: (lookFors: LookFor[]) => void }) {
  const { t } = useTranslation('observations');
  if (!lookFors.length) return <Text c="dimmed">{t('lookFors.none')}</Text>;
  const set = (i: number, patch: Partial<LookFor>) => onChange(lookFors.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <Stack gap="sm" component="ul" className="obs-plain-list">
      {lookFors.map((l, i) => (
        <Paper key={l.lookFor} withBorder p="sm" radius="md" component="li">
          <Stack gap="xs">
            <Radio.Group label={l.lookFor} value={toValue(l.seen)} onChange={(value) => set(i, { seen: fromValue(value) })}>
              <Group gap="md" mt={4}>
                <Radio value="seen" label={t('lookFors.seen')} />
                <Radio value="notSeen" label={t('lookFors.notSeen')} />
                <Radio value="unknown" label={t('lookFors.unknown')} />
              </Group>
            </Radio.Group>
            <TextInput
              aria-label={t('lookFors.commentFor', { lookFor: l.lookFor })}
              placeholder={t('lookFors.comment')}
              maxLength={OBSERVATION_LIMITS.commentChars}
              value={l.comment}
              onChange={(e) => set(i, { comment: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
