import { Anchor, Button, Card, Group, List, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../../../common/action-plans.ts';
import type { ActionPlanItemDetail } from '../../../common/schemas/action-plans.ts';
import { useActionPlanItem, useAddActionPlanReview, useUpdateActionPlanItem } from '../../api/action-plans.ts';
import { isApiError } from '../../api/client.ts';
import { useImplementationTeam } from '../../api/implementation-teams.ts';
import { formatDate, formatDateTime, todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { personName } from '../../components/personName.ts';
import NotFoundPage from '../NotFoundPage.tsx';
import { ItemDates } from './ActionPlanPage.tsx';
import { ItemStatusBadge } from './StatusBadge.tsx';

/** The status, saved under the item's version (a 409 shows the current item and says so). */
function StatusForm({ item, onConflict }: { item: ActionPlanItemDetail; onConflict: () => void }) {
  const { t } = useTranslation('actionPlans');
  const update = useUpdateActionPlanItem(item.planId, item.id);
  const [status, setStatus] = useState<ActionItemStatus>(item.status);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label={t('item.status')}
          allowDeselect={false}
          data={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus((v ?? item.status) as ActionItemStatus)}
        />
        <Button
          disabled={status === item.status}
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { version: item.version, status },
              { onSuccess: () => notifySuccess(t('item.saved')), onError: (e) => isApiError(e, 'conflict') && onConflict() },
            )
          }
        >
          {t('item.saveStatus')}
        </Button>
      </Group>
      {isApiError(update.error, 'conflict') ? <Text role="status">{t('item.conflict')}</Text> : <ErrorAlert error={update.error} />}
    </Stack>
  );
}

/** A dated review note, at one of the team's meetings (the meeting page links here with `?meeting=`). */
function ReviewForm({ item, meetingId }: { item: ActionPlanItemDetail; meetingId: string | null }) {
  const { t } = useTranslation('actionPlans');
  const add = useAddActionPlanReview(item.planId, item.id);
  const team = useImplementationTeam(item.teamId);
  const [reviewedOn, setReviewedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [meeting, setMeeting] = useState<string | null>(meetingId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return;
    add.mutate({ reviewedOn, note, meetingId: meeting }, { onSuccess: () => (setNote(''), notifySuccess(t('item.saved'))) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          type="date"
          label={t('item.reviewedOn')}
          required
          max={todayIso()}
          value={reviewedOn}
          onChange={(e) => setReviewedOn(e.currentTarget.value)}
        />
        <Select
          label={t('item.meeting')}
          placeholder={t('item.noMeeting')}
          clearable
          data={(team.data?.meetings ?? []).map((m) => ({ value: m.id, label: formatDateTime(m.meetsAt) }))}
          value={meeting}
          onChange={setMeeting}
        />
        <Textarea
          label={t('item.note')}
          required
          autosize
          minRows={2}
          maxLength={10_000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <ErrorAlert error={add.error} />
        <Group>
          <Button type="submit" loading={add.isPending} disabled={!note.trim()}>
            {t('item.addReview')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The page of a data source the item was planned from (an administration, a school's outcome values). */
function sourcePage(source: ActionPlanItemDetail['source']): string | null {
  if (!source.id) return null;
  if (source.kind === 'assessment_item' && source.administrationId) return `/assessments/administrations/${source.administrationId}`;
  if (source.kind === 'survey_result' && source.orgUnitId) return `/outcomes/measures/${source.id}?school=${source.orgUnitId}`;
  return null;
}

/** One action plan item: the protocol's answers, its status, and its progress reviews. */
export default function ActionItemPage() {
  const { t } = useTranslation('actionPlans');
  const { planId = '', itemId = '' } = useParams();
  const [search] = useSearchParams();
  const item = useActionPlanItem(planId, itemId);
  if (isApiError(item.error, 'not_found')) return <NotFoundPage />;
  if (item.error) return <ErrorAlert error={item.error} />;
  if (!item.data) return <Loading />;
  const i = item.data;
  const facts: [string, string][] = [
    [t('item.source'), `${t(`sources.${i.source.kind}`)}${i.source.label ? `: ${i.source.label}` : ''}`],
    [t('item.strategy'), i.strategy],
    [t('item.owner'), personName(i.owner)],
    [t('item.measure'), i.measure],
  ];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/action-plans/${planId}`} size="sm">
        {t('item.back', { plan: i.plan.title })}
      </Anchor>
      <PageHeader title={i.problem} subtitle={<ItemStatusBadge status={i.status} />} />
      <Card withBorder>
        <Stack gap="sm">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text fw={600} size="sm">
                {label}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>
            </div>
          ))}
          <div>
            <Text fw={600} size="sm">
              {t('item.rootCauses')}
            </Text>
            <List>
              {i.rootCauses.map((c, n) => (
                <List.Item key={n}>{c}</List.Item>
              ))}
            </List>
          </div>
          {sourcePage(i.source) ? (
            <Anchor component={Link} to={sourcePage(i.source)!} size="sm">
              {t('item.openSource')}
            </Anchor>
          ) : null}
          <ItemDates item={i} />
          {i.actionItemId ? <Text size="sm">{t('item.promoted')}</Text> : null}
        </Stack>
      </Card>
      {i.abilities.edit ? <StatusForm key={i.version} item={i} onConflict={() => void item.refetch()} /> : null}
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('item.reviews')}
        </Title>
        {i.reviews.length === 0 ? (
          <Text c="dimmed">{t('item.noReviews')}</Text>
        ) : (
          <List>
            {i.reviews.map((r) => (
              <List.Item key={r.id}>
                <Text size="sm" fw={600}>
                  {formatDate(r.reviewedOn)}
                  {r.meeting ? ` · ${t('item.atMeeting', { date: formatDateTime(r.meeting.meetsAt) })}` : ''}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Text>
              </List.Item>
            ))}
          </List>
        )}
        {i.abilities.edit ? <ReviewForm item={i} meetingId={search.get('meeting')} /> : null}
      </Stack>
    </Stack>
  );
}
