import { Checkbox, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { EQUIVALENCE_DIMENSIONS, type EquivalenceDimension } from '../../../common/competency.ts';
import { CreateEquivalenceInput, type PathwayStep } from '../../../common/schemas/pathways.ts';
import { useCreateEquivalence, usePathways } from '../../api/pathways.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Declares a step equivalent to a step of another pathway, in skills, responsibility and/or pay. */
export function EquivalenceModal({ step, onClose, onSaved }: { step: PathwayStep; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('pathways');
  const pathways = usePathways();
  const create = useCreateEquivalence();
  type Values = { equivalentStepId: string; dimensions: EquivalenceDimension[]; notes: string };
  const form = useForm({
    initialValues: { equivalentStepId: '', dimensions: [...EQUIVALENCE_DIMENSIONS], notes: '' } as Values,
    ...schemaForm(CreateEquivalenceInput, t, {
      toInput: (values: Values) => ({ ...values, notes: values.notes.trim() || null }),
      check: (_values, errors) => ({ dimensions: errors.dimensions ? t('equivalence.pickDimension') : undefined }),
    }),
  });
  const taken = new Set(step.equivalences.map((e) => e.step.id));
  const groups = (pathways.data?.items ?? [])
    .filter((p) => p.id !== step.pathwayId)
    .map((p) => ({
      group: p.name,
      items: p.steps.filter((s) => s.active && !taken.has(s.id)).map((s) => ({ value: s.id, label: s.title })),
    }))
    .filter((g) => g.items.length > 0);

  const onSubmit = form.onSubmit((input) => create.mutate({ stepId: step.id, ...input }, { onSuccess: onSaved }), focusFirstError);

  return (
    <AppModal opened onClose={onClose} title={t('equivalence.addTitle', { name: step.title })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <NativeSelect
            label={t('equivalence.otherStep')}
            required
            {...form.getInputProps('equivalentStepId')}
            data={[{ value: '', label: t('field.choose') }, ...groups]}
            data-autofocus
          />
          <Checkbox.Group label={t('equivalence.dimensions')} {...form.getInputProps('dimensions')} data-path={undefined}>
            <Group mt="xs">
              {EQUIVALENCE_DIMENSIONS.map((d) => (
                <Checkbox key={d} value={d} label={t(`dimension.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea label={t('field.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
