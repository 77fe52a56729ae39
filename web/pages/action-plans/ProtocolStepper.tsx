import { Button, Group, Select, Stack, Stepper, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDataSourceKind, PICKED_ACTION_SOURCE_KINDS, PROTOCOL_STEPS, type ActionSourceKind } from '../../../common/action-plans.ts';
import { refOf, stepOf, toInput, type ProtocolValues as Values } from './protocol.ts';
import { CreateActionPlanItemInput, type ActionPlanOptions, type DataSourceQuery } from '../../../common/schemas/action-plans.ts';
import { schemaForm } from '../../app/form-validation.ts';
import { todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors } from '../../components/validation.ts';

/** What "Plan an action" brings to the form: the source, how it reads, and the problem written from it. */
export interface ProtocolPrefill {
  source: DataSourceQuery;
  label: string;
  problem: string;
}

/**
 * The problem-solving protocol as steps: define the problem from data (and its source), root causes,
 * the strategy, owner/due date/measure, then the review date. "Next" checks only the step's fields;
 * a server refusal opens the step holding the field it names.
 */
export function ProtocolStepper({
  options,
  prefill,
  saving,
  onSave,
  onCancel,
}: {
  options: ActionPlanOptions;
  /** A data source the item is planned from ("Plan an action"), with the problem written from it. */
  prefill?: ProtocolPrefill;
  saving: boolean;
  onSave: (input: CreateActionPlanItemInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('actionPlans');
  const [active, setActive] = useState(0);
  const [failed, setFailed] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: {
      problem: prefill?.problem ?? '',
      sourceKind: prefill?.source.kind ?? 'manual',
      sourceId: prefill?.source.id ?? null,
      sourceRef: prefill ? refOf(prefill.source) : {},
      rootCauses: [''],
      strategy: '',
      ownerId: null,
      dueOn: '',
      measure: '',
      reviewOn: todayIso(),
      actionItemId: null,
    },
    validate: schemaForm(CreateActionPlanItemInput, t, { toInput }).validate,
  });
  const errorOf = (key: string) => form.errors[key] as string | undefined;
  const sourceError = Object.entries(form.errors).find(([key]) => key.startsWith('source'))?.[1] as string | undefined;
  const unlink = () => form.setValues({ sourceKind: 'manual', sourceId: null, sourceRef: {} });

  /** The step's own errors, shown; true when it has none. */
  function checkStep(step: number): boolean {
    const all = form.validate().errors as Record<string, string>;
    const mine = Object.fromEntries(Object.entries(all).filter(([key]) => stepOf(key) === step));
    form.setErrors(mine);
    return Object.keys(mine).length === 0;
  }

  async function save() {
    const errors = form.validate().errors as Record<string, string>;
    const first = Object.keys(errors)[0];
    if (first !== undefined) {
      setActive(stepOf(first));
      return;
    }
    setFailed(null);
    try {
      await onSave(CreateActionPlanItemInput.parse(toInput(form.getValues())));
    } catch (error) {
      setFailed(error);
      const server = serverFieldErrors(t, error);
      form.setErrors(server);
      const key = Object.keys(server)[0];
      if (key) setActive(stepOf(key));
    }
  }

  const kind = form.values.sourceKind;
  const sourceChoices = kind === 'manual' || isDataSourceKind(kind) ? [] : options.sources[kind];
  const steps = [
    <Stack key="problem" gap="sm">
      <Textarea label={t('protocol.problem')} required autosize minRows={3} maxLength={10_000} {...form.getInputProps('problem')} />
      {isDataSourceKind(kind) && prefill ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('protocol.fromData', { source: `${t(`sources.${kind}`)}: ${prefill.label}` })}
          </Text>
          {sourceError ? (
            <Text size="sm" c="red.8" role="alert">
              {sourceError}
            </Text>
          ) : null}
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={unlink}>
              {t('protocol.unlink')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <>
          <Select
            label={t('protocol.sourceKind')}
            allowDeselect={false}
            data={PICKED_ACTION_SOURCE_KINDS.map((k) => ({ value: k, label: t(`sources.${k}`) }))}
            value={kind}
            onChange={(v) => form.setValues({ sourceKind: (v ?? 'manual') as ActionSourceKind, sourceId: null, sourceRef: {} })}
          />
          {kind === 'manual' ? null : (
            <Select
              label={t('protocol.source')}
              required
              searchable
              data={sourceChoices.map((s) => ({ value: s.id, label: s.name }))}
              value={form.values.sourceId}
              onChange={(v) => form.setFieldValue('sourceId', v)}
              error={errorOf('source.id')}
              data-path="source.id"
            />
          )}
        </>
      )}
    </Stack>,
    <Stack key="causes" gap="sm">
      {form.values.rootCauses.map((_, i) => (
        <Group key={i} align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('protocol.rootCause', { n: i + 1 })}
            required={i === 0}
            maxLength={1000}
            {...form.getInputProps(`rootCauses.${i}`)}
            error={errorOf(`rootCauses.${i}`) ?? (i === 0 ? errorOf('rootCauses') : undefined)}
          />
          {form.values.rootCauses.length > 1 ? (
            <Button variant="subtle" color="red" onClick={() => form.removeListItem('rootCauses', i)}>
              {t('protocol.removeCause', { n: i + 1 })}
            </Button>
          ) : null}
        </Group>
      ))}
      <Group>
        <Button variant="default" onClick={() => form.insertListItem('rootCauses', '')} disabled={form.values.rootCauses.length >= 20}>
          {t('protocol.addCause')}
        </Button>
      </Group>
    </Stack>,
    <Stack key="strategy" gap="sm">
      <Textarea label={t('protocol.strategy')} required autosize minRows={3} maxLength={10_000} {...form.getInputProps('strategy')} />
    </Stack>,
    <Stack key="ownership" gap="sm">
      <Select
        label={t('protocol.owner')}
        required
        searchable
        data={options.people.map((p) => ({ value: p.id, label: personName(p) }))}
        {...form.getInputProps('ownerId')}
      />
      <TextInput type="date" label={t('protocol.dueOn')} required {...form.getInputProps('dueOn')} />
      <Textarea label={t('protocol.measure')} required autosize minRows={2} maxLength={10_000} {...form.getInputProps('measure')} />
    </Stack>,
    <Stack key="review" gap="sm">
      <TextInput type="date" label={t('protocol.reviewOn')} required {...form.getInputProps('reviewOn')} />
      {options.actionItems.length > 0 ? (
        <Select
          label={t('protocol.promote')}
          placeholder={t('protocol.noPromotion')}
          clearable
          data={options.actionItems.map((a) => ({ value: a.id, label: a.text }))}
          {...form.getInputProps('actionItemId')}
        />
      ) : null}
    </Stack>,
  ];

  const last = active === PROTOCOL_STEPS.length - 1;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!last) {
          if (checkStep(active)) setActive(active + 1);
          return;
        }
        void save();
      }}
    >
      <Stack gap="md">
        <Stepper
          active={active}
          onStepClick={(i) => (i < active || checkStep(active)) && setActive(i)}
          size="sm"
          aria-label={t('protocol.stepsLabel')}
        >
          {PROTOCOL_STEPS.map((step, i) => (
            <Stepper.Step key={step} label={t(`protocol.steps.${step}`)} aria-current={i === active ? 'step' : undefined}>
              <Stack gap="sm">
                <Text size="sm">{t(`protocol.stepHelp.${step}`)}</Text>
                {steps[i]}
              </Stack>
            </Stepper.Step>
          ))}
        </Stepper>
        <ErrorAlert error={failed} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => (active === 0 ? onCancel() : setActive(active - 1))}>
            {active === 0 ? t('protocol.cancel') : t('protocol.previous')}
          </Button>
          <Button type="submit" loading={saving}>
            {last ? t('protocol.save') : t('protocol.next')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
