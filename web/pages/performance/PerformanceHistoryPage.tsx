import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { planExportUrl, usePlanHistory } from '../../api/performance-views.ts';
import { formatDate } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader, usePageTitle } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';

/** A person's performance plans across years, with links to each plan and its downloads. */
export default function PerformanceHistoryPage() {
  const { t, i18n } = useTranslation('performance');
  const { id = '' } = useParams();
  const history = usePlanHistory(id);
  usePageTitle(t('views.history.title'));
  if (isApiError(history.error, 'not_found')) return <NotFoundPage />;
  if (history.error) return <ErrorAlert error={history.error} />;
  if (!history.data) return <Loading />;
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/people/${id}`} size="sm">
        {history.data.person.name}
      </Anchor>
      <PageHeader title={t('views.history.title')} subtitle={t('views.history.subtitle', { name: history.data.person.name })} />
      {history.data.items.length === 0 ? <Text>{t('views.history.empty')}</Text> : null}
      <Stack component="ul" gap="md" p={0} style={{ listStyle: 'none' }}>
        {history.data.items.map((plan) => (
          <Card component="li" key={plan.planId} withBorder padding="md">
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>
                  {plan.schoolYear} · {plan.cycleTitle}
                </Text>
                <Badge variant="light">{t(`views.status.${plan.status}`)}</Badge>
              </Group>
              <Group gap="lg" wrap="wrap">
                <Text size="sm">
                  {t('views.history.overall')}: {plan.overallLabel ?? '—'}
                </Text>
                {plan.reviewedAt ? (
                  <Text size="sm">
                    {t('views.history.reviewedOn')}: {formatDate(plan.reviewedAt)}
                  </Text>
                ) : null}
                {plan.acknowledgedAt ? (
                  <Text size="sm">
                    {t('views.history.acknowledgedOn')}: {formatDate(plan.acknowledgedAt)}
                  </Text>
                ) : null}
                {plan.leftOn ? <Text size="sm">{t('views.history.left', { date: formatDate(plan.leftOn) })}</Text> : null}
              </Group>
              <Group gap="sm" wrap="wrap">
                <Button component={Link} to={`/performance/plans/${plan.planId}`} variant="light" size="sm">
                  {t('views.history.open')}
                </Button>
                <Button
                  component="a"
                  href={`${planExportUrl(plan.planId, 'pdf')}?lang=${lang}`}
                  download
                  variant="default"
                  size="sm"
                  aria-label={t('views.history.downloadPdf', { cycle: plan.schoolYear })}
                >
                  {t('views.history.pdf')}
                </Button>
                <Button
                  component="a"
                  href={`${planExportUrl(plan.planId, 'docx')}?lang=${lang}`}
                  download
                  variant="default"
                  size="sm"
                  aria-label={t('views.history.downloadDocx', { cycle: plan.schoolYear })}
                >
                  {t('views.history.docx')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
