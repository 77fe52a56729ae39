import { Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryFigures } from '../../../common/schemas/district.ts';
import { useCoachingDelivery } from '../../api/district.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { useIsPhone } from '../../app/responsive.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import { useUrlState } from '../../components/useUrlState.ts';

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const share = (f: DeliveryFigures) => (f.planned > 0 ? Math.round((100 * f.delivered) / f.planned) : null);

interface Row extends DeliveryFigures {
  key: string;
  name: ReactNode;
}

/** Planned against delivered, one row per coach or school; a table on a desk, cards on a phone. */
function FiguresTable({ caption, nameHeader, rows }: { caption: string; nameHeader: string; rows: Row[] }) {
  const { t } = useTranslation('district');
  const phone = useIsPhone();
  const pct = (f: DeliveryFigures) => {
    const p = share(f);
    return p === null ? '—' : t('delivery.percent', { value: formatNumber(p) });
  };
  const behind = (f: DeliveryFigures) =>
    f.behind ? (
      <Text size="sm" c="red.8" fw={600}>
        {t('delivery.behindCount', { count: f.behind, formatted: formatNumber(f.behind) })}
      </Text>
    ) : (
      <Text size="sm">—</Text>
    );
  if (rows.length === 0) return <Text c="dimmed">{t('delivery.none')}</Text>;
  if (phone) {
    return (
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={caption}>
        {rows.map((r) => (
          <Paper key={r.key} withBorder p="sm" radius="md" component="li">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{r.name}</Text>
              {behind(r)}
            </Group>
            <Text size="sm">
              {t('delivery.line', {
                delivered: formatNumber(r.delivered),
                planned: formatNumber(r.planned),
                plans: formatNumber(r.plans),
                count: r.plans,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {pct(r)}
            </Text>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{nameHeader}</Table.Th>
          <Table.Th ta="right">{t('delivery.plans')}</Table.Th>
          <Table.Th ta="right">{t('delivery.planned')}</Table.Th>
          <Table.Th ta="right">{t('delivery.delivered')}</Table.Th>
          <Table.Th ta="right">{t('delivery.share')}</Table.Th>
          <Table.Th>{t('delivery.behind')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.plans)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.planned)}</Table.Td>
            <Table.Td ta="right">{formatNumber(r.delivered)}</Table.Td>
            <Table.Td ta="right">{pct(r)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{behind(r)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Coaching delivered against coaching plans across the district, per coach and per school (HR and admins). */
export default function DeliveryReportPage() {
  const { t } = useTranslation('district');
  const me = useMe();
  const [f, setF] = useUrlState({ from: '', to: '' });
  const report = useCoachingDelivery({ from: isDate(f.from) ? f.from : undefined, to: isDate(f.to) ? f.to : undefined });
  if (!me.abilities.viewDistrictTracker) return <NotAllowed />;
  const r = report.data;
  return (
    <Stack gap="md">
      <PageHeader title={t('delivery.title')} subtitle={t('delivery.subtitle')} />
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label={t('delivery.from')}
          value={f.from || r?.period.from || ''}
          onChange={(e) => setF({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('delivery.to')}
          value={f.to || r?.period.to || ''}
          onChange={(e) => setF({ to: e.currentTarget.value })}
        />
      </Group>
      <ErrorAlert error={report.error} />
      {!r ? (
        report.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <Text role="status">
            {t('delivery.summary', {
              from: formatDate(r.period.from),
              to: formatDate(r.period.to),
              asOf: formatDate(r.asOf),
              delivered: formatNumber(r.totals.delivered),
              planned: formatNumber(r.totals.planned),
              count: r.totals.plans,
              plans: formatNumber(r.totals.plans),
            })}
          </Text>
          <Stack gap="xl">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('delivery.byCoach')}
              </Title>
              <FiguresTable
                caption={t('delivery.byCoach')}
                nameHeader={t('delivery.coach')}
                rows={r.coaches.map((c) => ({ ...c, key: c.coach.id, name: personName(c.coach) }))}
              />
            </Stack>
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('delivery.bySchool')}
              </Title>
              <FiguresTable
                caption={t('delivery.bySchool')}
                nameHeader={t('delivery.school')}
                rows={r.schools.map((s) => ({
                  ...s,
                  key: s.school?.id ?? 'none',
                  name: s.school ? s.school.name : t('delivery.noSchool'),
                }))}
              />
            </Stack>
          </Stack>
        </>
      )}
    </Stack>
  );
}
