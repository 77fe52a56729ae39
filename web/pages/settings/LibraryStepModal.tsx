import { NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateLibraryStepInput, type LibraryStep } from '../../../common/schemas/settings.ts';
import { useCreateLibraryStep, useUpdateLibraryStep } from '../../api/settings.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';
import { conflictCurrent, SaveProblem } from './SaveProblem.tsx';

type Values = { title: string; practicePrompt: string; itemId: string };
const valuesOf = (step?: LibraryStep, itemId = ''): Values => ({ title: step?.title ?? '', practicePrompt: step?.practicePrompt ?? '', itemId: step?.item?.id ?? itemId });

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
  const [values, setValues] = useState(() => valuesOf(step, initialItemId));
  const [version, setVersion] = useState(step?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateLibraryStep();
  const update = useUpdateLibraryStep();
  const mutation = step ? update : create;
  // A step tagged with an item of an older version keeps its tag selectable.
  const options = step?.item && !competencies.some((c) => c.value === step.item?.id)
    ? [{ value: step.item.id, label: `${step.item.humanCode ?? ''} ${step.item.statement}`.trim() }, ...competencies]
    : competencies;
  const set = (key: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(CreateLibraryStepInput, { title: values.title, practicePrompt: values.practicePrompt.trim() || null, itemId: values.itemId }, t);
    const fieldErrors: FieldErrors = result.ok ? {} : { ...result.errors };
    if (!values.itemId) fieldErrors.itemId = t('validation.required');
    setErrors(fieldErrors);
    if (!result.ok) return;
    const done = { onSuccess: onSaved, onError: (error: unknown) => setErrors(serverFieldErrors(t, error)) };
    if (step && version) update.mutate({ id: step.id, version, ...result.data }, done);
    else create.mutate(result.data, done);
  };

  const current = conflictCurrent<LibraryStep>(update.error);
  return (
    <AppModal opened onClose={onClose} title={step ? t('library.editTitle') : t('library.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveProblem
            error={mutation.error}
            onLoad={() => {
              if (!current) return;
              setValues(valuesOf(current));
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
            value={values.title}
            onChange={set('title')}
            error={errors.title}
            data-autofocus
          />
          <Textarea label={t('library.practicePrompt')} description={t('library.practicePromptHelp')} autosize minRows={2} value={values.practicePrompt} onChange={set('practicePrompt')} error={errors.practicePrompt} />
          <NativeSelect
            label={t('library.competency')}
            required
            value={values.itemId}
            onChange={set('itemId')}
            error={errors.itemId}
            data={[{ value: '', label: t('library.chooseCompetency') }, ...options]}
          />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
