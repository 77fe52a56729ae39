import { Checkbox, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EQUIVALENCE_DIMENSIONS, type EquivalenceDimension } from '../../../common/competency.ts';
import type { PathwayStep } from '../../../common/schemas/pathways.ts';
import { useCreateEquivalence, usePathways } from '../../api/pathways.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

/** Declares a step equivalent to a step of another pathway, in skills, responsibility and/or pay. */
export function EquivalenceModal({ step, onClose, onSaved }: { step: PathwayStep; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('pathways');
  const pathways = usePathways();
  const create = useCreateEquivalence();
  const [other, setOther] = useState('');
  const [dimensions, setDimensions] = useState<EquivalenceDimension[]>([...EQUIVALENCE_DIMENSIONS]);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<{ other?: string; dimensions?: string }>({});
  const taken = new Set(step.equivalences.map((e) => e.step.id));
  const groups = (pathways.data?.items ?? [])
    .filter((p) => p.id !== step.pathwayId)
    .map((p) => ({
      group: p.name,
      items: p.steps.filter((s) => s.active && !taken.has(s.id)).map((s) => ({ value: s.id, label: s.title })),
    }))
    .filter((g) => g.items.length > 0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      other: other ? undefined : t('validation.required'),
      dimensions: dimensions.length ? undefined : t('equivalence.pickDimension'),
    };
    setErrors(next);
    if (next.other || next.dimensions) return;
    create.mutate({ stepId: step.id, equivalentStepId: other, dimensions, notes: notes.trim() || null }, { onSuccess: onSaved });
  };

  return (
    <AppModal opened onClose={onClose} title={t('equivalence.addTitle', { name: step.title })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={create.error} />
          <NativeSelect
            label={t('equivalence.otherStep')}
            required
            value={other}
            onChange={(e) => setOther(e.currentTarget.value)}
            error={errors.other}
            data={[{ value: '', label: t('field.choose') }, ...groups]}
            data-autofocus
          />
          <Checkbox.Group
            label={t('equivalence.dimensions')}
            value={dimensions}
            onChange={(v) => setDimensions(v as EquivalenceDimension[])}
            error={errors.dimensions}
          >
            <Group mt="xs">
              {EQUIVALENCE_DIMENSIONS.map((d) => (
                <Checkbox key={d} value={d} label={t(`dimension.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Textarea label={t('field.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <FormModalFooter onCancel={onClose} saving={create.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
