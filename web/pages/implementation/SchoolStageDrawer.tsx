import { Badge, Button, Checkbox, Drawer, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPLEMENTATION_STAGES, type ImplementationStage } from '../../../common/implementation.ts';
import { StageMoveInput, type SchoolStageDetail, type StageChecklistItem } from '../../../common/schemas/initiative-stages.ts';
import { useMoveStage, useSchoolStage, useTickChecklist } from '../../api/initiative-stages.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { serverFieldErrors } from '../../components/validation.ts';
import { SuggestionBadge } from './SuggestionBadge.tsx';

/** One school's stage: its checklist to tick, the move form (evidence required) and every move so far. */
export function SchoolStageDrawer({ initiativeId, orgUnitId, onClose }: { initiativeId: string; orgUnitId: string; onClose: () => void }) {
  const { t } = useTranslation('implementation');
  const stage = useSchoolStage(initiativeId, orgUnitId);
  const s = stage.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={s ? s.orgUnitName : t('stagesPage.drawerTitle')}
      closeButtonProps={{ 'aria-label': t('stagesPage.close') }}
    >
      {stage.error ? <ErrorAlert error={stage.error} /> : !s ? <Loading /> : <StageBody initiativeId={initiativeId} s={s} />}
    </Drawer>
  );
}

function StageBody({ initiativeId, s }: { initiativeId: string; s: SchoolStageDetail }) {
  const { t } = useTranslation('implementation');
  return (
    <Stack gap="lg">
      <Text>{t('stagesPage.currentStage', { stage: t(`stages.${s.stage}`), date: formatDateTime(s.enteredAt) })}</Text>
      <SuggestionBadge suggestion={s.suggestFull} />
      <Checklist initiativeId={initiativeId} s={s} />
      {s.abilities.act ? <MoveForm key={s.version} initiativeId={initiativeId} s={s} /> : null}
      <History s={s} />
    </Stack>
  );
}

function Checklist({ initiativeId, s }: { initiativeId: string; s: SchoolStageDetail }) {
  const { t } = useTranslation('implementation');
  const tick = useTickChecklist(initiativeId, s.orgUnitId);
  const box = (item: StageChecklistItem) => (
    <Checkbox
      key={item.id}
      label={item.text}
      checked={Boolean(s.done[item.id])}
      disabled={!s.abilities.act || tick.isPending}
      onChange={(e) => tick.mutate({ itemId: item.id, done: e.currentTarget.checked, version: s.version })}
    />
  );
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('stagesPage.activities')}
      </Title>
      {s.definition.activities.length ? s.definition.activities.map(box) : <Text c="dimmed">{t('stagesPage.noItems')}</Text>}
      <Title order={3} size="h4">
        {t('stagesPage.exitCriteria')}
      </Title>
      {s.definition.exitCriteria.length ? s.definition.exitCriteria.map(box) : <Text c="dimmed">{t('stagesPage.noItems')}</Text>}
      <ErrorAlert error={tick.error} />
    </Stack>
  );
}

interface MoveValues {
  toStage: ImplementationStage | null;
  evidence: string;
}

function MoveForm({ initiativeId, s }: { initiativeId: string; s: SchoolStageDetail }) {
  const { t } = useTranslation('implementation');
  const move = useMoveStage(initiativeId, s.orgUnitId);
  const [failed, setFailed] = useState<unknown>(null);
  const form = useForm({
    initialValues: { toStage: null, evidence: '' } as MoveValues,
    ...schemaForm(StageMoveInput, t, { toInput: (v: MoveValues) => ({ ...v, version: s.version }) }),
  });
  const submit = form.onSubmit(async (input) => {
    setFailed(null);
    try {
      await move.mutateAsync(input);
      notifySuccess(t('stagesPage.move.done', { stage: t(`stages.${input.toStage}`) }));
    } catch (error) {
      setFailed(error);
      form.setErrors(serverFieldErrors(t, error));
    }
  }, focusFirstError);
  const back = form.values.toStage && IMPLEMENTATION_STAGES.indexOf(form.values.toStage) < IMPLEMENTATION_STAGES.indexOf(s.stage);
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3} size="h4">
            {t('stagesPage.move.title')}
          </Title>
          <Select
            label={t('stagesPage.move.toStage')}
            required
            data={IMPLEMENTATION_STAGES.filter((x) => x !== s.stage).map((x) => ({ value: x, label: t(`stages.${x}`) }))}
            {...form.getInputProps('toStage')}
          />
          {back ? <Text size="sm">{t('stagesPage.move.backNote')}</Text> : null}
          <Textarea
            label={t('stagesPage.move.evidence')}
            description={t('stagesPage.move.evidenceHelp')}
            required
            autosize
            minRows={3}
            maxLength={10000}
            {...form.getInputProps('evidence')}
          />
          <ErrorAlert error={failed} />
          <Button type="submit" loading={move.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('stagesPage.move.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

function History({ s }: { s: SchoolStageDetail }) {
  const { t } = useTranslation('implementation');
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('stagesPage.history.title')}
      </Title>
      {s.history.length === 0 ? <Text c="dimmed">{t('stagesPage.history.none')}</Text> : null}
      {s.history.map((m) => (
        <Paper key={m.id} withBorder p="sm">
          <Stack gap={4}>
            <Text fw={600}>
              {m.fromStage
                ? t('stagesPage.history.move', { from: t(`stages.${m.fromStage}`), to: t(`stages.${m.toStage}`) })
                : t(`stages.${m.toStage}`)}{' '}
              {m.back ? <Badge variant="outline">{t('stagesPage.history.back')}</Badge> : null}
            </Text>
            <Text size="sm" c="dimmed">
              {t('stagesPage.history.by', { name: m.movedBy.name, date: formatDateTime(m.movedAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.evidence}
            </Text>
            <Text size="sm">{t('stagesPage.history.criteriaMet', { count: m.criteriaMet.length })}</Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
