import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepPlacement } from '../../../common/schemas/placements.ts';
import { usePersonPlacements } from '../../api/placements.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonEvaluatorCard } from './PersonEvaluatorCard.tsx';
import { PlaceOnStepModal } from './PlaceOnStepModal.tsx';

function dates(t: (k: string, o?: Record<string, string>) => string, p: StepPlacement) {
  const begin = formatDate(p.startDate);
  return p.endDate ? t('placement.dates', { begin, end: formatDate(p.endDate) }) : t('placement.since', { begin });
}

/** The person's career step with its history (promotions visible), and their evaluator this year. */
export function PersonCareer({ personId }: { personId: string }) {
  const { t } = useTranslation('pathways');
  const placements = usePersonPlacements(personId);
  const [placing, setPlacing] = useState(false);
  if (placements.error) return <ErrorAlert error={placements.error} />;
  const data = placements.data;
  if (!data) return null;
  const earlier = data.history.filter((p) => p.id !== data.current?.id);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('placement.title')}
        </Title>
        {data.abilities.place ? (
          <Button variant="default" onClick={() => setPlacing(true)}>
            {t('placement.placeAction')}
          </Button>
        ) : null}
      </Group>
      {data.current ? (
        <Paper component="section" withBorder p="sm" aria-label={t('placement.current')}>
          <Text fw={600}>{data.current.stepTitle}</Text>
          <Text size="sm">{data.current.pathwayName}</Text>
          <Text size="sm">{dates(t, data.current)}</Text>
          {data.current.note ? (
            <Text size="sm" c="dimmed">
              {data.current.note}
            </Text>
          ) : null}
        </Paper>
      ) : (
        <Text>{t('placement.none')}</Text>
      )}
      {earlier.length > 0 ? (
        <>
          <Title order={3} size="h4">
            {t('placement.history')}
          </Title>
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('placement.history')}>
            {earlier.map((p) => (
              <Paper component="li" key={p.id} withBorder p="sm">
                <Group justify="space-between">
                  <Text fw={600}>{p.stepTitle}</Text>
                  <Badge color="gray" variant="light">
                    {t(`placement.source.${p.source}`)}
                  </Badge>
                </Group>
                <Text size="sm">
                  {p.pathwayName} · {dates(t, p)}
                </Text>
              </Paper>
            ))}
          </Stack>
        </>
      ) : null}
      <PersonEvaluatorCard personId={personId} />
      {placing ? <PlaceOnStepModal personId={personId} placements={data} onClose={() => setPlacing(false)} /> : null}
    </Stack>
  );
}
