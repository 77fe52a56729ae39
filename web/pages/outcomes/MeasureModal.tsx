import { MultiSelect, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomeMeasureInput, type OutcomeMeasure } from '../../../common/schemas/outcomes.ts';
import { useCreateMeasure, useUpdateMeasure } from '../../api/outcomes.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

/** Creates a measure, or edits one (`measure`): its CSV key, name, unit, direction and the initiatives watching it. */
export function MeasureModal({
  measure,
  initiatives,
  onClose,
}: {
  measure: OutcomeMeasure | null;
  initiatives: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation('outcomes');
  const create = useCreateMeasure();
  const update = useUpdateMeasure();
  const [failed, setFailed] = useState<unknown>(null);
  const form = useForm({
    initialValues: {
      key: measure?.key ?? '',
      name: measure?.name ?? '',
      unit: measure?.unit ?? '',
      higherIsBetter: measure?.higherIsBetter ?? true,
      description: measure?.description ?? '',
      initiativeIds: measure?.initiativeIds ?? [],
    },
    ...schemaForm(OutcomeMeasureInput, t),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      if (measure) await update.mutateAsync({ ...input, id: measure.id, version: measure.version });
      else await create.mutateAsync(input);
      onClose();
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={measure ? t('measures.edit') : t('measures.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('measures.name')} required maxLength={200} {...form.getInputProps('name')} />
          <TextInput label={t('measures.key')} description={t('measures.keyHelp')} required maxLength={60} {...form.getInputProps('key')} />
          <TextInput label={t('measures.unit')} description={t('measures.unitHelp')} maxLength={40} {...form.getInputProps('unit')} />
          <Switch label={t('measures.higherIsBetter')} {...form.getInputProps('higherIsBetter', { type: 'checkbox' })} />
          <Textarea label={t('measures.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <MultiSelect
            label={t('measures.initiatives')}
            data={initiatives.map((i) => ({ value: i.id, label: i.name }))}
            searchable
            {...form.getInputProps('initiativeIds')}
          />
          <ErrorAlert error={failed} />
          <FormModalFooter onCancel={onClose} saving={create.isPending || update.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
