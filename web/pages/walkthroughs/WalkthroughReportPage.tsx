import { Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WalkthroughPeriod, WalkthroughReport } from '../../../common/schemas/walkthroughs.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { useMe } from '../../api/session.ts';
import { useWalkthroughReport } from '../../api/walkthroughs.ts';
import { formatDate, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { LookForTagsPanel } from './LookForTagsPanel.tsx';
import { percent, periodLabel } from './labels.ts';
import { TrendChart } from './TrendChart.tsx';

function ShareCell({ share, seen, looked }: { share: number | null; seen: number; looked: number }) {
  const { t } = useTranslation('observations');
  if (share === null) return <Text c="dimmed">{t('walkthroughReport.notLooked')}</Text>;
  return (
    <Stack gap={0}>
      <Text fw={600}>{t('walkthroughReport.percent', { value: percent(share) })}</Text>
      <Text size="xs" c="dimmed">
        {t('walkthroughReport.seenOf', { seen: formatNumber(seen), count: looked, looked: formatNumber(looked) })}
      </Text>
    </Stack>
  );
}

function ReportTable({ report }: { report: WalkthroughReport }) {
  const { t } = useTranslation('observations');
  return (
    <ScrollRegion label={t('walkthroughReport.caption')}>
      <Table striped miw={360 + report.periods.length * 90}>
        <Table.Caption>{t('walkthroughReport.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('walkthroughReport.lookFor')}</Table.Th>
            <Table.Th scope="col">{t('walkthroughReport.competency')}</Table.Th>
            <Table.Th scope="col">{t('walkthroughReport.overall')}</Table.Th>
            {report.periods.map((p) => (
              <Table.Th scope="col" key={p.key}>
                {periodLabel(report.period, p)}
                <Text size="xs" c="dimmed" fw={400}>
                  {t('walkthroughReport.walkthroughs', { count: p.walkthroughs, n: formatNumber(p.walkthroughs) })}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.lookFors.map((l) => (
            <Table.Tr key={l.lookFor}>
              <Table.Th scope="row" fw={500}>
                {l.lookFor}
              </Table.Th>
              <Table.Td>{l.competency ? l.competency.label : <Text c="dimmed">{t('walkthroughReport.untagged')}</Text>}</Table.Td>
              <Table.Td>
                <ShareCell share={l.share} seen={l.seen} looked={l.looked} />
              </Table.Td>
              {report.periods.map((p) => {
                const cell = l.byPeriod.find((b) => b.period === p.key);
                return <Table.Td key={p.key}>{cell ? <ShareCell {...cell} /> : <ShareCell share={null} seen={0} looked={0} />}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/**
 * Walkthroughs that count: per look-for, the share of classrooms (published walkthroughs) where it
 * was seen, over a range and per month or term, as a table and a trend chart. School leaders read
 * their schools; HR and admins any school or the whole district, and tag look-fors to competencies.
 */
export default function WalkthroughReportPage() {
  const { t } = useTranslation('observations');
  const me = useMe();
  const [school, setSchool] = useState('');
  const [period, setPeriod] = useState<WalkthroughPeriod>('month');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const units = useAllOrgUnits();
  const districtWide = me.adminGrant !== null;
  const report = useWalkthroughReport({ school: school || undefined, period, from: from || undefined, to: to || undefined });
  if (!me.abilities.manageTeams) return <NotAllowed />;
  const schools = (units.data?.items ?? []).filter((u) => u.type === 'school' && (districtWide || me.schoolIds.includes(u.id)));
  const r = report.data;
  return (
    <Stack gap="lg">
      <PageHeader title={t('walkthroughReport.title')} subtitle={t('walkthroughReport.intro')} />
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('walkthroughReport.school')}
          value={school}
          onChange={(e) => setSchool(e.currentTarget.value)}
          data={[
            { value: '', label: districtWide ? t('walkthroughReport.allSchools') : t('walkthroughReport.mySchools') },
            ...schools.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <NativeSelect
          label={t('walkthroughReport.period')}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value as WalkthroughPeriod)}
          data={[
            { value: 'month', label: t('walkthroughReport.byMonth') },
            { value: 'term', label: t('walkthroughReport.byTerm') },
          ]}
        />
        <TextInput type="date" label={t('walkthroughReport.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('walkthroughReport.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <ErrorAlert error={report.error} />
      {!r && !report.error ? <Loading /> : null}
      {r ? (
        <>
          <Text>
            {t('walkthroughReport.summary', {
              count: r.walkthroughs,
              n: formatNumber(r.walkthroughs),
              from: formatDate(r.from),
              to: formatDate(r.to),
            })}
          </Text>
          {r.walkthroughs === 0 ? (
            <Text c="dimmed">{t('walkthroughReport.empty')}</Text>
          ) : (
            <>
              <Title order={2} size="h3">
                {t('walkthroughReport.trend')}
              </Title>
              <TrendChart report={r} />
              <ReportTable report={r} />
            </>
          )}
        </>
      ) : null}
      {me.abilities.manageObservationSettings ? <LookForTagsPanel /> : null}
    </Stack>
  );
}
