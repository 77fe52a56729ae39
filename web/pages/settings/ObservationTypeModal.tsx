import { Checkbox, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CREATABLE_OBSERVATION_KINDS, OBSERVATION_LIMITS, type ObservationKind } from '../../../common/observation.ts';
import { CreateObservationTypeInput, type ObservationType } from '../../../common/schemas/settings.ts';
import { useCreateObservationType, useUpdateObservationType } from '../../api/settings.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, type FieldErrors, focusFirstError } from '../../app/form-validation.ts';
import { conflictCurrent, SaveProblem } from './SaveProblem.tsx';

type Values = { name: string; kind: ObservationKind; description: string; lookFors: string; duration: number | string; counts: boolean };

const valuesOf = (type?: ObservationType): Values => ({
  name: type?.name ?? '',
  kind: type?.kind ?? 'scored',
  description: type?.description ?? '',
  lookFors: type?.lookFors.join('\n') ?? '',
  duration: type?.defaultDurationMinutes ?? '',
  counts: type?.countsTowardRequirement ?? false,
});

const lookForLines = (values: Values) =>
  values.kind === 'walkthrough'
    ? values.lookFors
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

/** Adds an observation type or edits one (kind fixed once made); walkthroughs list look-fors one per line. */
export function ObservationTypeModal({
  type,
  onClose,
  onSaved,
}: {
  type?: ObservationType;
  onClose: () => void;
  onSaved: (t: ObservationType) => void;
}) {
  const { t } = useTranslation('settings');
  const [version, setVersion] = useState(type?.version);
  /** The look-fors' message: one line at least, each short enough, not too many. */
  const lookForsMessage = (values: Values, errors: FieldErrors) => {
    const lines = lookForLines(values);
    if (values.kind === 'walkthrough' && lines.length === 0) return t('types.lookForsRequired');
    if (Object.keys(errors).some((key) => key.startsWith('lookFors.')))
      return t('types.lookForTooLong', { max: OBSERVATION_LIMITS.lookForChars });
    if (lines.length > OBSERVATION_LIMITS.lookFors) return t('types.tooManyLookFors', { max: OBSERVATION_LIMITS.lookFors });
    return errors.lookFors;
  };
  const form = useForm({
    initialValues: valuesOf(type),
    ...schemaForm(CreateObservationTypeInput, t, {
      toInput: (values: Values) => ({
        name: values.name,
        kind: values.kind,
        description: values.description.trim() || null,
        lookFors: lookForLines(values),
        defaultDurationMinutes: values.duration === '' ? null : Number(values.duration),
        countsTowardRequirement: values.kind === 'walkthrough' ? false : values.counts,
      }),
      check: (values, errors) => ({
        lookFors: lookForsMessage(values, errors),
        defaultDurationMinutes: errors.defaultDurationMinutes ? t('types.durationRange') : undefined,
      }),
    }),
  });
  const values = form.values;
  const create = useCreateObservationType();
  const update = useUpdateObservationType();
  const mutation = type ? update : create;
  const walkthrough = values.kind === 'walkthrough';

  const onSubmit = form.onSubmit((input) => {
    const options = { onSuccess: onSaved, onError: (error: unknown) => form.setErrors(serverFieldErrors(t, error)) };
    if (type && version) {
      const { kind: _kind, ...fields } = input;
      update.mutate({ id: type.id, version, ...fields }, options);
    } else create.mutate(input, options);
  }, focusFirstError);

  const current = conflictCurrent<ObservationType>(update.error);
  return (
    <AppModal opened onClose={onClose} title={type ? t('types.editTitle', { name: type.name }) : t('types.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveProblem
            error={mutation.error}
            onLoad={() => {
              if (!current) return;
              form.setValues(valuesOf(current));
              setVersion(current.version);
              update.reset();
            }}
          />
          <TextInput label={t('types.name')} required {...form.getInputProps('name')} data-autofocus />
          <NativeSelect
            label={t('types.kind')}
            description={type ? t('types.kindFixed') : undefined}
            disabled={Boolean(type)}
            {...form.getInputProps('kind')}
            data={CREATABLE_OBSERVATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <Textarea label={t('types.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <NumberInput
            label={t('types.duration')}
            min={1}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('duration')}
            error={form.errors.defaultDurationMinutes}
          />
          {walkthrough ? (
            <Textarea
              label={t('types.lookFors')}
              description={t('types.lookForsHelp', { max: OBSERVATION_LIMITS.lookFors })}
              required
              autosize
              minRows={4}
              {...form.getInputProps('lookFors')}
            />
          ) : (
            <Checkbox
              label={t('types.counts')}
              description={t('types.countsHelp')}
              {...form.getInputProps('counts', { type: 'checkbox' })}
            />
          )}
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
