import { List, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPLEMENTATION_STAGES, type ImplementationStage } from '../../../common/implementation.ts';
import { BulkStageMoveInput, type SchoolStage } from '../../../common/schemas/initiative-stages.ts';
import { useBulkMoveStages } from '../../api/initiative-stages.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';

interface Values {
  toStage: ImplementationStage | null;
  evidence: string;
}

/** Moves the selected schools (a wave) to one stage with one evidence text, all or none. */
export function BulkMoveModal({
  initiativeId,
  schools,
  onClose,
}: {
  initiativeId: string;
  schools: SchoolStage[];
  onClose: (moved: boolean) => void;
}) {
  const { t } = useTranslation('implementation');
  const move = useBulkMoveStages(initiativeId);
  const [failed, setFailed] = useState<unknown>(null);
  const form = useForm({
    initialValues: { toStage: null, evidence: '' } as Values,
    ...schemaForm(BulkStageMoveInput, t, {
      toInput: (v: Values) => ({ ...v, schools: schools.map((s) => ({ orgUnitId: s.orgUnitId, version: s.version })) }),
    }),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      const result = await move.mutateAsync(input);
      notifySuccess(t('stagesPage.bulk.done', { count: result.moved }));
      onClose(true);
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <AppModal opened onClose={() => onClose(false)} title={t('stagesPage.bulk.title', { count: schools.length })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('stagesPage.bulk.schools')}</Text>
          <List size="sm">
            {schools.map((s) => (
              <List.Item key={s.orgUnitId}>{`${s.orgUnitName}: ${t(`stages.${s.stage}`)}`}</List.Item>
            ))}
          </List>
          <Select
            label={t('stagesPage.move.toStage')}
            required
            data={IMPLEMENTATION_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            {...form.getInputProps('toStage')}
          />
          <Textarea
            label={t('stagesPage.move.evidence')}
            description={t('stagesPage.move.evidenceHelp')}
            required
            autosize
            minRows={3}
            maxLength={10000}
            {...form.getInputProps('evidence')}
          />
          <ErrorAlert error={failed} />
          <FormModalFooter onCancel={() => onClose(false)} saving={move.isPending} submitLabel={t('stagesPage.bulk.submit')} />
        </Stack>
      </form>
    </AppModal>
  );
}
