import { Button, Group, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { COACHING_REVIEW_DECISIONS, COACHING_REVIEW_FOLLOWED } from '../../../common/coaching.ts';
import { CreateCoachingPlanReviewInput, type CoachingPlanReview } from '../../../common/schemas/coaching-reviews.ts';
import { useRecordReview, useUpdateReview } from '../../api/coaching-reviews.ts';
import { formatDate } from '../../app/format.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

interface Values {
  reviewDate: string;
  followed: string;
  decision: string;
  dataNotes: string;
  nextSteps: string;
}

/**
 * Records the review of one of the plan's review dates (followed? what the data said, decision, next
 * steps) or, given `review`, corrects one (the decision stays; the coachee acknowledges again).
 */
export function ReviewFormModal({
  planId,
  dates,
  review,
  onClose,
  onSaved,
}: {
  planId: string;
  /** Review dates with no review yet (recording only). */
  dates: string[];
  review?: CoachingPlanReview;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('coaching');
  const record = useRecordReview(planId);
  const update = useUpdateReview(planId);
  const write = review ? update : record;
  const initialValues: Values = {
    reviewDate: review?.reviewDate ?? dates[0] ?? '',
    followed: review?.followed ?? 'yes',
    decision: review?.decision ?? 'continue',
    dataNotes: review?.dataNotes ?? '',
    nextSteps: review?.nextSteps ?? '',
  };
  const form = useForm({
    initialValues,
    // A correction keeps the date and decision, so the recording schema checks both forms.
    ...schemaForm(CreateCoachingPlanReviewInput, t, { toInput: (v: Values) => v }),
  });
  const onError = (error: Error) => form.setErrors(serverFieldErrors(t, error));
  const onSubmit = form.onSubmit((input) => {
    if (!review) return record.mutate(input, { onSuccess: onSaved, onError });
    const { followed, dataNotes, nextSteps } = input;
    update.mutate({ id: review.id, version: review.version, followed, dataNotes, nextSteps }, { onSuccess: onSaved, onError });
  }, focusFirstError);
  const decision = form.values.decision;

  return (
    <AppModal
      opened
      onClose={onClose}
      title={review ? t('review.editTitle', { date: formatDate(review.reviewDate) }) : t('review.newTitle')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={write.error} />
          {review ? null : (
            <NativeSelect
              label={t('review.reviewDate')}
              required
              {...form.getInputProps('reviewDate')}
              data={dates.map((d) => ({ value: d, label: formatDate(d) }))}
            />
          )}
          <Radio.Group label={t('review.followed')} required {...form.getInputProps('followed')}>
            <Group mt="xs">
              {COACHING_REVIEW_FOLLOWED.map((f) => (
                <Radio key={f} value={f} label={t(`review.followedValue.${f}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('review.dataNotes')}
            description={t('review.dataNotesHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('dataNotes')}
            data-autofocus
          />
          {review ? null : (
            <NativeSelect
              label={t('review.decision')}
              required
              {...form.getInputProps('decision')}
              data={COACHING_REVIEW_DECISIONS.map((d) => ({ value: d, label: t(`review.decisionValue.${d}`) }))}
            />
          )}
          {!review && (decision === 'end' || decision === 'fade') ? (
            <Text size="sm" c="dimmed">
              {t(`review.decisionEffect.${decision}`)}
            </Text>
          ) : null}
          <Textarea label={t('review.nextSteps')} autosize minRows={2} {...form.getInputProps('nextSteps')} />
          {review?.acknowledgedAt ? (
            <Text size="sm" c="dimmed">
              {t('review.editClearsAck')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending}>
              {review ? t('review.save') : t('review.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
