import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export interface TemplateValues {
  title: string;
  sections: { key: string; title: string; prompt: string }[];
  minGoals: number;
  maxGoals: number;
  minFocusAreas: number;
  maxFocusAreas: number;
  signers: Record<string, { on: boolean; label: string }>;
}

/** A key not yet used by a section (keys are the plan's reflection slots, never shown). */
const freshKey = (sections: TemplateValues['sections']) => {
  let n = sections.length + 1;
  while (sections.some((s) => s.key === `section_${n}`)) n++;
  return `section_${n}`;
};

/** The template's sections: title and prompt, added, removed and moved with buttons (keyboard usable). */
type SectionsForm = Pick<
  UseFormReturnType<TemplateValues>,
  'values' | 'errors' | 'getInputProps' | 'insertListItem' | 'removeListItem' | 'reorderListItem'
>;

export function SectionRows({ form }: { form: SectionsForm }) {
  const { t } = useTranslation('performance');
  const sections = form.values.sections;
  const move = (from: number, to: number) => form.reorderListItem('sections', { from, to });
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('templates.sections')}
      </Title>
      {form.errors.sections ? (
        <Text size="sm" c="red.8" role="alert">
          {form.errors.sections}
        </Text>
      ) : null}
      {sections.map((section, i) => {
        const n = i + 1;
        return (
          <Paper key={section.key} withBorder p="sm" role="group" aria-label={t('templates.sectionN', { n })}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm">
                  {t('templates.sectionN', { n })}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="default" aria-label={t('templates.moveUp', { n })} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={t('templates.moveDown', { n })}
                    disabled={i === sections.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <Button
                    size="compact-sm"
                    variant="default"
                    aria-label={t('templates.removeSection', { n })}
                    disabled={sections.length === 1}
                    onClick={() => form.removeListItem('sections', i)}
                  >
                    {t('templates.remove')}
                  </Button>
                </Group>
              </Group>
              <TextInput label={t('templates.sectionTitle')} required {...form.getInputProps(`sections.${i}.title`)} />
              <Textarea label={t('templates.sectionPrompt')} autosize minRows={2} {...form.getInputProps(`sections.${i}.prompt`)} />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => form.insertListItem('sections', { key: freshKey(sections), title: '', prompt: '' })}
        >
          {t('templates.addSection')}
        </Button>
      </Group>
    </Stack>
  );
}
