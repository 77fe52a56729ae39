import { Anchor, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { NON_NEGOTIABLE_LIMITS, UpdateNonNegotiablesInput, type NonNegotiables } from '../../../common/schemas/settings.ts';
import { useNonNegotiables, useUpdateNonNegotiables } from '../../api/settings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { schemaForm, focusFirstError } from '../../app/form-validation.ts';
import { conflictCurrent, SaveProblem } from './SaveProblem.tsx';

type Values = {
  scoredObservationsPerTerm: number | string;
  feedbackWithinSchoolDays: number | string;
  observationFrameworkId: string;
  walkthroughEvidence: boolean;
};

const valuesOf = (n: NonNegotiables): Values => ({
  scoredObservationsPerTerm: n.scoredObservationsPerTerm,
  feedbackWithinSchoolDays: n.feedbackWithinSchoolDays,
  observationFrameworkId: n.observationFrameworkId ?? '',
  walkthroughEvidence: n.walkthroughEvidence,
});

function NonNegotiablesForm({ settings }: { settings: NonNegotiables }) {
  const { t } = useTranslation('settings');
  const [version, setVersion] = useState(settings.version);
  const form = useForm({
    initialValues: valuesOf(settings),
    ...schemaForm(UpdateNonNegotiablesInput, t, {
      toInput: (values: Values) => ({
        scoredObservationsPerTerm: values.scoredObservationsPerTerm === '' ? NaN : Number(values.scoredObservationsPerTerm),
        feedbackWithinSchoolDays: values.feedbackWithinSchoolDays === '' ? NaN : Number(values.feedbackWithinSchoolDays),
        observationFrameworkId: values.observationFrameworkId || null,
        walkthroughEvidence: values.walkthroughEvidence,
        version,
      }),
    }),
  });
  const update = useUpdateNonNegotiables();
  const automatic = settings.frameworks.find((f) => f.id === settings.effectiveFrameworkId && !settings.observationFrameworkId);

  const onSubmit = form.onSubmit(
    (input) =>
      update.mutate(input, {
        onSuccess: (saved) => {
          setVersion(saved.version);
          notifySuccess(t('nonNegotiables.saved'));
        },
        onError: (error) => form.setErrors(serverFieldErrors(t, error)),
      }),
    focusFirstError,
  );

  const current = conflictCurrent<NonNegotiables>(update.error);
  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={onSubmit} noValidate aria-label={t('tabs.nonNegotiables')}>
        <Stack>
          <Text>{t('nonNegotiables.intro')}</Text>
          <SaveProblem
            error={update.error}
            onLoad={() => {
              if (!current) return;
              form.setValues(valuesOf(current));
              setVersion(current.version);
              update.reset();
            }}
          />
          <NumberInput
            label={t('nonNegotiables.scoredPerTerm')}
            description={t('nonNegotiables.scoredPerTermHelp')}
            min={0}
            max={NON_NEGOTIABLE_LIMITS.scoredObservationsPerTerm}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('scoredObservationsPerTerm')}
            error={
              form.errors.scoredObservationsPerTerm
                ? t('nonNegotiables.range', { max: NON_NEGOTIABLE_LIMITS.scoredObservationsPerTerm })
                : undefined
            }
            required
          />
          <NumberInput
            label={t('nonNegotiables.feedbackDays')}
            description={
              <>
                {t('nonNegotiables.feedbackDaysHelp')}{' '}
                <Anchor component={Link} to="/settings/calendar" size="xs" underline="always">
                  {t('calendar.title')}
                </Anchor>
              </>
            }
            min={0}
            max={NON_NEGOTIABLE_LIMITS.feedbackWithinSchoolDays}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('feedbackWithinSchoolDays')}
            error={
              form.errors.feedbackWithinSchoolDays
                ? t('nonNegotiables.range', { max: NON_NEGOTIABLE_LIMITS.feedbackWithinSchoolDays })
                : undefined
            }
            required
          />
          <NativeSelect
            label={t('nonNegotiables.framework')}
            description={t('nonNegotiables.frameworkHelp')}
            {...form.getInputProps('observationFrameworkId')}
            data={[
              {
                value: '',
                label: automatic ? t('nonNegotiables.automaticNamed', { title: automatic.title }) : t('nonNegotiables.automatic'),
              },
              ...settings.frameworks.map((f) => ({ value: f.id, label: f.title })),
            ]}
          />
          {settings.frameworks.length === 0 ? <Text c="dimmed">{t('nonNegotiables.noFramework')}</Text> : null}
          <Switch
            label={t('nonNegotiables.walkthroughEvidence')}
            description={t('nonNegotiables.walkthroughEvidenceHelp')}
            {...form.getInputProps('walkthroughEvidence', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function NonNegotiablesPanel() {
  const settings = useNonNegotiables();
  if (settings.error) return <ErrorAlert error={settings.error} />;
  if (!settings.data) return <Loading />;
  return <NonNegotiablesForm settings={settings.data} />;
}
