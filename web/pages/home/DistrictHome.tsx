import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDistrictSummary } from '../../api/district.ts';
import { useMe } from '../../api/session.ts';
import { formatDate, formatDateTime, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';

function Figure({ value, label, to, tone }: { value: string; label: string; to?: string; tone?: 'alert' }) {
  const text = (
    <>
      <Text component="span" fw={700} fz="xl" c={tone === 'alert' ? 'red.8' : undefined} mr={6}>
        {value}
      </Text>
      <Text component="span" size="sm">
        {label}
      </Text>
    </>
  );
  return (
    <li>
      {to ? (
        <Anchor component={Link} to={to} underline="hover" c="inherit">
          {text}
        </Anchor>
      ) : (
        text
      )}
    </li>
  );
}

function Section({ title, children, more }: { title: string; children: ReactNode; more?: ReactNode }) {
  return (
    <Card component="section" withBorder padding="md" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {children}
      </Stack>
      {more ? <Group mt="sm">{more}</Group> : null}
    </Card>
  );
}

/**
 * HR's and district admins' home: this term's observations by where they stand, coaching delivered
 * against plans, and roster imports and e-mail that need a look, each linking to its list.
 */
export function DistrictHome() {
  const { t } = useTranslation('district');
  const me = useMe();
  const summary = useDistrictSummary(true);
  if (summary.error) return <ErrorAlert error={summary.error} />;
  if (!summary.data) return <Loading />;
  const s = summary.data;
  const span = `from=${s.period.from}&to=${s.period.to}`;
  const list = `/observations/district?${span}`;
  const periodLabel = s.period.termName
    ? t('home.term', { name: s.period.termName, from: formatDate(s.period.from), to: formatDate(s.period.to) })
    : t('home.period', { from: formatDate(s.period.from), to: formatDate(s.period.to) });
  const o = s.observations;
  const c = s.coaching;
  return (
    <Stack gap="sm" mb="lg">
      <Text c="dimmed">{periodLabel}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Section
          title={t('home.observations')}
          more={
            <Anchor component={Link} to={list} size="sm">
              {t('home.allObservations')}
            </Anchor>
          }
        >
          <Figure value={formatNumber(o.published)} label={t('home.published', { count: o.published })} to={`${list}&status=published`} />
          <Figure
            value={formatNumber(o.feedbackOverdue)}
            label={t('home.feedbackOverdue', { count: o.feedbackOverdue })}
            tone={o.feedbackOverdue ? 'alert' : undefined}
          />
          <Figure value={formatNumber(o.awaitingAcknowledgement)} label={t('home.awaitingAck', { count: o.awaitingAcknowledgement })} />
          <Figure value={formatNumber(o.drafts)} label={t('home.drafts', { count: o.drafts })} />
        </Section>
        <Section
          title={t('home.coaching')}
          more={
            <Anchor component={Link} to={`/coaching/delivery?${span}`} size="sm">
              {t('home.byCoachAndSchool')}
            </Anchor>
          }
        >
          <Figure
            value={formatNumber(c.delivered)}
            label={t('home.deliveredOf', { count: c.delivered, planned: formatNumber(c.planned) })}
            to={`/coaching/delivery?${span}`}
          />
          <Figure
            value={formatNumber(c.behind)}
            label={t('home.plansBehind', { count: c.behind, plans: formatNumber(c.plans) })}
            tone={c.behind ? 'alert' : undefined}
          />
        </Section>
        <Section title={t('home.imports')}>
          {s.imports.latest ? (
            <li>
              <Text size="sm">
                {me.abilities.importRoster ? (
                  <Anchor component={Link} to={`/import/${s.imports.latest.id}`}>
                    {t('home.latestImport', {
                      status: t(`app:import.status.${s.imports.latest.status}`),
                      at: formatDateTime(s.imports.latest.at),
                    })}
                  </Anchor>
                ) : (
                  t('home.latestImport', {
                    status: t(`app:import.status.${s.imports.latest.status}`),
                    at: formatDateTime(s.imports.latest.at),
                  })
                )}
              </Text>
            </li>
          ) : (
            <li>
              <Text size="sm">{t('home.noImports')}</Text>
            </li>
          )}
          <Figure
            value={formatNumber(s.imports.failedLast30Days)}
            label={t('home.failedImports', { count: s.imports.failedLast30Days })}
            to={me.abilities.importRoster ? '/import' : undefined}
            tone={s.imports.failedLast30Days ? 'alert' : undefined}
          />
        </Section>
        <Section title={t('home.email')}>
          <Figure
            value={formatNumber(s.outbox.failedLast30Days)}
            label={t('home.failedEmail', { count: s.outbox.failedLast30Days })}
            to={me.abilities.viewOutbox ? '/outbox' : undefined}
            tone={s.outbox.failedLast30Days ? 'alert' : undefined}
          />
          <Figure
            value={formatNumber(s.outbox.pending)}
            label={t('home.pendingEmail', { count: s.outbox.pending })}
            to={me.abilities.viewOutbox ? '/outbox' : undefined}
          />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
