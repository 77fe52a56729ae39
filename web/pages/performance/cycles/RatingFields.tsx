import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CreateCycleInput, CycleOptions } from '../../../../common/schemas/performance-cycles.ts';
import { formatNumber } from '../../../app/format.ts';
import { liveTotal, type CycleFormValues } from './cycle-form.ts';

type Form = UseFormReturnType<CycleFormValues, CreateCycleInput>;

/** Rating method: an optional weighted overall rating, its weights (total shown live) and cut scores. */
export function RatingFields({ form, competencies }: { form: Form; competencies: CycleOptions['competencies'] }) {
  const { t } = useTranslation('performance');
  const v = form.getValues();
  const total = liveTotal(v);
  const cuts = v.ratingMethod.cutScores;
  return (
    <Paper withBorder p="md" component="fieldset">
      <Stack gap="sm">
        <Title order={2} size="h3" component="legend">
          {t('cycles.form.rating')}
        </Title>
        <Text size="sm">{t('cycles.form.ratingHelp')}</Text>
        <Checkbox label={t('cycles.form.overall')} {...form.getInputProps('ratingMethod.overall', { type: 'checkbox' })} />
        {v.ratingMethod.overall ? (
          <>
            <Title order={3} size="h4">
              {t('cycles.form.weights')}
            </Title>
            <Text size="sm">{t('cycles.form.equalWeights')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {competencies.map((c) => {
                const name = c.code ? `${c.code} ${c.title}` : c.title;
                return (
                  <NumberInput
                    key={c.id}
                    label={t('cycles.form.weightOf', { competency: name })}
                    min={0}
                    max={100}
                    suffix="%"
                    {...form.getInputProps(`ratingMethod.weights.${c.id}`)}
                  />
                );
              })}
            </SimpleGrid>
            <Text
              role="status"
              fw={600}
              c={total === 100 || total === 0 ? undefined : 'red.8'}
              data-path="ratingMethod.weights"
              tabIndex={-1}
            >
              {t('cycles.form.weightTotal', { total: formatNumber(total) })}
            </Text>
            {form.errors['ratingMethod.weights'] ? (
              <Text c="red.8" size="sm">
                {form.errors['ratingMethod.weights']}
              </Text>
            ) : null}
            <Title order={3} size="h4">
              {t('cycles.form.cutScores')}
            </Title>
            {cuts.map((_, i) => (
              <Group key={i} align="flex-end" gap="xs" wrap="wrap">
                <NumberInput
                  label={t('cycles.form.cutMin')}
                  min={0}
                  max={100}
                  decimalScale={2}
                  w={180}
                  {...form.getInputProps(`ratingMethod.cutScores.${i}.min`)}
                />
                <TextInput label={t('cycles.form.cutLabel')} {...form.getInputProps(`ratingMethod.cutScores.${i}.label`)} />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('cycles.form.removeCut', { n: i + 1 })}
                  onClick={() => form.removeListItem('ratingMethod.cutScores', i)}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="default" onClick={() => form.insertListItem('ratingMethod.cutScores', { min: '', label: '' })}>
                {t('cycles.form.addCut')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
