import { Stack, Tabs } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Observation } from '../../../common/schemas/observations.ts';
import { observationKeys, saveObservationDraft } from '../../api/observations.ts';
import { useUrlState } from '../../components/useUrlState.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { ActionStepsSection } from './ActionStepsSection.tsx';
import { contentOf, toSaveFields, type DraftContent } from './content.ts';
import type { StartingPoint } from './draft-store.ts';
import { FinishSection } from './FinishSection.tsx';
import { LookForsSection } from './LookForsSection.tsx';
import { NotesStream, type CompetencyOption } from './NotesStream.tsx';
import { ObservationHeader } from './ObservationHeader.tsx';
import { AutosaveStatus, ConflictChoice, RefusedSave, UnsentChanges } from './SaveStatus.tsx';
import { competencyName, ScoringSection } from './ScoringSection.tsx';
import { useDraftAutosave } from './useDraftAutosave.ts';

/** The rubric's competencies as tag options for notes and steps. */
export function competencyOptions(o: Observation): CompetencyOption[] {
  return (o.rubric?.criteria ?? []).filter((c) => c.item).map((c) => ({ value: c.item!.id, label: competencyName(c) }));
}

/**
 * A draft being captured: notes, scores or look-fors, action steps, then glows/grows and publish.
 * Every change is kept on this device first and autosaved; the status line says where it stands.
 */
export function CaptureView({
  observation,
  userId,
  start,
}: {
  observation: Observation;
  userId: string;
  start: StartingPoint<DraftContent>;
}) {
  const { t } = useTranslation('observations');
  const queryClient = useQueryClient();
  const id = observation.id;
  const restored = start.kind === 'server' ? null : start.draft;
  const [content, setContent] = useState<DraftContent>(() => restored?.content ?? contentOf(observation));
  const contentRef = useRef(content);
  const send = useCallback((version: number, c: DraftContent) => saveObservationDraft(id, { version, ...toSaveFields(c) }), [id]);
  const autosave = useDraftAutosave<DraftContent>({
    observationId: id,
    userId,
    version: start.kind === 'conflict' ? start.draft.baseVersion : observation.version,
    initialUnsent: restored ? { content: restored.content, changedAt: restored.changedAt } : null,
    send,
  });
  const [section, setSection] = useUrlState({ section: 'notes' });
  const competencies = useMemo(() => competencyOptions(observation), [observation]);

  const update = <K extends keyof DraftContent>(key: K, value: DraftContent[K]) => {
    const next = { ...contentRef.current, [key]: value };
    contentRef.current = next;
    setContent(next);
    autosave.change(next);
  };

  const state = autosave.state;
  const theirs = state.kind === 'conflict' && state.theirs ? (state.theirs as Observation) : null;
  const takeTheirs = () => {
    if (!theirs) return;
    const c = contentOf(theirs);
    contentRef.current = c;
    setContent(c);
    autosave.resolveConflict('theirs', theirs.version, c);
    queryClient.setQueryData(observationKeys.detail(id), theirs);
  };
  const keepMine = () => autosave.resolveConflict('mine', theirs?.version ?? autosave.currentVersion());
  const openPublished = () => void queryClient.invalidateQueries({ queryKey: observationKeys.detail(id) });

  const secondTab = observation.kind === 'walkthrough' ? 'lookFors' : 'scores';
  const tab = ['notes', secondTab, 'steps', 'finish'].includes(section.section) ? section.section : 'notes';

  return (
    <Stack gap="sm">
      <ObservationHeader o={observation} />
      <div className="obs-statusbar">
        <AutosaveStatus state={state} onRetry={() => void autosave.flush()} />
      </div>
      {state.kind === 'conflict' ? (
        <ConflictChoice mine={content} theirs={theirs ? contentOf(theirs) : null} onTheirs={takeTheirs} onMine={keepMine} />
      ) : null}
      {state.kind === 'published' ? <UnsentChanges content={content} onOpen={openPublished} /> : null}
      {state.kind === 'error' ? <RefusedSave error={state.error} /> : null}
      {state.kind === 'published' ? null : (
        <Tabs value={tab} onChange={(v) => setSection({ section: v ?? 'notes' })}>
          <Tabs.List className="obs-tabs">
            <Tabs.Tab value="notes">{t('tabs.notes', { count: content.notes.length })}</Tabs.Tab>
            <Tabs.Tab value={secondTab}>{t(`tabs.${secondTab}`)}</Tabs.Tab>
            <Tabs.Tab value="steps">{t('tabs.steps')}</Tabs.Tab>
            <Tabs.Tab value="finish">{t('tabs.finish')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="notes" pt="md">
            <NotesStream
              draftKey={`${userId}.${id}`}
              notes={content.notes}
              competencies={competencies}
              onChange={(notes) => update('notes', notes)}
            />
          </Tabs.Panel>
          <Tabs.Panel value={secondTab} pt="md">
            {observation.rubric ? (
              <ScoringSection
                rubric={observation.rubric}
                scores={content.scores}
                notes={content.notes}
                onChange={(scores) => update('scores', scores)}
              />
            ) : (
              <LookForsSection lookFors={content.lookForResults} onChange={(l) => update('lookForResults', l)} />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="steps" pt="md">
            <ActionStepsSection
              observationId={id}
              openSteps={observation.openActionSteps}
              agreed={observation.actionSteps}
              checks={content.actionStepChecks}
              canAdd={observation.abilities.addActionSteps}
              competencies={competencies}
              onChecks={(checks) => update('actionStepChecks', checks)}
            />
          </Tabs.Panel>
          <Tabs.Panel value="finish" pt="md">
            <FinishSection observation={observation} content={content} userId={userId} autosave={autosave} onChange={update} />
            <Attachments owner={`/api/observations/${id}`} headingOrder={2} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
