import { Alert, Anchor, Button, Card, Group, List, NumberInput, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DRIVER_DATE_FIELDS, DRIVER_DETAIL_FIELDS, DriverPlanInput, type DriverPlan } from '../../../common/schemas/driver-plans.ts';
import { isApiError } from '../../api/client.ts';
import { useSaveDriverPlan } from '../../api/drivers.ts';
import { formatDateTime } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PersonPicker } from '../../components/PersonPicker.tsx';
import { personName } from '../../components/personName.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { HealthBadge } from './HealthBadge.tsx';

interface Values {
  ownerPersonId: string | null;
  plan: string;
  details: Record<string, string>;
  dataWindowWeeks: number;
}

const valuesOf = (plan: DriverPlan): Values => ({
  ownerPersonId: plan.owner?.id ?? null,
  plan: plan.plan,
  details: Object.fromEntries(DRIVER_DETAIL_FIELDS[plan.driver].map((f) => [f, plan.details[f] ?? ''])),
  dataWindowWeeks: plan.dataWindowWeeks,
});

/** One driver: its health (words and colour) and why, its owner, plan and own fields, saved under a version check. */
export function DriverCard({ initiativeId, plan, thresholdPct }: { initiativeId: string; plan: DriverPlan; thresholdPct: number }) {
  const { t } = useTranslation('implementation');
  const save = useSaveDriverPlan(initiativeId);
  const initialValues: Values = valuesOf(plan);
  const form = useForm({
    initialValues,
    ...schemaForm(DriverPlanInput, t, { toInput: (v: Values) => ({ ...v, version: plan.version }) }),
  });
  const current = isApiError(save.error, 'conflict') ? ((save.error.details as { current?: DriverPlan } | null)?.current ?? null) : null;
  const onSubmit = form.onSubmit(async (input) => {
    try {
      const saved = await save.mutateAsync({ ...input, driver: plan.driver });
      form.resetDirty(valuesOf(saved));
      notifySuccess(t('driverPlans.saved'));
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  const loadCurrent = () => {
    if (!current) return;
    form.setValues(valuesOf(current));
    form.resetDirty(valuesOf(current));
    save.reset();
  };
  const headingId = `driver-${plan.driver}`;
  const editable = plan.abilities.edit;
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={3} size="h4" id={headingId}>
            {t(`drivers.${plan.driver}`)}
          </Title>
          <HealthBadge health={plan.health.health} />
        </Group>
        {plan.health.reasons.length ? (
          <List size="sm" c="dimmed">
            {plan.health.reasons.map((r) => (
              <List.Item key={r}>{t(`driverPlans.reasons.${r}`, { defaultValue: r })}</List.Item>
            ))}
          </List>
        ) : null}
        {plan.driver === 'fidelity' ? <Text size="sm">{t('driverPlans.threshold', { pct: thresholdPct })}</Text> : null}
        <RoutedDecisions plan={plan} />
        {editable ? (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <PersonPicker
                label={t('driverPlans.owner')}
                value={form.values.ownerPersonId}
                onChange={(id) => form.setFieldValue('ownerPersonId', id)}
              />
              {plan.owner && form.values.ownerPersonId === plan.owner.id ? (
                <Text size="xs" c="dimmed">
                  {personName(plan.owner)}
                </Text>
              ) : null}
              <Textarea label={t('driverPlans.plan')} autosize minRows={2} {...form.getInputProps('plan')} />
              {DRIVER_DETAIL_FIELDS[plan.driver].map((field) =>
                DRIVER_DATE_FIELDS.includes(field) ? (
                  <TextInput key={field} type="date" label={t(`driverPlans.fields.${field}`)} {...form.getInputProps(`details.${field}`)} />
                ) : (
                  <Textarea
                    key={field}
                    label={t(`driverPlans.fields.${field}`)}
                    autosize
                    minRows={1}
                    {...form.getInputProps(`details.${field}`)}
                  />
                ),
              )}
              <NumberInput label={t('driverPlans.dataWindowWeeks')} min={1} max={52} w={200} {...form.getInputProps('dataWindowWeeks')} />
              {current ? (
                <Alert color="orange" role="alert">
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">{t('driverPlans.conflict')}</Text>
                    <Button size="xs" variant="default" onClick={loadCurrent}>
                      {t('driverPlans.loadCurrent')}
                    </Button>
                  </Stack>
                </Alert>
              ) : (
                <ErrorAlert error={save.error} />
              )}
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {plan.updatedAt ? t('driverPlans.updated', { when: formatDateTime(plan.updatedAt) }) : ''}
                </Text>
                <Button type="submit" loading={save.isPending}>
                  {t('driverPlans.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <ReadOnlyPlan plan={plan} />
        )}
      </Stack>
    </Card>
  );
}

function ReadOnlyPlan({ plan }: { plan: DriverPlan }) {
  const { t } = useTranslation('implementation');
  const rows: [string, string][] = [
    [t('driverPlans.owner'), plan.owner ? personName(plan.owner) : t('driverPlans.noOwner')],
    [t('driverPlans.plan'), plan.plan || '—'],
    ...DRIVER_DETAIL_FIELDS[plan.driver].map((f): [string, string] => [t(`driverPlans.fields.${f}`), plan.details[f] ?? '—']),
  ];
  return (
    <Stack gap={6}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <Text size="sm" fw={600}>
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {value}
          </Text>
        </div>
      ))}
      <Text size="xs" c="dimmed">
        {t('driverPlans.readOnly')}
      </Text>
    </Stack>
  );
}

/** The decisions teams routed to this driver in their meetings, each linking to its meeting. */
function RoutedDecisions({ plan }: { plan: DriverPlan }) {
  const { t } = useTranslation('implementation');
  if (plan.decisions.length === 0) return null;
  const id = `driver-${plan.driver}-decisions`;
  return (
    <Stack gap={4} component="section" aria-labelledby={id}>
      <Text size="sm" fw={600} id={id}>
        {t('driverPlans.decisions')}
      </Text>
      <List size="sm" spacing={4}>
        {plan.decisions.map((d) => (
          <List.Item key={d.id}>
            <Text size="sm" span style={{ whiteSpace: 'pre-wrap' }}>
              {d.text}
            </Text>{' '}
            <Anchor component={Link} to={`/implementation-teams/${d.team.id}/meetings/${d.meetingId}`} size="xs">
              {t('driverPlans.decisionFrom', { team: d.team.name, when: formatDateTime(d.meetsAt) })}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
