import { Anchor, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isLowScore, scaleMax } from '../../../common/assessments.ts';
import type { AdministrationDetail } from '../../../common/schemas/assessments.ts';
import { formatNumber } from '../../app/format.ts';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { planFromSourceUrl } from '../action-plans/sourceLink.ts';

/**
 * The items of an administration agreed low (under the target line, or at most half the maximum
 * without one: common/assessments.ts isLowScore), each with its score and note and, for whoever
 * writes a fitting team's action plans, "Plan an action".
 */
export function LowItems({
  administration: a,
  note,
}: {
  administration: AdministrationDetail;
  /** Which administration this is, where the page shows several. */ note?: string;
}) {
  const { t } = useTranslation('assessments');
  const max = scaleMax(a.content.scale);
  const scores = new Map(a.scores.map((s) => [s.itemId, s]));
  const low = a.content.sections.flatMap((section) =>
    section.items.flatMap((item) => {
      const score = scores.get(item.id);
      return score && isLowScore(score.value, max, a.content.targetPct) ? [{ item, section: section.title, score }] : [];
    }),
  );
  const pointLabel = (value: number) => a.content.scale.find((p) => p.value === value)?.label ?? '';
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('lowItems.title')}
      </Title>
      {note ? <Text size="sm">{note}</Text> : null}
      <Text size="sm">{a.content.targetPct ? t('lowItems.intro_target', { pct: a.content.targetPct }) : t('lowItems.intro_half')}</Text>
      {low.length === 0 ? (
        <Text c="dimmed">{t('lowItems.none')}</Text>
      ) : (
        <ScrollRegion label={t('lowItems.title')}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('results.section')}</Table.Th>
                <Table.Th scope="col">{t('results.item')}</Table.Th>
                <Table.Th scope="col">{t('results.score')}</Table.Th>
                {a.abilities.planActions ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('lowItems.plan')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {low.map(({ item, section, score }) => (
                <Table.Tr key={item.id}>
                  <Table.Td>{section}</Table.Td>
                  <Table.Td>
                    {item.text}
                    {score.note ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {t('record.agreedNote', { note: score.note })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {t('lowItems.score', { score: formatNumber(score.value), max: formatNumber(max), label: pointLabel(score.value) })}
                  </Table.Td>
                  {a.abilities.planActions ? (
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={planFromSourceUrl({ kind: 'assessment_item', id: item.id, administrationId: a.id })}
                        aria-label={t('lowItems.planFor', { item: item.text })}
                      >
                        {t('lowItems.plan')}
                      </Anchor>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
