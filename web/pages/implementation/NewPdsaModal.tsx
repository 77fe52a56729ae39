import { Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PdsaCreateInput, type PdsaOptions } from '../../../common/schemas/pdsa.ts';
import { useCreatePdsa } from '../../api/pdsa.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

interface Values {
  orgUnitId: string | null;
  itemId: string | null;
  title: string;
  change: string;
  prediction: string;
  measures: string;
}

/** Starts a cycle in plan for a school the reader acts for and one component of the practice profile. */
export function NewPdsaModal({ initiativeId, options, onClose }: { initiativeId: string; options: PdsaOptions; onClose: () => void }) {
  const { t } = useTranslation('implementation');
  const navigate = useNavigate();
  const create = useCreatePdsa(initiativeId);
  const [failed, setFailed] = useState<unknown>(null);
  const schools = options.schools.filter((s) => s.canCreate);
  const form = useForm({
    initialValues: {
      orgUnitId: schools.length === 1 ? schools[0]!.id : null,
      itemId: null,
      title: '',
      change: '',
      prediction: '',
      measures: '',
    } as Values,
    ...schemaForm(PdsaCreateInput, t),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      const cycle = await create.mutateAsync(input);
      void navigate(`/initiatives/${initiativeId}/pdsa/${cycle.id}`);
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={onClose} title={t('pdsa.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('pdsa.school')}
            required
            data={schools.map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('orgUnitId')}
          />
          <Select
            label={t('pdsa.component')}
            required
            searchable
            data={options.components.map((c) => ({ value: c.id, label: c.code ? `${c.code} ${c.name}` : c.name }))}
            {...form.getInputProps('itemId')}
          />
          <TextInput label={t('pdsa.title')} required maxLength={200} {...form.getInputProps('title')} />
          <Textarea
            label={t('pdsa.fields.change')}
            description={t('pdsa.help.change')}
            autosize
            minRows={2}
            {...form.getInputProps('change')}
          />
          <Textarea
            label={t('pdsa.fields.prediction')}
            description={t('pdsa.help.prediction')}
            autosize
            minRows={2}
            {...form.getInputProps('prediction')}
          />
          <Textarea
            label={t('pdsa.fields.measures')}
            description={t('pdsa.help.measures')}
            autosize
            minRows={2}
            {...form.getInputProps('measures')}
          />
          <ErrorAlert error={failed} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} submitLabel={t('pdsa.create')} />
        </Stack>
      </form>
    </AppModal>
  );
}
