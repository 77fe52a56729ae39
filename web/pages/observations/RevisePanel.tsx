import { Alert, Button, Group, Paper, Stack, Tabs, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBSERVATION_LIMITS } from '../../../common/observation.ts';
import { ReviseObservationInput, type Observation } from '../../../common/schemas/observations.ts';
import { isApiError } from '../../api/client.ts';
import { useReviseObservation } from '../../api/observations.ts';
import { focusFirstError, schemaForm } from '../../app/form-validation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ActionStepsSection } from './ActionStepsSection.tsx';
import { competencyOptions } from './CaptureView.tsx';
import { contentOf, toSaveFields, type DraftContent } from './content.ts';
import { LookForsSection } from './LookForsSection.tsx';
import { NotesStream } from './NotesStream.tsx';
import { ScoringSection } from './ScoringSection.tsx';

/**
 * The observer edits a published observation: the same sections as the draft, a reason, and
 * "Publish revision" (a new revision is kept and the teacher is told). `initial`: content to start
 * from (the person's unsent changes, when they choose to revise with them).
 */
export function RevisePanel({
  o,
  userId,
  initial,
  onDone,
}: {
  o: Observation;
  userId: string;
  initial?: DraftContent;
  onDone: (revised: boolean) => void;
}) {
  const { t } = useTranslation('observations');
  const revise = useReviseObservation(o.id);
  const [content, setContent] = useState<DraftContent>(() => initial ?? contentOf(o));
  const ref = useRef(content);
  const form = useForm({ initialValues: { reason: '' }, ...schemaForm(ReviseObservationInput.pick({ reason: true }), t) });
  const [tab, setTab] = useState<string>(o.rubric ? 'scores' : 'lookFors');
  const competencies = competencyOptions(o);
  const update = <K extends keyof DraftContent>(key: K, value: DraftContent[K]) => {
    ref.current = { ...ref.current, [key]: value };
    setContent(ref.current);
  };
  const submit = form.onSubmit(
    ({ reason }) =>
      revise.mutate(
        { version: o.version, reason, ...toSaveFields(content) },
        {
          onSuccess: (next) => {
            notifySuccess(t('revise.done', { revision: next.revision }));
            onDone(true);
          },
        },
      ),
    focusFirstError,
  );

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="revise-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="revise-heading">
          {t('revise.heading')}
        </Title>
        <Alert color="blue">{t('revise.help', { name: o.observed.name })}</Alert>
        <Tabs value={tab} onChange={(v) => setTab(v ?? 'scores')}>
          <Tabs.List className="obs-tabs">
            {o.rubric ? <Tabs.Tab value="scores">{t('tabs.scores')}</Tabs.Tab> : <Tabs.Tab value="lookFors">{t('tabs.lookFors')}</Tabs.Tab>}
            <Tabs.Tab value="feedback">{t('tabs.feedback')}</Tabs.Tab>
            <Tabs.Tab value="notes">{t('tabs.notes', { count: content.notes.length })}</Tabs.Tab>
            <Tabs.Tab value="steps">{t('tabs.checks')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="scores" pt="md">
            {o.rubric ? (
              <ScoringSection rubric={o.rubric} scores={content.scores} notes={content.notes} onChange={(s) => update('scores', s)} />
            ) : null}
          </Tabs.Panel>
          <Tabs.Panel value="lookFors" pt="md">
            <LookForsSection lookFors={content.lookForResults} onChange={(l) => update('lookForResults', l)} />
          </Tabs.Panel>
          <Tabs.Panel value="feedback" pt="md">
            <Stack gap="sm">
              <Textarea
                label={t('feedback.glows')}
                autosize
                minRows={3}
                maxLength={OBSERVATION_LIMITS.glowsGrowsChars}
                value={content.glows}
                onChange={(e) => update('glows', e.currentTarget.value)}
              />
              <Textarea
                label={t('feedback.grows')}
                autosize
                minRows={3}
                maxLength={OBSERVATION_LIMITS.glowsGrowsChars}
                value={content.grows}
                onChange={(e) => update('grows', e.currentTarget.value)}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="notes" pt="md">
            <NotesStream
              draftKey={`${userId}.${o.id}.revise`}
              notes={content.notes}
              competencies={competencies}
              onChange={(n) => update('notes', n)}
            />
          </Tabs.Panel>
          <Tabs.Panel value="steps" pt="md">
            <ActionStepsSection
              observationId={o.id}
              openSteps={o.openActionSteps}
              agreed={o.actionSteps}
              checks={content.actionStepChecks}
              canAdd={o.abilities.addActionSteps}
              competencies={competencies}
              onChecks={(c) => update('actionStepChecks', c)}
            />
          </Tabs.Panel>
        </Tabs>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Textarea
              label={t('revise.reason')}
              description={t('revise.reasonHelp')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('reason')}
            />
            {isApiError(revise.error, 'conflict') ? (
              <Alert color="orange" role="alert">
                {t('revise.conflict')}
              </Alert>
            ) : (
              <ErrorAlert error={revise.error} />
            )}
            <Group>
              <Button type="submit" loading={revise.isPending}>
                {t('revise.submit')}
              </Button>
              <Button variant="default" onClick={() => onDone(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
