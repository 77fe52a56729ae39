import { ActionIcon, Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_ACTIONS, type DevelopmentActionKind } from '../../../common/performance.ts';
import type { FocusAreaInput, PerformancePlan, PlanFocusArea } from '../../../common/schemas/performance-plans.ts';
import { usePlanWrite } from '../../api/performance-plans.ts';
import { AppModal } from '../../components/AppModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FormModalFooter } from '../../components/FormModalFooter.tsx';

type Action = FocusAreaInput['actions'][number];

function FocusAreaModal({ plan, focus, onClose }: { plan: PerformancePlan; focus?: PlanFocusArea; onClose: () => void }) {
  const { t } = useTranslation('performance');
  const write = usePlanWrite(plan.id);
  const taken = new Set(plan.focusAreas.filter((f) => f.id !== focus?.id).map((f) => f.itemId));
  const [itemId, setItemId] = useState<string | null>(focus?.itemId ?? null);
  const [rationale, setRationale] = useState(focus?.rationale ?? '');
  const [actions, setActions] = useState<Action[]>(focus?.actions ?? [{ kind: 'coaching', description: '' }]);
  const [shared, setShared] = useState(focus?.sharedWithCoach ?? false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!itemId) {
      setMissing(true);
      document.getElementById('focus-item')?.focus();
      return;
    }
    const body: FocusAreaInput = { itemId, rationale, actions: actions.filter((a) => a.description.trim()), sharedWithCoach: shared };
    setBusy(true);
    setError(null);
    try {
      await (focus ? write('PUT', `/focus-areas/${focus.id}`, { focusArea: body }) : write('POST', '/focus-areas', { focusArea: body }));
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const setAction = (i: number, patch: Partial<Action>) => setActions(actions.map((a, j) => (i === j ? { ...a, ...patch } : a)));
  return (
    <AppModal opened onClose={onClose} title={focus ? t('plan.focus.edit') : t('plan.focus.add')}>
      <form onSubmit={(e) => void save(e)} noValidate>
        <Stack gap="sm">
          <Select
            id="focus-item"
            label={t('plan.focus.competency')}
            required
            data-autofocus
            searchable
            data={plan.criteria
              .filter((c) => !taken.has(c.itemId))
              .map((c) => ({ value: c.itemId, label: `${c.code ? `${c.code} ` : ''}${c.title}` }))}
            value={itemId}
            onChange={(v) => {
              setItemId(v);
              setMissing(false);
            }}
            error={missing ? t('plan.focus.competencyRequired') : undefined}
          />
          <Textarea
            label={t('plan.focus.rationale')}
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={5000}
          />
          <Text fw={600} size="sm">
            {t('plan.focus.actions')}
          </Text>
          {actions.map((a, i) => (
            <Group key={i} align="flex-end" gap="xs" wrap="wrap">
              <Select
                label={t('plan.focus.actionKind', { n: i + 1 })}
                allowDeselect={false}
                w={150}
                data={DEVELOPMENT_ACTIONS.map((k) => ({ value: k, label: t(`plan.actionKind.${k}`) }))}
                value={a.kind}
                onChange={(v) => v && setAction(i, { kind: v as DevelopmentActionKind })}
              />
              <TextInput
                label={t('plan.focus.actionDescription', { n: i + 1 })}
                style={{ flex: 1, minWidth: 180 }}
                maxLength={2000}
                value={a.description}
                onChange={(e) => setAction(i, { description: e.currentTarget.value })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('plan.focus.removeAction', { n: i + 1 })}
                onClick={() => setActions(actions.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button size="xs" variant="subtle" onClick={() => setActions([...actions, { kind: 'practice', description: '' }])}>
              {t('plan.focus.addAction')}
            </Button>
          </Group>
          <Checkbox label={t('plan.focus.share')} checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} />
          <ErrorAlert error={error} />
          <FormModalFooter onCancel={onClose} saving={busy} submitLabel={t('plan.save')} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** 1-3 competency focus areas from the plan's rubric, each with its development actions. */
export function FocusAreasSection({ plan }: { plan: PerformancePlan }) {
  const { t } = useTranslation('performance');
  const write = usePlanWrite(plan.id);
  const [editing, setEditing] = useState<PlanFocusArea | 'new' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const can = plan.abilities.editPlan;
  return (
    <Stack gap="sm" component="section" aria-labelledby="focus-heading">
      <Group justify="space-between">
        <Title order={2} size="h3" id="focus-heading">
          {t('plan.focus.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('plan.focus.count', { n: plan.focusAreas.length, min: plan.template.minFocusAreas, max: plan.template.maxFocusAreas })}
        </Text>
      </Group>
      {plan.focusAreas.length === 0 ? <Text c="dimmed">{t('plan.focus.none')}</Text> : null}
      {plan.focusAreas.map((f) => (
        <Paper key={f.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" align="flex-start">
            <Title order={3} size="h5">
              {f.title}
            </Title>
            {f.sharedWithCoach ? <Badge variant="light">{t('plan.goals.shared')}</Badge> : null}
          </Group>
          {f.rationale ? <Text size="sm">{f.rationale}</Text> : null}
          {f.actions.length > 0 ? (
            <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {f.actions.map((a, i) => (
                <li key={i}>
                  <Text size="sm">
                    <Text span fw={600}>
                      {t(`plan.actionKind.${a.kind}`)}:
                    </Text>{' '}
                    {a.description}
                  </Text>
                </li>
              ))}
            </ul>
          ) : null}
          {can ? (
            <Group gap="xs" mt="xs">
              <Button size="xs" variant="default" onClick={() => setEditing(f)} aria-label={t('plan.focus.editNamed', { title: f.title })}>
                {t('plan.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                aria-label={t('plan.focus.removeNamed', { title: f.title })}
                onClick={() => void write('DELETE', `/focus-areas/${f.id}`).catch(setError)}
              >
                {t('plan.remove')}
              </Button>
            </Group>
          ) : null}
        </Paper>
      ))}
      <ErrorAlert error={error} />
      {can && plan.focusAreas.length < plan.template.maxFocusAreas && plan.criteria.length > 0 ? (
        <Group>
          <Button variant="light" onClick={() => setEditing('new')}>
            {t('plan.focus.add')}
          </Button>
        </Group>
      ) : null}
      {editing ? <FocusAreaModal plan={plan} focus={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
