import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FitCandidate, FitReviewDetail } from '../../../common/schemas/fit-reviews.ts';
import { isApiError } from '../../api/client.ts';
import { useFitReview, useSetFitReviewStatus } from '../../api/fit-reviews.ts';
import { formatDate, formatDateTime, formatNumber } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { FitComparisonTable } from './FitComparisonTable.tsx';
import { AdoptModal, CandidateModal, RecommendationModal, ReviewEditModal } from './FitReviewModals.tsx';
import { FIT_STATUS_COLOR } from './FitReviewsPage.tsx';

export const RECOMMENDATION_COLOR: Record<string, string> = { adopt: 'green', adapt: 'yellow', do_not_adopt: 'gray' };

type Dialog =
  | { kind: 'review' }
  | { kind: 'candidate'; candidate: FitCandidate | null }
  | { kind: 'recommend'; candidate: FitCandidate }
  | { kind: 'adopt'; candidate: FitCandidate };

function CandidateCard({ c, onOpen }: { c: FitCandidate; onOpen: (d: Dialog) => void }) {
  const { t } = useTranslation('assessments');
  const adm = c.administration;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4">
            {c.name}
          </Title>
          <Badge variant="light" color={c.recommendation ? RECOMMENDATION_COLOR[c.recommendation] : 'blue'}>
            {c.recommendation ? t(`fit.recommendations.${c.recommendation}`) : t('fit.noRecommendation')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[t(`fit.kinds.${c.kind}`), c.vendor].filter(Boolean).join(' · ')}
        </Text>
        {c.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.notes}
          </Text>
        ) : null}
        <Text size="sm">
          {adm.totalPct === null
            ? t('fit.notScored')
            : t('fit.scored', { pct: formatNumber(adm.totalPct), status: t(`administrationStatuses.${adm.status}`) })}
        </Text>
        {c.recommendation ? (
          <Stack gap={2}>
            {c.rationale ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('fit.rationaleIs', { rationale: c.rationale })}
              </Text>
            ) : null}
            {c.recommendedAt ? (
              <Text size="xs" c="dimmed">
                {t('fit.recommendedBy', { name: c.recommendedBy ?? '—', date: formatDateTime(c.recommendedAt) })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
        {c.initiative ? (
          <Text size="sm">
            {t('fit.adoptedAs')}{' '}
            <Anchor component={Link} to={`/initiatives/${c.initiative.id}`}>
              {c.initiative.name}
            </Anchor>
            {c.adoptedAt ? ` (${formatDate(c.adoptedAt)})` : null}
          </Text>
        ) : null}
        <Group gap="xs" mt="xs">
          <Button
            component={Link}
            to={`/assessments/administrations/${adm.id}`}
            size="xs"
            variant="default"
            aria-label={t(adm.status === 'open' ? 'fit.scoreOf' : 'fit.seeScoresOf', { name: c.name })}
          >
            {adm.status === 'open' ? t('fit.score') : t('fit.seeScores')}
          </Button>
          {c.abilities.edit ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => onOpen({ kind: 'candidate', candidate: c })}
              aria-label={t('fit.editCandidate', { name: c.name })}
            >
              {t('fit.edit')}
            </Button>
          ) : null}
          {c.abilities.recommend ? (
            <Button
              size="xs"
              variant="default"
              onClick={() => onOpen({ kind: 'recommend', candidate: c })}
              aria-label={t('fit.recommendOf', { name: c.name })}
            >
              {t('fit.recommend')}
            </Button>
          ) : null}
          {c.abilities.adopt ? (
            <Button size="xs" onClick={() => onOpen({ kind: 'adopt', candidate: c })} aria-label={t('fit.adoptOf', { name: c.name })}>
              {t('fit.adopt')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

function StatusButton({ review }: { review: FitReviewDetail }) {
  const { t } = useTranslation('assessments');
  const status = useSetFitReviewStatus(review.id);
  const next = review.status === 'open' ? 'decided' : 'open';
  if (next === 'decided' && !review.abilities.decide) return null;
  if (next === 'open' && !review.abilities.reopen) return null;
  return (
    <>
      <Button
        variant={next === 'decided' ? 'filled' : 'default'}
        loading={status.isPending}
        onClick={() =>
          status.mutate(
            { status: next, version: review.version },
            { onSuccess: () => notifySuccess(t(next === 'decided' ? 'fit.decided' : 'fit.reopened')) },
          )
        }
      >
        {next === 'decided' ? t('fit.decide') : t('fit.reopen')}
      </Button>
      <ErrorAlert error={status.error} />
    </>
  );
}

/**
 * /assessments/fit-reviews/:id: the need, the candidates (each scored on the engine's own
 * administration page), the side-by-side table, the team's recommendations, and adopting a
 * recommended candidate into a new initiative.
 */
export default function FitReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('assessments');
  const query = useFitReview(id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const r = query.data;
  const close = () => setDialog(null);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/assessments/fit-reviews" size="sm">
        {t('fit.back')}
      </Anchor>
      <PageHeader
        title={r.title}
        subtitle={
          <Group gap="xs">
            <Badge variant="light" color={FIT_STATUS_COLOR[r.status]}>
              {t(`fit.statuses.${r.status}`)}
            </Badge>
            <Text size="sm">
              {[
                r.team?.name ?? t('fit.alone'),
                r.orgUnit.name,
                t('administrations.instrumentVersion', { name: r.instrument.name, number: r.versionNumber }),
              ].join(' · ')}
            </Text>
            {r.decidedAt ? <Text size="sm">{t('fit.decidedOn', { date: formatDate(r.decidedAt) })}</Text> : null}
          </Group>
        }
        actions={
          <>
            {r.abilities.edit ? (
              <Button variant="default" onClick={() => setDialog({ kind: 'review' })}>
                {t('fit.edit')}
              </Button>
            ) : null}
            <StatusButton review={r} />
          </>
        }
      />
      {r.need ? <Text style={{ whiteSpace: 'pre-wrap' }}>{t('fit.needIs', { need: r.need })}</Text> : null}
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('fit.candidates')}
        </Title>
        {r.abilities.addCandidate ? (
          <Button onClick={() => setDialog({ kind: 'candidate', candidate: null })}>{t('fit.addCandidate')}</Button>
        ) : null}
      </Group>
      {r.candidates.length === 0 ? (
        <Text c="dimmed">{t('fit.noCandidates')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {r.candidates.map((c) => (
            <CandidateCard key={c.id} c={c} onOpen={setDialog} />
          ))}
        </SimpleGrid>
      )}
      {r.candidates.length > 0 ? (
        <>
          <Title order={2} size="h3">
            {t('fit.compare.title')}
          </Title>
          {r.comparison.targetPct ? <Text>{t('builder.targetIs', { pct: r.comparison.targetPct })}</Text> : null}
          <FitComparisonTable review={r} />
        </>
      ) : null}
      {dialog?.kind === 'review' ? <ReviewEditModal review={r} onClose={close} /> : null}
      {dialog?.kind === 'candidate' ? <CandidateModal review={r} candidate={dialog.candidate} onClose={close} /> : null}
      {dialog?.kind === 'recommend' ? <RecommendationModal review={r} candidate={dialog.candidate} onClose={close} /> : null}
      {dialog?.kind === 'adopt' ? <AdoptModal review={r} candidate={dialog.candidate} onClose={close} /> : null}
    </Stack>
  );
}
