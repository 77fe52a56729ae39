import { NativeSelect, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateLibraryStepInput, type LibraryStep } from '../../../common/schemas/settings.ts';
import { useCreateLibraryStep, useUpdateLibraryStep } from '../../api/settings.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { conflictCurrent, SaveProblem } from './SaveProblem.tsx';

type Values = { title: string; practicePrompt: string; itemId: string };
const valuesOf = (step?: LibraryStep, itemId = ''): Values => ({
  title: step?.title ?? '',
  practicePrompt: step?.practicePrompt ?? '',
  itemId: step?.item?.id ?? itemId,
});

/** Adds a library step or edits one: "what to do" wording, an optional practice prompt, the competency. */
export function LibraryStepModal({
  step,
  initialItemId,
  competencies,
  onClose,
  onSaved,
}: {
  step?: LibraryStep;
  initialItemId?: string;
  competencies: { value: string; label: string }[];
  onClose: () => void;
  onSaved: (s: LibraryStep) => void;
}) {
  const { t } = useTranslation('settings');
  const [version, setVersion] = useState(step?.version);
  const form = useForm({
    initialValues: valuesOf(step, initialItemId),
    ...schemaForm(CreateLibraryStepInput, t, {
      toInput: (values: Values) => ({ title: values.title, practicePrompt: values.practicePrompt.trim() || null, itemId: values.itemId }),
      check: (values) => ({ itemId: values.itemId ? undefined : t('validation.required') }),
    }),
  });
  const create = useCreateLibraryStep();
  const update = useUpdateLibraryStep();
  const mutation = step ? update : create;
  // A step tagged with an item of an older version keeps its tag selectable.
  const options =
    step?.item && !competencies.some((c) => c.value === step.item?.id)
      ? [{ value: step.item.id, label: `${step.item.humanCode ?? ''} ${step.item.statement}`.trim() }, ...competencies]
      : competencies;
  const onSubmit = form.onSubmit((input) => {
    const done = { onSuccess: onSaved, onError: (error: unknown) => form.setErrors(serverFieldErrors(t, error)) };
    if (step && version) update.mutate({ id: step.id, version, ...input }, done);
    else create.mutate(input, done);
  }, focusFirstError);

  const current = conflictCurrent<LibraryStep>(update.error);
  return (
    <AppModal opened onClose={onClose} title={step ? t('library.editTitle') : t('library.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveProblem
            error={mutation.error}
            onLoad={() => {
              if (!current) return;
              form.setValues(valuesOf(current));
              setVersion(current.version);
              update.reset();
            }}
          />
          <Textarea
            label={t('library.stepTitle')}
            description={t('library.stepTitleHelp')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('title')}
            data-autofocus
          />
          <Textarea
            label={t('library.practicePrompt')}
            description={t('library.practicePromptHelp')}
            autosize
            minRows={2}
            {...form.getInputProps('practicePrompt')}
          />
          <NativeSelect
            label={t('library.competency')}
            required
            {...form.getInputProps('itemId')}
            data={[{ value: '', label: t('library.chooseCompetency') }, ...options]}
          />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
