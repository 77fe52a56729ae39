import { Checkbox, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_KINDS, OBSERVATION_LIMITS, type ObservationKind } from '../../../common/observation.ts';
import { CreateObservationTypeInput, type ObservationType } from '../../../common/schemas/settings.ts';
import { useCreateObservationType, useUpdateObservationType } from '../../api/settings.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';
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

/** Adds an observation type or edits one (kind fixed once made); walkthroughs list look-fors one per line. */
export function ObservationTypeModal({ type, onClose, onSaved }: { type?: ObservationType; onClose: () => void; onSaved: (t: ObservationType) => void }) {
  const { t } = useTranslation('settings');
  const [values, setValues] = useState(() => valuesOf(type));
  const [version, setVersion] = useState(type?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateObservationType();
  const update = useUpdateObservationType();
  const mutation = type ? update : create;
  const walkthrough = values.kind === 'walkthrough';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const lookFors = walkthrough
      ? values.lookFors
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
      : [];
    const input = {
      name: values.name,
      kind: values.kind,
      description: values.description.trim() || null,
      lookFors,
      defaultDurationMinutes: values.duration === '' ? null : Number(values.duration),
      countsTowardRequirement: walkthrough ? false : values.counts,
    };
    const result = validate(CreateObservationTypeInput, input, t);
    const fieldErrors: FieldErrors = result.ok ? {} : { ...result.errors };
    if (walkthrough && lookFors.length === 0) fieldErrors.lookFors = t('types.lookForsRequired');
    for (const key of Object.keys(fieldErrors)) {
      if (key.startsWith('lookFors.')) fieldErrors.lookFors = t('types.lookForTooLong', { max: OBSERVATION_LIMITS.lookForChars });
    }
    if (fieldErrors.lookFors === undefined && lookFors.length > OBSERVATION_LIMITS.lookFors) fieldErrors.lookFors = t('types.tooManyLookFors', { max: OBSERVATION_LIMITS.lookFors });
    if (fieldErrors.defaultDurationMinutes) fieldErrors.defaultDurationMinutes = t('types.durationRange');
    setErrors(fieldErrors);
    if (!result.ok || Object.keys(fieldErrors).length > 0) return;
    const options = { onSuccess: onSaved, onError: (error: unknown) => setErrors(serverFieldErrors(t, error)) };
    if (type && version) {
      const { kind: _kind, ...fields } = result.data;
      update.mutate({ id: type.id, version, ...fields }, options);
    } else create.mutate(result.data, options);
  };

  const current = conflictCurrent<ObservationType>(update.error);
  return (
    <AppModal opened onClose={onClose} title={type ? t('types.editTitle', { name: type.name }) : t('types.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveProblem
            error={mutation.error}
            onLoad={() => {
              if (!current) return;
              setValues(valuesOf(current));
              setVersion(current.version);
              update.reset();
            }}
          />
          <TextInput
            label={t('types.name')}
            required
            value={values.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setValues((v) => ({ ...v, name }));
            }}
            error={errors.name}
            data-autofocus
          />
          <NativeSelect
            label={t('types.kind')}
            description={type ? t('types.kindFixed') : undefined}
            disabled={Boolean(type)}
            value={values.kind}
            onChange={(e) => {
              const kind = e.currentTarget.value as ObservationKind;
              setValues((v) => ({ ...v, kind }));
            }}
            data={OBSERVATION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <Textarea
            label={t('types.description')}
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => {
              const description = e.currentTarget.value;
              setValues((v) => ({ ...v, description }));
            }}
            error={errors.description}
          />
          <NumberInput
            label={t('types.duration')}
            min={1}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={values.duration}
            onChange={(duration) => setValues((v) => ({ ...v, duration }))}
            error={errors.defaultDurationMinutes}
          />
          {walkthrough ? (
            <Textarea
              label={t('types.lookFors')}
              description={t('types.lookForsHelp', { max: OBSERVATION_LIMITS.lookFors })}
              required
              autosize
              minRows={4}
              value={values.lookFors}
              onChange={(e) => {
                const lookFors = e.currentTarget.value;
                setValues((v) => ({ ...v, lookFors }));
              }}
              error={errors.lookFors}
            />
          ) : (
            <Checkbox
              label={t('types.counts')}
              description={t('types.countsHelp')}
              checked={values.counts}
              onChange={(e) => {
                const counts = e.currentTarget.checked;
                setValues((v) => ({ ...v, counts }));
              }}
            />
          )}
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
