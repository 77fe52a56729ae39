import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TranslatableType } from '../../../common/schemas/translations.ts';
import type { Executor } from '../../db/client.ts';
import {
  actionStepLibrary,
  careerPathways,
  frameworkItems,
  observationTypes,
  pathwaySteps,
  rubricCriteria,
  rubricDescriptors,
  scaleLevels,
  scales,
} from '../../db/schema/index.ts';

/** One translatable record as the district entered it. */
export interface Original {
  entityId: string;
  group: string | null;
  fields: Record<string, string | null>;
}

/** Which records: the district's, under one parent, or these ids (always within the district). */
export interface OriginalsFilter {
  districtId: string;
  parentId?: string;
  ids?: string[];
}

const scoped = (
  districtCol: Parameters<typeof eq>[0],
  idCol: Parameters<typeof eq>[0],
  f: OriginalsFilter,
  extra: (SQL | undefined)[] = [],
) => and(eq(districtCol, f.districtId), f.ids ? inArray(idCol, f.ids) : undefined, ...extra);

const codeAndStatement = (code: string | null, statement: string | null) => [code, statement].filter(Boolean).join(' ') || null;

/** The district's records of each translatable type, in the order a translator reads them. */
export const ORIGINALS: Record<TranslatableType, (db: Executor, f: OriginalsFilter) => Promise<Original[]>> = {
  async scale_level(db, f) {
    const rows = await db
      .select({ id: scaleLevels.id, label: scaleLevels.label, description: scaleLevels.description, scale: scales.name })
      .from(scaleLevels)
      .innerJoin(scales, eq(scales.id, scaleLevels.scaleId))
      .where(scoped(scaleLevels.districtId, scaleLevels.id, f, [f.parentId ? eq(scaleLevels.scaleId, f.parentId) : undefined]))
      .orderBy(asc(scales.name), asc(scales.id), asc(scaleLevels.position));
    return rows.map((r) => ({ entityId: r.id, group: r.scale, fields: { label: r.label, description: r.description } }));
  },
  async rubric_descriptor(db, f) {
    const rows = await db
      .select({
        id: rubricDescriptors.id,
        quality: rubricDescriptors.quality,
        description: rubricDescriptors.description,
        code: frameworkItems.humanCode,
        statement: frameworkItems.fullStatement,
      })
      .from(rubricDescriptors)
      .innerJoin(rubricCriteria, eq(rubricCriteria.id, rubricDescriptors.criterionId))
      .leftJoin(frameworkItems, eq(frameworkItems.id, rubricCriteria.itemId))
      .where(
        scoped(rubricDescriptors.districtId, rubricDescriptors.id, f, [f.parentId ? eq(rubricCriteria.rubricId, f.parentId) : undefined]),
      )
      .orderBy(asc(rubricCriteria.position), asc(rubricCriteria.id), asc(rubricDescriptors.position));
    return rows.map((r) => ({
      entityId: r.id,
      group: codeAndStatement(r.code, r.statement),
      fields: { quality: r.quality, description: r.description },
    }));
  },
  async observation_type(db, f) {
    const rows = await db
      .select({ id: observationTypes.id, name: observationTypes.name, description: observationTypes.description })
      .from(observationTypes)
      .where(scoped(observationTypes.districtId, observationTypes.id, f))
      .orderBy(asc(observationTypes.name), asc(observationTypes.id));
    return rows.map((r) => ({ entityId: r.id, group: null, fields: { name: r.name, description: r.description } }));
  },
  async action_step_library(db, f) {
    const rows = await db
      .select({
        id: actionStepLibrary.id,
        title: actionStepLibrary.title,
        practicePrompt: actionStepLibrary.practicePrompt,
        code: frameworkItems.humanCode,
      })
      .from(actionStepLibrary)
      .leftJoin(frameworkItems, eq(frameworkItems.id, actionStepLibrary.itemId))
      .where(scoped(actionStepLibrary.districtId, actionStepLibrary.id, f))
      .orderBy(asc(frameworkItems.humanCode), asc(actionStepLibrary.title), asc(actionStepLibrary.id));
    return rows.map((r) => ({ entityId: r.id, group: r.code, fields: { title: r.title, practicePrompt: r.practicePrompt } }));
  },
  async career_pathway(db, f) {
    const rows = await db
      .select({ id: careerPathways.id, name: careerPathways.name, description: careerPathways.description })
      .from(careerPathways)
      .where(scoped(careerPathways.districtId, careerPathways.id, f))
      .orderBy(asc(careerPathways.name), asc(careerPathways.id));
    return rows.map((r) => ({ entityId: r.id, group: null, fields: { name: r.name, description: r.description } }));
  },
  async pathway_step(db, f) {
    const rows = await db
      .select({ id: pathwaySteps.id, title: pathwaySteps.title, summary: pathwaySteps.summary, pathway: careerPathways.name })
      .from(pathwaySteps)
      .innerJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
      .where(scoped(pathwaySteps.districtId, pathwaySteps.id, f, [f.parentId ? eq(pathwaySteps.pathwayId, f.parentId) : undefined]))
      .orderBy(asc(careerPathways.name), asc(careerPathways.id), asc(pathwaySteps.position));
    return rows.map((r) => ({ entityId: r.id, group: r.pathway, fields: { title: r.title, summary: r.summary } }));
  },
};
