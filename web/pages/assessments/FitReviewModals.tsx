import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FIT_CANDIDATE_KINDS, FIT_RECOMMENDATIONS } from '../../../common/fit-reviews.ts';
import {
  FitAdoptInput,
  FitCandidateInput,
  FitRecommendationInput,
  FitReviewUpdateInput,
  type FitCandidate,
  type FitReviewDetail,
} from '../../../common/schemas/fit-reviews.ts';
import { useAddCandidate, useAdoptCandidate, useRecommend, useUpdateCandidate, useUpdateFitReview } from '../../api/fit-reviews.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { notifySuccess } from '../../components/notify.ts';

/** The review's title and need. */
export function ReviewEditModal({ review, onClose }: { review: FitReviewDetail; onClose: () => void }) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const save = useUpdateFitReview(review.id);
  const form = useForm({
    initialValues: { title: review.title, need: review.need, version: review.version },
    ...schemaForm(FitReviewUpdateInput, tApp),
  });
  const submit = form.onSubmit(
    (input) => save.mutate(input, { onSuccess: () => (notifySuccess(t('fit.saved')), onClose()) }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('fit.editTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('fit.form.title')} required maxLength={200} data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('fit.form.need')} autosize minRows={2} maxLength={5000} {...form.getInputProps('need')} />
          <ErrorAlert error={save.error} />
          <FormModalFooter onCancel={onClose} saving={save.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Adds a candidate (its administration starts with it) or edits one's name, kind, vendor and notes. */
export function CandidateModal({
  review,
  candidate,
  onClose,
}: {
  review: FitReviewDetail;
  candidate: FitCandidate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const add = useAddCandidate(review.id);
  const update = useUpdateCandidate(review.id);
  const pending = add.isPending || update.isPending;
  const form = useForm({
    initialValues: {
      name: candidate?.name ?? '',
      kind: candidate?.kind ?? ('coaching_model' as FitCandidate['kind']),
      vendor: candidate?.vendor ?? '',
      notes: candidate?.notes ?? '',
    },
    ...schemaForm(FitCandidateInput, tApp),
  });
  const done = () => (notifySuccess(t('fit.saved')), onClose());
  const submit = form.onSubmit(
    (input) =>
      candidate
        ? update.mutate({ ...input, candidateId: candidate.id, version: candidate.version }, { onSuccess: done })
        : add.mutate(input, { onSuccess: done }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={candidate ? t('fit.editCandidate', { name: candidate.name }) : t('fit.addCandidate')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('fit.candidate.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <Select
            label={t('fit.candidate.kind')}
            required
            allowDeselect={false}
            data={FIT_CANDIDATE_KINDS.map((k) => ({ value: k, label: t(`fit.kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('fit.candidate.vendor')}
            description={t('fit.candidate.vendorHelp')}
            maxLength={200}
            {...form.getInputProps('vendor')}
          />
          <Textarea label={t('fit.candidate.notes')} autosize minRows={2} maxLength={5000} {...form.getInputProps('notes')} />
          <ErrorAlert error={add.error ?? update.error} />
          <FormModalFooter onCancel={onClose} saving={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The team's recommendation for one candidate, with its rationale (cleared by choosing none). */
export function RecommendationModal({
  review,
  candidate,
  onClose,
}: {
  review: FitReviewDetail;
  candidate: FitCandidate;
  onClose: () => void;
}) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const recommend = useRecommend(review.id);
  const form = useForm({
    initialValues: { recommendation: candidate.recommendation, rationale: candidate.rationale, version: candidate.version },
    ...schemaForm(FitRecommendationInput, tApp),
  });
  const submit = form.onSubmit(
    (input) =>
      recommend.mutate({ ...input, candidateId: candidate.id }, { onSuccess: () => (notifySuccess(t('fit.recorded')), onClose()) }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('fit.recommendOf', { name: candidate.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('fit.recommendHelp')}</Text>
          <Select
            label={t('fit.recommendation')}
            placeholder={t('fit.noRecommendation')}
            clearable
            data-autofocus
            data={FIT_RECOMMENDATIONS.map((r) => ({ value: r, label: t(`fit.recommendations.${r}`) }))}
            {...form.getInputProps('recommendation')}
          />
          <Textarea label={t('fit.rationale')} autosize minRows={3} maxLength={5000} {...form.getInputProps('rationale')} />
          <ErrorAlert error={recommend.error} />
          <FormModalFooter onCancel={onClose} saving={recommend.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** Adopting: the initiative's name and purpose (the candidate's name and the review's need to start with), then its page. */
export function AdoptModal({ review, candidate, onClose }: { review: FitReviewDetail; candidate: FitCandidate; onClose: () => void }) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const adopt = useAdoptCandidate(review.id);
  const form = useForm({
    initialValues: { name: candidate.name, purpose: review.need, version: candidate.version },
    ...schemaForm(FitAdoptInput, tApp),
  });
  const submit = form.onSubmit(
    (input) =>
      adopt.mutate(
        { ...input, candidateId: candidate.id },
        {
          onSuccess: (r) => {
            notifySuccess(t('fit.adopted'));
            const started = r.candidates.find((c) => c.id === candidate.id)?.initiative;
            if (started) void navigate(`/initiatives/${started.id}`);
            else onClose();
          },
        },
      ),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('fit.adoptOf', { name: candidate.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('fit.adoptHelp', { where: review.orgUnit.name })}</Text>
          <TextInput label={t('fit.initiativeName')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <Textarea label={t('fit.purpose')} autosize minRows={2} maxLength={5000} {...form.getInputProps('purpose')} />
          <ErrorAlert error={adopt.error} />
          <FormModalFooter onCancel={onClose} saving={adopt.isPending} submitLabel={t('fit.adopt')} />
        </Stack>
      </form>
    </AppModal>
  );
}
