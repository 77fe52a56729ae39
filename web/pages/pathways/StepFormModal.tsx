import { NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateStepInput, type PathwayStep } from '../../../common/schemas/pathways.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { isApiError } from '../../api/client.ts';
import { useCreateStep, useUpdateStep } from '../../api/pathways.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { SaveProblem } from './ConflictNotice.tsx';

type Num = number | string;
interface Values {
  title: string;
  code: string;
  staffRole: string;
  responsibilityLevel: Num;
  summary: string;
  responsibilities: string;
  minYearsExperience: Num;
  credentials: string;
  evidence: string;
  payBandMinUsd: Num;
  payBandMaxUsd: Num;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const num = (v: Num) => (v === '' || v === null || v === undefined ? null : Number(v));

const valuesOf = (s?: PathwayStep): Values => ({
  title: s?.title ?? '',
  code: s?.code ?? '',
  staffRole: s?.staffRole ?? '',
  responsibilityLevel: s?.responsibilityLevel ?? '',
  summary: s?.summary ?? '',
  responsibilities: s?.responsibilities.join('\n') ?? '',
  minYearsExperience: s?.prerequisites.minYearsExperience ?? '',
  credentials: s?.prerequisites.credentials.join('\n') ?? '',
  evidence: s?.prerequisites.evidence.join('\n') ?? '',
  payBandMinUsd: s?.payBandMinUsd ?? '',
  payBandMaxUsd: s?.payBandMaxUsd ?? '',
});

/** Adds a step at the top of a ladder, or edits one (with its version; 409 offers the other editor's). */
export function StepFormModal({
  pathwayId,
  step,
  onClose,
  onSaved,
}: {
  pathwayId: string;
  step?: PathwayStep;
  onClose: () => void;
  onSaved: (s: PathwayStep) => void;
}) {
  const { t, i18n } = useTranslation('pathways');
  const [version, setVersion] = useState(step?.version);
  const form = useForm({
    initialValues: valuesOf(step),
    ...schemaForm(CreateStepInput, t, {
      toInput: (values: Values) => ({
        title: values.title,
        code: values.code.trim() || null,
        staffRole: values.staffRole || null,
        responsibilityLevel: num(values.responsibilityLevel),
        summary: values.summary.trim() || null,
        responsibilities: lines(values.responsibilities),
        prerequisites: {
          minYearsExperience: num(values.minYearsExperience),
          credentials: lines(values.credentials),
          evidence: lines(values.evidence),
        },
        payBandMinUsd: num(values.payBandMinUsd),
        payBandMaxUsd: num(values.payBandMaxUsd),
      }),
      check: (values) => {
        const [min, max] = [num(values.payBandMinUsd), num(values.payBandMaxUsd)];
        return { payBandMaxUsd: min !== null && max !== null && min > max ? t('step.payBandOrder') : undefined };
      },
    }),
  });
  const create = useCreateStep();
  const update = useUpdateStep();
  const mutation = step ? update : create;
  const conflict = isApiError(update.error, 'conflict')
    ? ((update.error.details as { current?: PathwayStep } | null)?.current ?? null)
    : null;
  const thousands = new Intl.NumberFormat(i18n.language).format(1000).replace(/\d/g, '') || undefined;

  const onSubmit = form.onSubmit((input) => {
    const options = {
      onSuccess: onSaved,
      onError: (error: unknown) => {
        const server = serverFieldErrors(t, error);
        if (server.payBandMaxUsd) server.payBandMaxUsd = t('step.payBandOrder');
        form.setErrors(server);
      },
    };
    if (step && version) update.mutate({ id: step.id, version, ...input }, options);
    else create.mutate({ pathwayId, ...input }, options);
  }, focusFirstError);

  return (
    <AppModal opened onClose={onClose} title={step ? t('step.editTitle', { name: step.title }) : t('step.addTitle')}>
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
          <TextInput label={t('field.title')} required {...form.getInputProps('title')} data-autofocus />
          <TextInput label={t('field.code')} description={t('step.codeHelp')} {...form.getInputProps('code')} maxLength={30} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NativeSelect
              label={t('field.staffRole')}
              {...form.getInputProps('staffRole')}
              data={[{ value: '', label: t('common.none') }, ...STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
            />
            <NumberInput
              label={t('field.responsibilityLevel')}
              description={t('step.levelHelp')}
              min={1}
              max={20}
              allowDecimal={false}
              {...form.getInputProps('responsibilityLevel')}
            />
            <NumberInput
              label={t('field.payBandMinUsd')}
              prefix="$"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={thousands}
              {...form.getInputProps('payBandMinUsd')}
            />
            <NumberInput
              label={t('field.payBandMaxUsd')}
              prefix="$"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={thousands}
              {...form.getInputProps('payBandMaxUsd')}
            />
          </SimpleGrid>
          <Textarea label={t('field.summary')} autosize minRows={2} {...form.getInputProps('summary')} />
          <Textarea
            label={t('field.responsibilities')}
            description={t('step.onePerLine')}
            autosize
            minRows={3}
            {...form.getInputProps('responsibilities')}
          />
          <NumberInput
            label={t('field.minYearsExperience')}
            min={0}
            max={60}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('minYearsExperience')}
            error={form.errors['prerequisites.minYearsExperience']}
          />
          <Textarea
            label={t('field.credentials')}
            description={t('step.onePerLine')}
            autosize
            minRows={2}
            {...form.getInputProps('credentials')}
          />
          <Textarea
            label={t('field.evidence')}
            description={t('step.onePerLine')}
            autosize
            minRows={2}
            {...form.getInputProps('evidence')}
          />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
