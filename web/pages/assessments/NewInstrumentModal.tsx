import { Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { INSTRUMENT_KINDS, type InstrumentKind } from '../../../common/assessments.ts';
import { InstrumentInput } from '../../../common/schemas/assessments.ts';
import { useCreateInstrument } from '../../api/assessments.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';

/** A new instrument: name, kind, description and where its text comes from; then its draft opens in the builder. */
export function NewInstrumentModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('assessments');
  const { t: tApp } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateInstrument();
  const form = useForm({
    initialValues: { name: '', kind: 'custom' as InstrumentKind, description: '', sourceNote: '' },
    ...schemaForm(InstrumentInput, tApp),
  });
  const submit = form.onSubmit(
    (input) => create.mutate(input, { onSuccess: (created) => void navigate(`/assessments/versions/${created.versions[0]!.id}`) }),
    focusFirstError,
  );
  return (
    <AppModal opened onClose={onClose} title={t('instruments.new')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('instruments.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <Select
            label={t('instruments.kind')}
            required
            allowDeselect={false}
            data={INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <Textarea label={t('instruments.description')} autosize minRows={2} maxLength={5000} {...form.getInputProps('description')} />
          <Textarea
            label={t('instruments.sourceNote')}
            description={t('instruments.sourceNoteHelp')}
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps('sourceNote')}
          />
          <ErrorAlert error={create.error} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} submitLabel={t('instruments.create')} />
        </Stack>
      </form>
    </AppModal>
  );
}
