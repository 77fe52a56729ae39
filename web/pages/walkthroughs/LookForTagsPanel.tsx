import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookForTags } from '../../../common/schemas/walkthroughs.ts';
import { useLookForTags, useSetLookForTags } from '../../api/walkthroughs.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';

function TypeTags({ type, competencies }: { type: LookForTags; competencies: { id: string; label: string }[] }) {
  const { t } = useTranslation('observations');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(type.tags.map((tag) => [tag.lookFor, tag.competency?.id ?? ''])),
  );
  const save = useSetLookForTags(type.id);
  const data = [{ value: '', label: t('walkthroughReport.noCompetency') }, ...competencies.map((c) => ({ value: c.id, label: c.label }))];
  return (
    <Paper withBorder p="md">
      <form
        aria-label={type.name}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(
            { version: type.version, tags: type.tags.map((tag) => ({ lookFor: tag.lookFor, itemId: values[tag.lookFor] || null })) },
            { onSuccess: () => notifySuccess(t('walkthroughReport.tagsSaved')) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h4">
            {type.name}
          </Title>
          <ErrorAlert error={save.error} />
          {type.tags.map((tag) => (
            <NativeSelect
              key={tag.lookFor}
              label={tag.lookFor}
              value={values[tag.lookFor] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setValues((v) => ({ ...v, [tag.lookFor]: value }));
              }}
              data={data}
            />
          ))}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('walkthroughReport.saveTags')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** HR and admins tag each look-for to a competency of the published observation framework. */
export function LookForTagsPanel() {
  const { t } = useTranslation('observations');
  const list = useLookForTags();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('walkthroughReport.tagsTitle')}
      </Title>
      <Text c="dimmed">{t('walkthroughReport.tagsIntro')}</Text>
      <ErrorAlert error={list.error} />
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.map((type) => (
        <TypeTags key={`${type.id}:${type.version}`} type={type} competencies={list.data.competencies} />
      ))}
    </Stack>
  );
}
