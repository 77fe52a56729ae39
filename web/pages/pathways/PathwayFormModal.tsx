import { NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CENTRAL_OFFICE_FUNCTIONS, PATHWAY_CATEGORIES, type PathwayCategory } from '../../../common/competency.ts';
import { CreatePathwayInput, type Pathway } from '../../../common/schemas/pathways.ts';
import { useCreatePathway, useUpdatePathway } from '../../api/pathways.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
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
  const [version, setVersion] = useState(pathway?.version);
  const form = useForm({
    initialValues: valuesOf(pathway),
    ...schemaForm(CreatePathwayInput, t, {
      toInput: (values: Values) => ({
        name: values.name,
        category: values.category,
        function: values.category === 'central_office' ? values.function || null : null,
        description: values.description.trim() || null,
      }),
      check: (values) => ({ function: values.category === 'central_office' && !values.function ? t('validation.required') : undefined }),
    }),
  });
  const values = form.values;
  const create = useCreatePathway();
  const update = useUpdatePathway();
  const mutation = pathway ? update : create;
  const conflict = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: Pathway } | null)?.current ?? null) : null;
  const onSubmit = form.onSubmit((input) => {
    const options = { onSuccess: onSaved, onError: (error: unknown) => form.setErrors(serverFieldErrors(t, error)) };
    if (pathway && version) update.mutate({ id: pathway.id, version, ...input }, options);
    else create.mutate(input, options);
  }, focusFirstError);

  return (
    <AppModal opened onClose={onClose} title={pathway ? t('pathway.editTitle', { name: pathway.name }) : t('pathway.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveProblem
            conflict={conflict !== null}
            error={mutation.error}
            onLoad={() => {
              if (!conflict) return;
              form.setValues(valuesOf(conflict));
              setVersion(conflict.version);
              update.reset();
            }}
          />
          <TextInput label={t('field.name')} required {...form.getInputProps('name')} data-autofocus />
          <NativeSelect
            label={t('field.category')}
            {...form.getInputProps('category')}
            data={PATHWAY_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
          {values.category === 'central_office' ? (
            <NativeSelect
              label={t('field.function')}
              required
              {...form.getInputProps('function')}
              data={[
                { value: '', label: t('field.choose') },
                ...CENTRAL_OFFICE_FUNCTIONS.map((f) => ({ value: f, label: t(`function.${f}`) })),
              ]}
            />
          ) : null}
          <Textarea label={t('field.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
