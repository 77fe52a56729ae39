import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CENTRAL_OFFICE_FUNCTIONS, PATHWAY_CATEGORIES, type PathwayCategory } from '../../../common/competency.ts';
import { CreatePathwayInput, type Pathway } from '../../../common/schemas/pathways.ts';
import { useCreatePathway, useUpdatePathway } from '../../api/pathways.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';
import { SaveProblem } from './ConflictNotice.tsx';
import { isApiError } from '../../api/client.ts';

type Values = { name: string; category: PathwayCategory; function: string; description: string };

const valuesOf = (p?: Pathway): Values => ({
  name: p?.name ?? '',
  category: p?.category ?? 'instructional',
  function: p?.function ?? '',
  description: p?.description ?? '',
});

/** Adds a pathway or edits one (with its version; a 409 offers the other editor's version). */
export function PathwayFormModal({ pathway, onClose, onSaved }: { pathway?: Pathway; onClose: () => void; onSaved: (p: Pathway) => void }) {
  const { t } = useTranslation('pathways');
  const [values, setValues] = useState(() => valuesOf(pathway));
  const [version, setVersion] = useState(pathway?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreatePathway();
  const update = useUpdatePathway();
  const mutation = pathway ? update : create;
  const conflict = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: Pathway } | null)?.current ?? null) : null;
  const set = (key: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: values.name,
      category: values.category,
      function: values.category === 'central_office' ? values.function || null : null,
      description: values.description.trim() || null,
    };
    const result = validate(CreatePathwayInput, input, t);
    const fieldErrors: FieldErrors = result.ok ? {} : { ...result.errors };
    if (values.category === 'central_office' && !values.function) fieldErrors.function = t('validation.required');
    setErrors(fieldErrors);
    if (!result.ok || Object.keys(fieldErrors).length > 0) return;
    const options = { onSuccess: onSaved, onError: (error: unknown) => setErrors(serverFieldErrors(t, error)) };
    if (pathway && version) update.mutate({ id: pathway.id, version, ...result.data }, options);
    else create.mutate(result.data, options);
  };

  return (
    <AppModal opened onClose={onClose} title={pathway ? t('pathway.editTitle', { name: pathway.name }) : t('pathway.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveProblem
            conflict={conflict !== null}
            error={mutation.error}
            onLoad={() => {
              if (!conflict) return;
              setValues(valuesOf(conflict));
              setVersion(conflict.version);
              update.reset();
            }}
          />
          <TextInput label={t('field.name')} required value={values.name} onChange={set('name')} error={errors.name} data-autofocus />
          <NativeSelect
            label={t('field.category')}
            value={values.category}
            onChange={set('category')}
            data={PATHWAY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
          {values.category === 'central_office' ? (
            <NativeSelect
              label={t('field.function')}
              required
              value={values.function}
              onChange={set('function')}
              error={errors.function}
              data={[{ value: '', label: t('field.choose') }, ...CENTRAL_OFFICE_FUNCTIONS.map((f) => ({ value: f, label: t(`function.${f}`) }))]}
            />
          ) : null}
          <Textarea label={t('field.description')} autosize minRows={2} value={values.description} onChange={set('description')} error={errors.description} />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
