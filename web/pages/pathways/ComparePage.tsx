import { Anchor, Badge, Box, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PathwayStep } from '../../../common/schemas/pathways.ts';
import type { CompareRow, StepComparison } from '../../../common/schemas/rubrics.ts';
import { usePathways, useStepComparison } from '../../api/pathways.ts';
import { formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlState } from '../../components/useUrlState.ts';
import { formatPayBand } from './format.ts';

const DIFF_BG = 'var(--mantine-color-yellow-light)';

function DiffBadge() {
  const { t } = useTranslation('pathways');
  return (
    <Badge size="sm" color="dark" variant="outline">
      {t('compare.differs')}
    </Badge>
  );
}

/** One compared field: label, A, B; differing rows are tinted and badged (not by colour alone). */
interface FieldRow {
  label: string;
  a: string;
  b: string;
  differs: boolean;
}

function FieldsTable({ rows, cmp }: { rows: FieldRow[]; cmp: StepComparison }) {
  const { t } = useTranslation('pathways');
  const phone = useIsPhone();
  const heading = (s: PathwayStep) => `${s.pathwayName} · ${s.title}`;
  if (phone) {
    return (
      <Stack gap="xs">
        {rows.map((r) => (
          <Card key={r.label} withBorder padding="sm" style={r.differs ? { background: DIFF_BG } : undefined}>
            <Group justify="space-between" gap="xs">
              <Text fw={600}>{r.label}</Text>
              {r.differs ? <DiffBadge /> : null}
            </Group>
            <Text size="sm">
              <Text span fw={600}>
                {t('compare.stepA')}:
              </Text>{' '}
              {r.a}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {t('compare.stepB')}:
              </Text>{' '}
              {r.b}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table withTableBorder withColumnBorders layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={{ width: '22%' }}>{t('compare.field')}</Table.Th>
          <Table.Th>{heading(cmp.a)}</Table.Th>
          <Table.Th>{heading(cmp.b)}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.label} style={r.differs ? { background: DIFF_BG } : undefined}>
            <Table.Th scope="row">
              <Group gap={6}>
                {r.label}
                {r.differs ? <DiffBadge /> : null}
              </Group>
            </Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{r.a}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-line' }}>{r.b}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function statusBadge(t: (k: string) => string, row: CompareRow) {
  const colors = { same: 'gray', changed: 'yellow', only_a: 'blue', only_b: 'grape' } as const;
  return (
    <Badge color={colors[row.status]} variant="light">
      {t(`compare.rowStatus.${row.status}`)}
    </Badge>
  );
}

function RubricRows({ cmp }: { cmp: StepComparison }) {
  const { t } = useTranslation('pathways');
  const phone = useIsPhone();
  const none = t('compare.notHeld');
  return (
    <Stack gap="md">
      {cmp.rows.map((row) => (
        <Card key={row.item.id} withBorder padding="sm" component="article" aria-labelledby={`cmp-${row.item.id}`}>
          <Group justify="space-between" gap="xs" mb="xs" align="flex-start">
            <div>
              {row.domain ? (
                <Text size="xs" c="dimmed">
                  {[row.domain.humanCode, row.domain.fullStatement].filter(Boolean).join(' ')}
                </Text>
              ) : null}
              <Title order={3} size="h5" id={`cmp-${row.item.id}`}>
                {[row.item.humanCode, row.item.fullStatement].filter(Boolean).join(' ')}
              </Title>
            </div>
            {statusBadge(t, row)}
          </Group>
          {phone ? (
            <Stack gap="xs">
              {cmp.levels.map((level, i) => {
                const changed = row.changedLevels.includes(i);
                return (
                  <Box key={level.position} p={6} style={changed ? { background: DIFF_BG } : undefined}>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {level.label}
                      </Text>
                      {changed ? <DiffBadge /> : null}
                    </Group>
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('compare.stepA')}:
                      </Text>{' '}
                      {row.a ? row.a[i] || '—' : none}
                    </Text>
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('compare.stepB')}:
                      </Text>{' '}
                      {row.b ? row.b[i] || '—' : none}
                    </Text>
                  </Box>
                );
              })}
            </Stack>
          ) : (
            <Table withTableBorder withColumnBorders layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th style={{ width: '18%' }}>{t('compare.level')}</Table.Th>
                  <Table.Th>{cmp.a.title}</Table.Th>
                  <Table.Th>{cmp.b.title}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cmp.levels.map((level, i) => {
                  const changed = row.changedLevels.includes(i);
                  return (
                    <Table.Tr key={level.position} style={changed ? { background: DIFF_BG } : undefined}>
                      <Table.Th scope="row">
                        <Group gap={6}>
                          {level.label}
                          {changed ? <DiffBadge /> : null}
                        </Group>
                      </Table.Th>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>
                        {row.a ? (
                          row.a[i] || '—'
                        ) : (
                          <Text c="dimmed" size="sm">
                            {none}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'pre-line' }}>
                        {row.b ? (
                          row.b[i] || '—'
                        ) : (
                          <Text c="dimmed" size="sm">
                            {none}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function Comparison({ cmp }: { cmp: StepComparison }) {
  const { t } = useTranslation('pathways');
  const list = (items: string[]) => (items.length ? items.join('\n') : t('step.noneRequired'));
  const years = (s: PathwayStep) =>
    s.prerequisites.minYearsExperience === null
      ? t('step.noMinimum')
      : t('step.years', { count: s.prerequisites.minYearsExperience, formatted: formatNumber(s.prerequisites.minYearsExperience) });
  const d = cmp.differences;
  const rows: FieldRow[] = [
    {
      label: t('field.staffRole'),
      a: cmp.a.staffRole ? t(`role.${cmp.a.staffRole}`) : '—',
      b: cmp.b.staffRole ? t(`role.${cmp.b.staffRole}`) : '—',
      differs: d.staffRole,
    },
    {
      label: t('field.responsibilityLevel'),
      a: cmp.a.responsibilityLevel === null ? '—' : formatNumber(cmp.a.responsibilityLevel),
      b: cmp.b.responsibilityLevel === null ? '—' : formatNumber(cmp.b.responsibilityLevel),
      differs: d.responsibilityLevel,
    },
    {
      label: t('field.payBand'),
      a: formatPayBand(t, cmp.a.payBandMinUsd, cmp.a.payBandMaxUsd),
      b: formatPayBand(t, cmp.b.payBandMinUsd, cmp.b.payBandMaxUsd),
      differs: d.payBand,
    },
    { label: t('field.minYearsExperience'), a: years(cmp.a), b: years(cmp.b), differs: d.minYearsExperience },
    {
      label: t('field.credentials'),
      a: list(cmp.a.prerequisites.credentials),
      b: list(cmp.b.prerequisites.credentials),
      differs: d.credentials.onlyA.length + d.credentials.onlyB.length > 0,
    },
    {
      label: t('field.evidence'),
      a: list(cmp.a.prerequisites.evidence),
      b: list(cmp.b.prerequisites.evidence),
      differs: d.evidence.onlyA.length + d.evidence.onlyB.length > 0,
    },
    {
      label: t('field.responsibilities'),
      a: list(cmp.a.responsibilities),
      b: list(cmp.b.responsibilities),
      differs: d.responsibilities.onlyA.length + d.responsibilities.onlyB.length > 0,
    },
  ];
  const counts = { changed: 0, only_a: 0, only_b: 0, same: 0 };
  for (const r of cmp.rows) counts[r.status] += 1;
  return (
    <Stack gap="lg">
      <section aria-labelledby="cmp-role">
        <Title order={2} size="h3" mb="sm" id="cmp-role">
          {t('compare.roleHeading')}
        </Title>
        <FieldsTable rows={rows} cmp={cmp} />
      </section>
      <section aria-labelledby="cmp-rubric">
        <Title order={2} size="h3" mb="xs" id="cmp-rubric">
          {t('compare.rubricHeading')}
        </Title>
        {cmp.frameworkVersion ? (
          <Stack gap="sm">
            <Text c="dimmed">
              {t('compare.versionLine', {
                framework: cmp.frameworkVersion.frameworkTitle,
                version: formatNumber(cmp.frameworkVersion.versionNumber),
              })}
              {' · '}
              {t('compare.counts', {
                changed: formatNumber(counts.changed),
                onlyA: formatNumber(counts.only_a),
                onlyB: formatNumber(counts.only_b),
                same: formatNumber(counts.same),
              })}
            </Text>
            <Group gap="md">
              {cmp.rubricA ? (
                <Anchor component={Link} to={`/rubrics/${cmp.rubricA}`}>
                  {t('compare.openRubric', { name: cmp.a.title })}
                </Anchor>
              ) : null}
              {cmp.rubricB ? (
                <Anchor component={Link} to={`/rubrics/${cmp.rubricB}`}>
                  {t('compare.openRubric', { name: cmp.b.title })}
                </Anchor>
              ) : null}
            </Group>
            {cmp.rows.length > 0 ? <RubricRows cmp={cmp} /> : <Text>{t('compare.noCriteria')}</Text>}
          </Stack>
        ) : (
          <Text>{t('compare.noRubrics')}</Text>
        )}
      </section>
    </Stack>
  );
}

/** Two steps of any pathways side by side: pay, prerequisites, responsibilities and rubric descriptors. */
export default function ComparePage() {
  const { t } = useTranslation('pathways');
  const [params, setParams] = useUrlState({ a: '', b: '' });
  const pathways = usePathways();
  const cmp = useStepComparison(params.a, params.b);
  const groups = (pathways.data?.items ?? []).map((p) => ({
    group: p.name,
    items: p.steps.filter((s) => s.active).map((s) => ({ value: s.id, label: s.title })),
  }));
  const options = [{ value: '', label: t('field.choose') }, ...groups.filter((g) => g.items.length > 0)];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/pathways" size="sm">
        {t('pathway.back')}
      </Anchor>
      <PageHeader title={t('compare.title')} subtitle={t('compare.subtitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={800}>
        <NativeSelect
          label={t('compare.stepA')}
          value={params.a}
          onChange={(e) => setParams({ a: e.currentTarget.value })}
          data={options}
        />
        <NativeSelect
          label={t('compare.stepB')}
          value={params.b}
          onChange={(e) => setParams({ b: e.currentTarget.value })}
          data={options}
        />
      </SimpleGrid>
      <ErrorAlert error={pathways.error ?? cmp.error} />
      {!params.a || !params.b ? <Text>{t('compare.pickTwo')}</Text> : null}
      {params.a && params.b && cmp.isPending ? <Loading /> : null}
      {cmp.data ? <Comparison cmp={cmp.data} /> : null}
    </Stack>
  );
}
