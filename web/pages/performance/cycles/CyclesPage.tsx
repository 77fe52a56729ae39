import { Anchor, Badge, Button, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCycles } from '../../../api/performance-cycles.ts';
import { useMe } from '../../../api/session.ts';
import { formatNumber } from '../../../app/format.ts';
import { useIsPhone } from '../../../app/responsive.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Loading } from '../../../components/Loading.tsx';
import { NotAllowed } from '../../../components/NotAllowed.tsx';
import { PageHeader, usePageTitle } from '../../../components/PageHeader.tsx';
import { ScrollRegion } from '../../../components/ScrollRegion.tsx';

export const STATUS_COLOR: Record<string, string> = { draft: 'gray', opening: 'yellow', open: 'green', closed: 'dark' };

/** HR: every performance cycle with its status and completion counts. */
export default function CyclesPage() {
  const { t } = useTranslation('performance');
  const me = useMe();
  const cycles = useCycles();
  const isPhone = useIsPhone();
  usePageTitle(t('cycles.title'));
  if (!me.abilities.managePerformance) return <NotAllowed />;
  const items = cycles.data?.items ?? [];
  const status = (s: string) => (
    <Badge variant="light" color={STATUS_COLOR[s]}>
      {t(`cycles.status.${s}`)}
    </Badge>
  );
  const link = (c: (typeof items)[number]) => (
    <Anchor component={Link} to={`/performance/cycles/${c.id}`}>
      {c.title}
    </Anchor>
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('cycles.title')}
        subtitle={t('cycles.intro')}
        actions={
          <Button component={Link} to="/performance/cycles/new">
            {t('cycles.new')}
          </Button>
        }
      />
      <ErrorAlert error={cycles.error} />
      {!cycles.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text>{t('cycles.empty')}</Text>
      ) : isPhone ? (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('cycles.title')}>
          {items.map((c) => (
            <Paper component="li" key={c.id} withBorder p="sm">
              <Stack gap={4}>
                {link(c)}
                <Text size="sm">
                  {c.schoolYear} · {t(`cycles.status.${c.status}`)}
                </Text>
                <Text size="sm">
                  {t('cycles.detail.counts', {
                    plans: formatNumber(c.counts.plans),
                    selfAssessed: formatNumber(c.counts.selfAssessed),
                    signed: formatNumber(c.counts.signed),
                  })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : (
        <ScrollRegion label={t('cycles.title')}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('cycles.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {(['title', 'year', 'status', 'plans', 'selfAssessed', 'signed', 'noRubric'] as const).map((col) => (
                  <Table.Th key={col} scope="col">
                    {t(`cycles.col.${col}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">{link(c)}</Table.Th>
                  <Table.Td>{c.schoolYear}</Table.Td>
                  <Table.Td>{status(c.status)}</Table.Td>
                  <Table.Td>{formatNumber(c.counts.plans)}</Table.Td>
                  <Table.Td>{formatNumber(c.counts.selfAssessed)}</Table.Td>
                  <Table.Td>{formatNumber(c.counts.signed)}</Table.Td>
                  <Table.Td>{formatNumber(c.counts.noRubric)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Stack>
  );
}
