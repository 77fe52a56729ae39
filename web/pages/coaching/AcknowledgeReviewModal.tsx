import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { AcknowledgeCoachingPlanReviewInput, type CoachingPlanReview } from '../../../common/schemas/coaching-reviews.ts';
import { useAcknowledgeReview } from '../../api/coaching-reviews.ts';
import { formatDate } from '../../app/format.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

/** The coachee acknowledges a review, with a note (agreeing, or what they see differently). */
export function AcknowledgeReviewModal({
  planId,
  review,
  onClose,
  onSaved,
}: {
  planId: string;
  review: CoachingPlanReview;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('coaching');
  const acknowledge = useAcknowledgeReview(planId);
  const form = useForm({
    initialValues: { note: review.coacheeNote ?? '' },
    ...schemaForm(AcknowledgeCoachingPlanReviewInput, t, { toInput: (v: { note: string }) => ({ version: review.version, note: v.note }) }),
  });
  const onSubmit = form.onSubmit(
    (input) =>
      acknowledge.mutate(
        { id: review.id, ...input },
        { onSuccess: onSaved, onError: (error) => form.setErrors(serverFieldErrors(t, error)) },
      ),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('review.ackTitle', { date: formatDate(review.reviewDate) })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={acknowledge.error} />
          <Textarea
            label={t('review.coacheeNote')}
            description={t('review.coacheeNoteHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('note')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={acknowledge.isPending}>
              {t('review.acknowledge')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
