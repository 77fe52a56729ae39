import { NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateStepInput, type PathwayStep } from '../../../common/schemas/pathways.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { isApiError } from '../../api/client.ts';
import { useCreateStep, useUpdateStep } from '../../api/pathways.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';
import { serverFieldErrors, validate, type FieldErrors } from '../../components/validation.ts';
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
  const [values, setValues] = useState(() => valuesOf(step));
  const [version, setVersion] = useState(step?.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateStep();
  const update = useUpdateStep();
  const mutation = step ? update : create;
  const conflict = isApiError(update.error, 'conflict') ? ((update.error.details as { current?: PathwayStep } | null)?.current ?? null) : null;
  const setText = (key: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const setNum = (key: keyof Values) => (value: Num) => setValues((v) => ({ ...v, [key]: value }));
  const thousands = new Intl.NumberFormat(i18n.language).format(1000).replace(/\d/g, '') || undefined;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      title: values.title,
      code: values.code.trim() || null,
      staffRole: values.staffRole || null,
      responsibilityLevel: num(values.responsibilityLevel),
      summary: values.summary.trim() || null,
      responsibilities: lines(values.responsibilities),
      prerequisites: { minYearsExperience: num(values.minYearsExperience), credentials: lines(values.credentials), evidence: lines(values.evidence) },
      payBandMinUsd: num(values.payBandMinUsd),
      payBandMaxUsd: num(values.payBandMaxUsd),
    };
    const result = validate(CreateStepInput, input, t);
    const fieldErrors: FieldErrors = result.ok ? {} : { ...result.errors };
    if (input.payBandMinUsd !== null && input.payBandMaxUsd !== null && input.payBandMinUsd > input.payBandMaxUsd) {
      fieldErrors.payBandMaxUsd = t('step.payBandOrder');
    }
    setErrors(fieldErrors);
    if (!result.ok || Object.keys(fieldErrors).length > 0) return;
    const options = {
      onSuccess: onSaved,
      onError: (error: unknown) => {
        const server = serverFieldErrors(t, error);
        if (server.payBandMaxUsd) server.payBandMaxUsd = t('step.payBandOrder');
        setErrors(server);
      },
    };
    if (step && version) update.mutate({ id: step.id, version, ...result.data }, options);
    else create.mutate({ pathwayId, ...result.data }, options);
  };

  return (
    <AppModal opened onClose={onClose} title={step ? t('step.editTitle', { name: step.title }) : t('step.addTitle')}>
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
          <TextInput label={t('field.title')} required value={values.title} onChange={setText('title')} error={errors.title} data-autofocus />
          <TextInput label={t('field.code')} description={t('step.codeHelp')} value={values.code} onChange={setText('code')} error={errors.code} maxLength={30} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NativeSelect
              label={t('field.staffRole')}
              value={values.staffRole}
              onChange={setText('staffRole')}
              data={[{ value: '', label: t('common.none') }, ...STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
            />
            <NumberInput
              label={t('field.responsibilityLevel')}
              description={t('step.levelHelp')}
              min={1}
              max={20}
              allowDecimal={false}
              value={values.responsibilityLevel}
              onChange={setNum('responsibilityLevel')}
              error={errors.responsibilityLevel}
            />
            <NumberInput
              label={t('field.payBandMinUsd')}
              prefix="$"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={thousands}
              value={values.payBandMinUsd}
              onChange={setNum('payBandMinUsd')}
              error={errors.payBandMinUsd}
            />
            <NumberInput
              label={t('field.payBandMaxUsd')}
              prefix="$"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator={thousands}
              value={values.payBandMaxUsd}
              onChange={setNum('payBandMaxUsd')}
              error={errors.payBandMaxUsd}
            />
          </SimpleGrid>
          <Textarea label={t('field.summary')} autosize minRows={2} value={values.summary} onChange={setText('summary')} error={errors.summary} />
          <Textarea
            label={t('field.responsibilities')}
            description={t('step.onePerLine')}
            autosize
            minRows={3}
            value={values.responsibilities}
            onChange={setText('responsibilities')}
            error={errors.responsibilities}
          />
          <NumberInput
            label={t('field.minYearsExperience')}
            min={0}
            max={60}
            allowDecimal={false}
            allowNegative={false}
            value={values.minYearsExperience}
            onChange={setNum('minYearsExperience')}
            error={errors['prerequisites.minYearsExperience']}
          />
          <Textarea
            label={t('field.credentials')}
            description={t('step.onePerLine')}
            autosize
            minRows={2}
            value={values.credentials}
            onChange={setText('credentials')}
          />
          <Textarea label={t('field.evidence')} description={t('step.onePerLine')} autosize minRows={2} value={values.evidence} onChange={setText('evidence')} />
          <FormModalFooter onCancel={onClose} saving={mutation.isPending} />
        </Stack>
      </form>
    </AppModal>
  );
}
