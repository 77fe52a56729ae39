import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { BARRIER_KINDS, type BarrierKind } from '../../../common/action-plans.ts';
import { RaiseBarrierInput } from '../../../common/schemas/barriers.ts';
import { useBarrierOptions, useRaiseBarrier } from '../../api/barriers.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { serverFieldErrors } from '../../components/validation.ts';

interface Values {
  kind: BarrierKind | null;
  initiativeId: string | null;
  itemId: string | null;
  orgUnitId: string | null;
  description: string;
}

/**
 * Anyone on staff raises a barrier: its kind, the initiative (and practice) it blocks, the school and
 * what happens. `?initiativeId=` preselects the initiative (the initiative page links here); the
 * school defaults to the reader's own when the initiative covers it.
 */
export default function RaiseBarrierPage() {
  const { t } = useTranslation('actionPlans');
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const options = useBarrierOptions();
  const raise = useRaiseBarrier();
  const [failed, setFailed] = useState<unknown>(null);
  const form = useForm({
    initialValues: { kind: null, initiativeId: search.get('initiativeId'), itemId: null, orgUnitId: null, description: '' } as Values,
    ...schemaForm(RaiseBarrierInput, t),
  });
  if (options.error) return <ErrorAlert error={options.error} />;
  if (!options.data) return <Loading />;
  const initiative = options.data.initiatives.find((i) => i.id === form.values.initiativeId);
  const pickInitiative = (id: string | null) => {
    const next = options.data.initiatives.find((i) => i.id === id);
    const mine = next?.schools.filter((s) => options.data.mySchoolIds.includes(s.id)) ?? [];
    form.setValues({ initiativeId: id, itemId: null, orgUnitId: mine.length === 1 ? mine[0]!.id : null });
  };
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      const barrier = await raise.mutateAsync(input);
      notifySuccess(t('barriers.sent', { team: barrier.routedTeam.name }));
      void navigate(`/barriers/${barrier.id}`);
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title={t('barriers.raise')} subtitle={t('barriers.raiseIntro')} />
      {options.data.initiatives.length === 0 ? (
        <Text>{t('barriers.noInitiatives')}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Select
              label={t('barriers.kind')}
              required
              data={BARRIER_KINDS.map((k) => ({ value: k, label: t(`barriers.kinds.${k}`) }))}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('barriers.initiative')}
              required
              data={options.data.initiatives.map((i) => ({ value: i.id, label: i.name }))}
              {...form.getInputProps('initiativeId')}
              onChange={pickInitiative}
            />
            <Select
              label={t('barriers.school')}
              required
              searchable
              disabled={!initiative}
              data={(initiative?.schools ?? []).map((s) => ({ value: s.id, label: s.name }))}
              {...form.getInputProps('orgUnitId')}
            />
            <Select
              label={t('barriers.component')}
              placeholder={t('barriers.noComponent')}
              clearable
              searchable
              disabled={!initiative}
              data={(initiative?.components ?? []).map((c) => ({ value: c.id, label: c.name }))}
              {...form.getInputProps('itemId')}
            />
            <Textarea
              label={t('barriers.description')}
              required
              autosize
              minRows={4}
              maxLength={10_000}
              {...form.getInputProps('description')}
            />
            <ErrorAlert error={failed} />
            <Group>
              <Button type="submit" loading={raise.isPending}>
                {t('barriers.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
