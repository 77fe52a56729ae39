import { Anchor, Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PathwayStep } from '../../../common/schemas/pathways.ts';
import { isApiError } from '../../api/client.ts';
import { useDeleteEquivalence, usePathway, useReorderSteps, useSetPathwayActive, useSetStepActive } from '../../api/pathways.ts';
import { ActiveBadge } from '../../components/ActiveBadge.tsx';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import NotFoundPage from '../NotFoundPage.tsx';
import { EquivalenceModal } from './EquivalenceModal.tsx';
import { PathwayFormModal } from './PathwayFormModal.tsx';
import { StepCard, type StepAction } from './StepCard.tsx';
import { StepFormModal } from './StepFormModal.tsx';

type Dialog =
  | { kind: 'pathway' }
  | { kind: 'pathwayActive' }
  | { kind: 'addStep' }
  | { kind: 'step'; step: PathwayStep }
  | { kind: 'stepActive'; step: PathwayStep }
  | { kind: 'equivalence'; step: PathwayStep };

/** A pathway's ladder: its steps in order, entry step first; editors add, edit and reorder steps. */
export default function PathwayPage() {
  const { t } = useTranslation('pathways');
  const { id = '' } = useParams();
  const pathway = usePathway(id);
  const reorder = useReorderSteps();
  const setPathwayActive = useSetPathwayActive();
  const setStepActive = useSetStepActive();
  const removeEquivalence = useDeleteEquivalence();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [announcement, setAnnouncement] = useState('');

  if (isApiError(pathway.error, 'not_found')) return <NotFoundPage />;
  if (pathway.error) return <ErrorAlert error={pathway.error} />;
  if (!pathway.data) return <Loading />;
  const p = pathway.data;
  const editor = p.abilities.update;
  const close = () => setDialog(null);

  const move = (index: number, delta: number) => {
    const ids = p.steps.map((s) => s.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + delta, 0, moved!);
    reorder.mutate(
      { pathwayId: p.id, version: p.version, stepIds: ids },
      { onSuccess: () => setAnnouncement(t('step.moved', { name: p.steps[index]!.title, number: index + delta + 1 })) },
    );
  };

  const onAction = (step: PathwayStep, index: number) => (action: StepAction) => {
    if (action === 'up') move(index, -1);
    else if (action === 'down') move(index, 1);
    else if (action === 'edit') setDialog({ kind: 'step', step });
    else if (action === 'active') setDialog({ kind: 'stepActive', step });
    else setDialog({ kind: 'equivalence', step });
  };

  const subtitle = [t(`category.${p.category}`), p.function ? t(`function.${p.function}`) : null].filter(Boolean).join(' · ');
  const activeSteps = p.steps.filter((s) => s.active);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/pathways" size="sm">
        {t('pathway.back')}
      </Anchor>
      <PageHeader
        title={p.name}
        subtitle={subtitle}
        actions={
          <>
            {p.active ? null : <ActiveBadge active={false} />}
            {editor ? (
              <>
                <Button onClick={() => setDialog({ kind: 'addStep' })}>{t('step.add')}</Button>
                <Button variant="default" onClick={() => setDialog({ kind: 'pathway' })}>
                  {t('common.edit')}
                </Button>
                <Button variant="default" onClick={() => setDialog({ kind: 'pathwayActive' })}>
                  {p.active ? t('common.deactivate') : t('common.reactivate')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {p.description ? <Text>{p.description}</Text> : null}
      <ErrorAlert error={reorder.error ?? removeEquivalence.error} />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {p.steps.length === 0 ? <Text role="status">{t('pathway.noSteps')}</Text> : null}
      <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('pathway.ladder')}>
        {p.steps.map((step, index) => {
          const nextActive = activeSteps[activeSteps.indexOf(step) + 1];
          return (
            <li key={step.id}>
              <StepCard
                step={step}
                number={index + 1}
                isFirst={index === 0}
                isLast={index === p.steps.length - 1}
                nextStepId={step.active ? nextActive?.id : undefined}
                onAction={onAction(step, index)}
                onRemoveEquivalence={(equivalenceId) => removeEquivalence.mutate({ stepId: step.id, equivalenceId })}
              />
            </li>
          );
        })}
      </Stack>
      {dialog?.kind === 'pathway' ? (
        <PathwayFormModal
          pathway={p}
          onClose={close}
          onSaved={(saved) => {
            close();
            notifySuccess(t('pathway.saved', { name: saved.name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'addStep' || dialog?.kind === 'step' ? (
        <StepFormModal
          pathwayId={p.id}
          step={dialog.kind === 'step' ? dialog.step : undefined}
          onClose={close}
          onSaved={(saved) => {
            close();
            notifySuccess(t('step.saved', { name: saved.title }));
          }}
        />
      ) : null}
      {dialog?.kind === 'equivalence' ? (
        <EquivalenceModal
          step={dialog.step}
          onClose={close}
          onSaved={() => {
            close();
            notifySuccess(t('equivalence.saved'));
          }}
        />
      ) : null}
      <ConfirmModal
        opened={dialog?.kind === 'pathwayActive'}
        title={p.active ? t('pathway.deactivateTitle', { name: p.name }) : t('pathway.reactivateTitle', { name: p.name })}
        confirmLabel={p.active ? t('common.deactivate') : t('common.reactivate')}
        danger={p.active}
        loading={setPathwayActive.isPending}
        error={setPathwayActive.error}
        onClose={close}
        onConfirm={() => setPathwayActive.mutate({ id: p.id, version: p.version, active: !p.active }, { onSuccess: close })}
      >
        {p.active ? t('pathway.deactivateBody') : t('pathway.reactivateBody')}
      </ConfirmModal>
      {dialog?.kind === 'stepActive' ? (
        <ConfirmModal
          opened
          title={
            dialog.step.active
              ? t('step.deactivateTitle', { name: dialog.step.title })
              : t('step.reactivateTitle', { name: dialog.step.title })
          }
          confirmLabel={dialog.step.active ? t('common.deactivate') : t('common.reactivate')}
          danger={dialog.step.active}
          loading={setStepActive.isPending}
          error={setStepActive.error}
          onClose={close}
          onConfirm={() =>
            setStepActive.mutate({ id: dialog.step.id, version: dialog.step.version, active: !dialog.step.active }, { onSuccess: close })
          }
        >
          {dialog.step.active ? t('step.deactivateBody') : t('step.reactivateBody')}
        </ConfirmModal>
      ) : null}
    </Stack>
  );
}
