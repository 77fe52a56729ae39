import { Alert, Button, Checkbox, Drawer, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNER_ROLES } from '../../../common/performance.ts';
import { CreatePlanTemplateInput, UpdatePlanTemplateInput, type PlanTemplate } from '../../../common/schemas/plan-templates.ts';
import { isApiError } from '../../api/client.ts';
import { useDeletePlanTemplate, useSavePlanTemplate } from '../../api/plan-templates.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { SectionRows, type TemplateValues } from './SectionRows.tsx';

/** What the editor opens on: a step (or the district default, stepId null) and the template to start from. */
export interface EditTarget {
  stepId: string | null;
  stepTitle: string;
  template: PlanTemplate;
}

const valuesOf = (template: PlanTemplate): TemplateValues => ({
  title: template.title,
  sections: template.sections.map((s) => ({ ...s })),
  minGoals: template.minGoals,
  maxGoals: template.maxGoals,
  minFocusAreas: template.minFocusAreas,
  maxFocusAreas: template.maxFocusAreas,
  signers: Object.fromEntries(
    SIGNER_ROLES.map((role) => {
      const block = template.signatureBlocks.find((b) => b.signer === role);
      return [role, { on: !!block, label: block?.label ?? '' }];
    }),
  ),
});

/** Edits a step's plan template (or the district default) in a drawer: sections, counts, signatures. */
export function TemplateEditor({ target, onClose }: { target: EditTarget; onClose: () => void }) {
  const { t } = useTranslation('performance');
  const save = useSavePlanTemplate();
  const remove = useDeletePlanTemplate();
  const id = target.template.id;
  const [version, setVersion] = useState(target.template.version);
  const form = useForm({
    initialValues: valuesOf(target.template),
    ...schemaForm(id ? UpdatePlanTemplateInput : CreatePlanTemplateInput, t, {
      toInput: (v: TemplateValues) => ({
        ...(id ? { version } : { stepId: target.stepId }),
        title: v.title,
        sections: v.sections,
        minGoals: v.minGoals,
        maxGoals: v.maxGoals,
        minFocusAreas: v.minFocusAreas,
        maxFocusAreas: v.maxFocusAreas,
        signatureBlocks: SIGNER_ROLES.filter((r) => v.signers[r]?.on).map((r) => ({ signer: r, label: v.signers[r]!.label })),
      }),
      check: (v, errors) => ({
        maxGoals: errors.maxGoals && v.minGoals > v.maxGoals ? t('templates.maxBelowMin') : undefined,
        maxFocusAreas: errors.maxFocusAreas && v.minFocusAreas > v.maxFocusAreas ? t('templates.maxBelowMin') : undefined,
        ...Object.fromEntries(
          Object.keys(errors)
            .filter((k) => k.startsWith('signatureBlocks.'))
            .map(() => ['signers', t('templates.signerLabelRequired')]),
        ),
      }),
    }),
  });
  const current = isApiError(save.error, 'conflict') ? ((save.error.details as { current?: PlanTemplate } | null)?.current ?? null) : null;
  const submit = form.onSubmit((input) => {
    save.mutate(
      { id, body: input },
      {
        onSuccess: () => {
          notifySuccess(t('templates.saved'));
          onClose();
        },
        onError: (error) => form.setErrors(serverFieldErrors(t, error)),
      },
    );
  }, focusFirstError);
  const loadCurrent = () => {
    if (!current) return;
    form.setValues(valuesOf(current));
    setVersion(current.version);
    save.reset();
  };
  const onDelete = () =>
    id &&
    remove.mutate(id, {
      onSuccess: () => {
        notifySuccess(t('templates.deleted'));
        onClose();
      },
    });

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={t('templates.editorTitle', { step: target.stepTitle })}
      closeButtonProps={{ 'aria-label': t('templates.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {current ? (
            <Alert color="orange" role="alert" title={t('templates.conflictTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('templates.conflict')}</Text>
                <Button size="xs" variant="default" onClick={loadCurrent}>
                  {t('templates.loadCurrent')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <ErrorAlert error={save.error ?? remove.error} />
          )}
          <TextInput label={t('templates.fieldTitle')} required data-autofocus {...form.getInputProps('title')} />
          <SectionRows form={form} />
          <Title order={3} size="h5">
            {t('templates.counts')}
          </Title>
          <Group grow align="flex-start">
            <NumberInput label={t('templates.minGoals')} min={1} max={10} {...form.getInputProps('minGoals')} />
            <NumberInput label={t('templates.maxGoals')} min={1} max={10} {...form.getInputProps('maxGoals')} />
          </Group>
          <Group grow align="flex-start">
            <NumberInput label={t('templates.minFocusAreas')} min={1} max={3} {...form.getInputProps('minFocusAreas')} />
            <NumberInput label={t('templates.maxFocusAreas')} min={1} max={3} {...form.getInputProps('maxFocusAreas')} />
          </Group>
          <Title order={3} size="h5">
            {t('templates.signatures')}
          </Title>
          {form.errors.signers ? (
            <Text size="sm" c="red.8" role="alert">
              {form.errors.signers}
            </Text>
          ) : null}
          {SIGNER_ROLES.map((role) => (
            <Group key={role} align="flex-end" wrap="nowrap">
              <Checkbox
                label={t(`templates.signer.${role}`)}
                {...form.getInputProps(`signers.${role}.on`, { type: 'checkbox' })}
                style={{ minWidth: 150 }}
              />
              <TextInput
                style={{ flex: 1 }}
                label={t('templates.signatureLabel', { signer: t(`templates.signer.${role}`) })}
                disabled={!form.values.signers[role]?.on}
                {...form.getInputProps(`signers.${role}.label`)}
              />
            </Group>
          ))}
          <Group justify="space-between">
            {id ? (
              <Button color="red" variant="subtle" onClick={onDelete} loading={remove.isPending}>
                {target.stepId ? t('templates.useDefaultInstead') : t('templates.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('templates.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('templates.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
