import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** One level as the form holds it (a score may be blank while typed). */
export interface LevelDraft {
  id?: string;
  label: string;
  levelScore: number | '';
  description: string;
  proficient: boolean;
}

export interface ScaleValues {
  name: string;
  description: string;
  levels: LevelDraft[];
}

/**
 * The levels of a scale in the form, highest first: label, score, description and "proficient"
 * per level, moved up and down, removed (two stay) and added (up to 20); all fixed when `locked`.
 */
export function ScaleLevelRows({ form, locked }: { form: UseFormReturnType<ScaleValues, unknown>; locked: boolean }) {
  const { t } = useTranslation('frameworks');
  const levels = form.values.levels;
  return (
    <>
      <Stack component="ol" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('scales.levels')}>
        {levels.map((level, i) => {
          const n = i + 1;
          return (
            <Paper component="li" key={level.id ?? `new-${i}`} withBorder p="xs">
              <Stack gap={6}>
                <Group gap="xs" align="flex-start" wrap="wrap">
                  <TextInput
                    label={t('scales.levelLabel', { n })}
                    disabled={locked}
                    {...form.getInputProps(`levels.${i}.label`)}
                    style={{ flex: '1 1 12rem' }}
                  />
                  <NumberInput
                    label={t('scales.levelScore', { n })}
                    disabled={locked}
                    {...form.getInputProps(`levels.${i}.levelScore`)}
                    onChange={(value) =>
                      form.setFieldValue(`levels.${i}.levelScore`, typeof value === 'number' ? value : value === '' ? '' : Number(value))
                    }
                    w={110}
                    decimalScale={2}
                  />
                </Group>
                <TextInput
                  label={t('scales.levelDescription', { n })}
                  disabled={locked}
                  {...form.getInputProps(`levels.${i}.description`)}
                />
                <Group justify="space-between" gap="xs">
                  <Checkbox
                    label={t('scales.proficient')}
                    aria-label={t('scales.proficientNamed', { n })}
                    disabled={locked}
                    {...form.getInputProps(`levels.${i}.proficient`, { type: 'checkbox' })}
                  />
                  {locked ? null : (
                    <Group gap={4}>
                      <ActionIcon
                        variant="default"
                        aria-label={t('scales.moveUp', { n })}
                        disabled={i === 0}
                        onClick={() => form.reorderListItem('levels', { from: i, to: i - 1 })}
                      >
                        <span aria-hidden="true">↑</span>
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        aria-label={t('scales.moveDown', { n })}
                        disabled={i === levels.length - 1}
                        onClick={() => form.reorderListItem('levels', { from: i, to: i + 1 })}
                      >
                        <span aria-hidden="true">↓</span>
                      </ActionIcon>
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={levels.length <= 2}
                        onClick={() => form.removeListItem('levels', i)}
                        aria-label={t('scales.removeLevel', { n })}
                      >
                        {t('scales.remove')}
                      </Button>
                    </Group>
                  )}
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {locked ? null : (
        <Group>
          <Button
            variant="default"
            size="xs"
            disabled={levels.length >= 20}
            onClick={() => {
              const lowest = levels.at(-1)?.levelScore;
              form.insertListItem('levels', {
                label: '',
                levelScore: typeof lowest === 'number' ? lowest - 1 : '',
                description: '',
                proficient: false,
              });
            }}
          >
            {t('scales.addLevel')}
          </Button>
        </Group>
      )}
    </>
  );
}
