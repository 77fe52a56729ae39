import { Alert, Anchor, Button, Group, List, MultiSelect, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES, type StaffRole } from '../../../common/roles.ts';
import type { BulkPlaceResult } from '../../../common/schemas/placements.ts';
import { useAllOrgUnits } from '../../api/org-units.ts';
import { useBulkPlace } from '../../api/placements.ts';
import { useMe } from '../../api/session.ts';
import { formatNumber, todayIso } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { NotAllowed } from '../../components/NotAllowed.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { refusalText } from './refusal.ts';
import { StepSelect } from './StepSelect.tsx';

/** "Everyone with role R at these schools -> step X": a preview that counts, then the placement. */
export default function BulkPlacementPage() {
  const { t } = useTranslation('pathways');
  const { t: tApp } = useTranslation();
  const me = useMe();
  const units = useAllOrgUnits();
  const bulk = useBulkPlace();
  const [role, setRole] = useState<StaffRole>('team_lead');
  const [orgUnitIds, setOrgUnitIds] = useState<string[]>([]);
  const [stepId, setStepId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState(todayIso());
  const [preview, setPreview] = useState<BulkPlaceResult | null>(null);
  const [errors, setErrors] = useState<{ units?: string; step?: string; start?: string }>({});
  if (!me.abilities.managePeople) return <NotAllowed />;

  const input = () => ({ role, orgUnitIds, stepId: stepId!, startDate });
  const reset = () => setPreview(null);
  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      units: orgUnitIds.length ? undefined : t('placement.required'),
      step: stepId ? undefined : t('placement.required'),
      start: startDate ? undefined : t('placement.required'),
    };
    setErrors(next);
    if (next.units || next.step || next.start) return;
    bulk.mutate({ ...input(), dryRun: true }, { onSuccess: setPreview });
  };
  const onApply = () =>
    bulk.mutate(
      { ...input(), dryRun: false },
      {
        onSuccess: (result) => {
          setPreview(null);
          notifySuccess(t('bulk.done', { count: result.placed, formatted: formatNumber(result.placed) }));
        },
      },
    );
  const schools = (units.data?.items ?? []).filter((u) => u.type === 'school').map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/pathways" size="sm">
        {t('bulk.back')}
      </Anchor>
      <PageHeader title={t('bulk.title')} subtitle={t('bulk.intro')} />
      <form onSubmit={onPreview} noValidate>
        <Stack maw={560}>
          {refusalText(t, bulk.error) ? (
            <Alert color="red" role="alert">
              {refusalText(t, bulk.error)}
            </Alert>
          ) : (
            <ErrorAlert error={bulk.error} />
          )}
          <NativeSelect
            label={t('bulk.role')}
            value={role}
            onChange={(e) => (setRole(e.currentTarget.value as StaffRole), reset())}
            data={STAFF_ROLES.map((r) => ({ value: r, label: tApp(`role.${r}`) }))}
          />
          <MultiSelect
            label={t('bulk.schools')}
            required
            searchable
            data={schools}
            value={orgUnitIds}
            onChange={(v) => (setOrgUnitIds(v), reset())}
            error={errors.units}
          />
          <StepSelect value={stepId} onChange={(v) => (setStepId(v), reset())} error={errors.step} />
          <TextInput
            type="date"
            label={t('placement.startDate')}
            required
            value={startDate}
            onChange={(e) => (setStartDate(e.currentTarget.value), reset())}
            error={errors.start}
          />
          <Group>
            <Button type="submit" variant="default" loading={bulk.isPending && !preview}>
              {t('bulk.preview')}
            </Button>
          </Group>
        </Stack>
      </form>
      {preview ? (
        <Paper withBorder p="md" maw={560} aria-live="polite">
          <Stack gap="xs">
            <Text fw={600}>{t('bulk.willPlace', { count: preview.placed, formatted: formatNumber(preview.placed) })}</Text>
            <Text size="sm">{t('bulk.matched', { count: preview.matched, formatted: formatNumber(preview.matched) })}</Text>
            {preview.alreadyOnStep > 0 ? (
              <Text size="sm">{t('bulk.already', { count: preview.alreadyOnStep, formatted: formatNumber(preview.alreadyOnStep) })}</Text>
            ) : null}
            {preview.skippedLater > 0 ? (
              <Text size="sm">{t('bulk.later', { count: preview.skippedLater, formatted: formatNumber(preview.skippedLater) })}</Text>
            ) : null}
            {preview.sample.length > 0 ? (
              <List size="sm">
                {preview.sample.map((p) => (
                  <List.Item key={p.id}>
                    <Anchor component={Link} to={`/people/${p.id}`}>
                      {p.name}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            ) : null}
            {preview.placed > 0 ? (
              <Group>
                <Button onClick={onApply} loading={bulk.isPending}>
                  {t('bulk.apply', { count: preview.placed, formatted: formatNumber(preview.placed) })}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
