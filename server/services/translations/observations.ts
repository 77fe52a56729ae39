import type { ActionStep } from '../../../common/schemas/action-steps.ts';
import type { Observation, ObservationList, ObservationTypeRef } from '../../../common/schemas/observations.ts';
import type { Executor } from '../../db/client.ts';
import type { ReaderLocale } from '../../lib/reader-locale.ts';
import { ORIGINALS } from './originals.ts';
import { translatedFields, translateRubricParts } from './overlay.ts';

/** Observation types' names in the reader's language (the originals where none was entered). */
async function typeNames(db: Executor, districtId: string, locale: ReaderLocale, types: ObservationTypeRef[]) {
  const byId = await translatedFields(
    db,
    districtId,
    locale,
    'observation_type',
    types.map((t) => t.id),
  );
  return (type: ObservationTypeRef): ObservationTypeRef => ({ ...type, name: byId.get(type.id)?.name ?? type.name });
}

/** GET /api/observations for a reader: each row's observation type name in their language. */
export async function translateObservationList(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  list: ObservationList,
): Promise<ObservationList> {
  if (locale === 'en' || list.items.length === 0) return list;
  const name = await typeNames(
    db,
    districtId,
    locale,
    list.items.map((o) => o.type),
  );
  return { ...list, items: list.items.map((o) => ({ ...o, type: name(o.type) })) };
}

/**
 * Action steps made from the district's library, in the reader's language: the library's translated
 * title and practice prompt, where the step still reads as the library's original (a step reworded
 * by its observer keeps their words).
 */
export async function translateActionSteps<S extends Pick<ActionStep, 'libraryStepId' | 'title' | 'practicePrompt'>>(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  steps: S[],
): Promise<S[]> {
  const ids = [...new Set(steps.flatMap((s) => (s.libraryStepId ? [s.libraryStepId] : [])))];
  if (locale === 'en' || ids.length === 0) return steps;
  const translated = await translatedFields(db, districtId, locale, 'action_step_library', ids);
  if (translated.size === 0) return steps;
  const originals = new Map(
    (await ORIGINALS.action_step_library(db, { districtId, ids: [...translated.keys()] })).map((o) => [o.entityId, o.fields]),
  );
  return steps.map((s) => {
    const t = s.libraryStepId ? translated.get(s.libraryStepId) : undefined;
    const original = s.libraryStepId ? originals.get(s.libraryStepId) : undefined;
    if (!t || !original) return s;
    const title = t.title && s.title === original.title ? t.title : s.title;
    const practicePrompt = t.practicePrompt && s.practicePrompt === original.practicePrompt ? t.practicePrompt : s.practicePrompt;
    return { ...s, title, practicePrompt };
  });
}

/**
 * GET /api/observations/:id for a reader: the observation type's name, the rubric (level labels and
 * descriptions, descriptors) and the action steps from the library, in their language where the
 * district entered a translation. Nobody edits these here, so every reader gets them translated.
 */
export async function translateObservation(
  db: Executor,
  districtId: string,
  locale: ReaderLocale,
  observation: Observation,
): Promise<Observation> {
  if (locale === 'en') return observation;
  const [name, rubric, actionSteps, openActionSteps] = await Promise.all([
    typeNames(db, districtId, locale, [observation.type]),
    observation.rubric ? translateRubricParts(db, districtId, locale, observation.rubric) : null,
    translateActionSteps(db, districtId, locale, observation.actionSteps),
    translateActionSteps(db, districtId, locale, observation.openActionSteps),
  ]);
  return { ...observation, type: name(observation.type), rubric, actionSteps, openActionSteps };
}
