import { Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoachingSystemReviewInput, type InitiativeCoaching } from '../../../common/schemas/initiative-coaching.ts';
import { useAddCoachingReview } from '../../api/drivers.ts';
import { formatDate, formatNumber, todayIso } from '../../app/format.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';

interface Values {
  reviewedOn: string;
  fidelityFindings: string;
  observationFindings: string;
  satisfaction: number | string;
  decisions: string;
}

/** The coaching system's reviews (three a year), a due hint, and the form to record one. */
export function CoachingReviews({ initiativeId, data }: { initiativeId: string; data: InitiativeCoaching }) {
  const { t } = useTranslation('implementation');
  const add = useAddCoachingReview(initiativeId);
  const [open, setOpen] = useState(false);
  const initialValues: Values = { reviewedOn: todayIso(), fidelityFindings: '', observationFindings: '', satisfaction: '', decisions: '' };
  const form = useForm({
    initialValues,
    ...schemaForm(CoachingSystemReviewInput, t, {
      toInput: (v: Values) => ({ ...v, satisfaction: v.satisfaction === '' ? null : Number(v.satisfaction) }),
    }),
  });
  const onSubmit = form.onSubmit(async (input) => {
    try {
      await add.mutateAsync(input);
      notifySuccess(t('driverPlans.reviews.saved'));
      form.setValues(initialValues);
      setOpen(false);
    } catch (err) {
      form.setErrors(serverFieldErrors(t, err));
    }
  }, focusFirstError);
  return (
    <Stack component="section" aria-labelledby="coaching-reviews" gap="sm" mt="xl">
      <Group justify="space-between">
        <Title order={2} size="h3" id="coaching-reviews">
          {t('driverPlans.reviews.title')}
        </Title>
        {data.abilities.manageCoaching && !open ? <Button onClick={() => setOpen(true)}>{t('driverPlans.reviews.add')}</Button> : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('driverPlans.reviews.help')}
      </Text>
      {data.due ? (
        <Alert color="yellow">
          {data.due.lastReviewedOn
            ? t('driverPlans.reviews.due', { date: formatDate(data.due.lastReviewedOn) })
            : t('driverPlans.reviews.dueNever')}
        </Alert>
      ) : null}
      {open ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Group grow>
              <TextInput type="date" required label={t('driverPlans.reviews.reviewedOn')} {...form.getInputProps('reviewedOn')} />
              <NumberInput
                label={t('driverPlans.reviews.satisfaction')}
                min={1}
                max={5}
                step={0.1}
                decimalScale={1}
                {...form.getInputProps('satisfaction')}
              />
            </Group>
            <Textarea label={t('driverPlans.reviews.fidelityFindings')} autosize minRows={2} {...form.getInputProps('fidelityFindings')} />
            <Textarea
              label={t('driverPlans.reviews.observationFindings')}
              autosize
              minRows={2}
              {...form.getInputProps('observationFindings')}
            />
            <Textarea label={t('driverPlans.reviews.decisions')} autosize minRows={2} {...form.getInputProps('decisions')} />
            <ErrorAlert error={add.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel', { ns: 'app' })}
              </Button>
              <Button type="submit" loading={add.isPending}>
                {t('common.save', { ns: 'app' })}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      {data.reviews.length === 0 ? (
        <Text size="sm">{t('driverPlans.reviews.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('driverPlans.reviews.reviewedOn')}</Table.Th>
                <Table.Th>{t('driverPlans.reviews.fidelityFindings')}</Table.Th>
                <Table.Th>{t('driverPlans.reviews.observationFindings')}</Table.Th>
                <Table.Th>{t('driverPlans.reviews.satisfaction')}</Table.Th>
                <Table.Th>{t('driverPlans.reviews.decisions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.reviews.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{formatDate(r.reviewedOn)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.fidelityFindings || '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.observationFindings || '—'}</Table.Td>
                  <Table.Td>{r.satisfaction === null ? '—' : formatNumber(r.satisfaction)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.decisions || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
