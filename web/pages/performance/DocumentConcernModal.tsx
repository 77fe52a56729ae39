import { Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConcernInput } from '../../../common/schemas/professionalism.ts';
import { useProfessionalismSetup, useRaiseConcern } from '../../api/professionalism.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';

interface Values {
  personId: string | null;
  expectationId: string | null;
  escalationStepId: string | null;
  occurredOn: string;
  description: string;
}

/** A leader or HR documents a concern about a person against an active expectation; the person is told. */
export function DocumentConcernModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('performance');
  const navigate = useNavigate();
  const setup = useProfessionalismSetup();
  const raise = useRaiseConcern();
  const [failed, setFailed] = useState<unknown>(null);
  const initialValues: Values = { personId: null, expectationId: null, escalationStepId: null, occurredOn: '', description: '' };
  const form = useForm({
    initialValues,
    ...schemaForm(ConcernInput, t, {
      toInput: (v: Values) => ({
        expectationId: v.expectationId,
        escalationStepId: v.escalationStepId,
        occurredOn: v.occurredOn,
        description: v.description,
      }),
    }),
  });
  const onSubmit = form.onSubmit(async (input) => {
    const personId = form.getValues().personId;
    if (!personId) {
      form.setFieldError('personId', t('validation.required', { ns: 'app' }));
      return;
    }
    setFailed(null);
    try {
      const concern = await raise.mutateAsync({ personId, ...input });
      notifySuccess(t('professionalism.saved'));
      void navigate(`/performance/concerns/${concern.id}`);
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  const active = (items: { id: string; title: string; active: boolean }[] = []) =>
    items.filter((i) => i.active).map((i) => ({ value: i.id, label: i.title }));
  return (
    <AppModal opened onClose={onClose} title={t('professionalism.document')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <PersonPicker
            label={t('professionalism.person')}
            value={form.values.personId}
            onChange={(id) => form.setFieldValue('personId', id)}
          />
          {form.errors.personId ? (
            <Text c="red" size="sm" role="alert">
              {form.errors.personId}
            </Text>
          ) : null}
          <Select
            label={t('professionalism.expectation')}
            required
            data={active(setup.data?.expectations)}
            {...form.getInputProps('expectationId')}
          />
          <Select
            label={t('professionalism.step')}
            placeholder={t('professionalism.noStep')}
            clearable
            data={active(setup.data?.escalationSteps)}
            {...form.getInputProps('escalationStepId')}
          />
          <TextInput type="date" label={t('professionalism.occurredOn')} required {...form.getInputProps('occurredOn')} />
          <Textarea
            label={t('professionalism.what')}
            required
            autosize
            minRows={3}
            maxLength={10000}
            {...form.getInputProps('description')}
          />
          <ErrorAlert error={failed} />
          <FormModalFooter onCancel={onClose} saving={raise.isPending} submitLabel={t('professionalism.document')} />
        </Stack>
      </form>
    </AppModal>
  );
}
