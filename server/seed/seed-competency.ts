import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  careerPathways,
  frameworkAssociations,
  frameworkCollaborators,
  frameworkComments,
  frameworkItemMappings,
  frameworkItems,
  frameworks,
  frameworkVersions,
  pathwaySteps,
  rubricCriteria,
  rubricDescriptors,
  rubrics,
  scaleLevels,
  scales,
  stepEquivalences,
} from '../db/schema/index.ts';
import { buildFrameworkContent, buildRubrics } from './seed-competency-framework.ts';
import { DEFAULT_SCALE, FRAMEWORK_TITLE, ITEM_TYPES, OTHER_SCALES, VERSIONS, type ScaleSeed } from './seed-competency-data.ts';
import { COMMENTS, DESIGN_TEAM_INVITED_AT, EQUIVALENCES, PATHWAYS, type StepKey } from './seed-competency-data-roles.ts';

export { descriptorText } from './seed-competency-framework.ts';

export interface SeedCompetencyOptions {
  districtId: string;
  /** The HR user who published versions 1 and 2, invited the design team and resolved comments. */
  hrUserId: string;
  /** The design team of the version 3 draft (people of the district); the first is the demo teacher. */
  designTeamPersonIds: string[];
  /** The framework's creator and publisher (CASE). */
  districtName: string;
}

export interface SeedCompetencyResult {
  created: boolean;
  frameworkId?: string;
  /** Versions 1, 2 and 3 (draft). */
  versionIds?: [string, string, string];
}

/**
 * The demo district's competency architecture: a four-level default scale and a five-point one, the
 * framework "Sunshine Educator Competencies" (v1 retired, v2 published with its crosswalk to v1, v3
 * draft with a design team and comments), three career pathways with equivalences, and a rubric for
 * every step in every version. Everything is built in memory and written with one insert per table.
 * Does nothing when the framework already exists.
 */
export async function seedCompetency(tx: Executor, options: SeedCompetencyOptions): Promise<SeedCompetencyResult> {
  const { districtId, hrUserId, designTeamPersonIds, districtName } = options;
  const [existing] = await tx
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(and(eq(frameworks.districtId, districtId), eq(frameworks.title, FRAMEWORK_TITLE)))
    .limit(1);
  if (existing) return { created: false };

  // Scales: reuse a four-level default the district already has (e.g. made on first use of the API).
  const defaultLevels = await tx
    .select({
      id: scaleLevels.id,
      scaleId: scaleLevels.scaleId,
      position: scaleLevels.position,
      label: scaleLevels.label,
      levelScore: scaleLevels.levelScore,
    })
    .from(scaleLevels)
    .innerJoin(scales, eq(scales.id, scaleLevels.scaleId))
    .where(and(eq(scales.districtId, districtId), eq(scales.isDefault, true)))
    .orderBy(scaleLevels.position);
  const scaleRows: (typeof scales.$inferInsert)[] = [];
  const levelRows: (typeof scaleLevels.$inferInsert & { id: string })[] = [];
  const addScale = (seed: ScaleSeed, isDefault: boolean) => {
    const id = randomUUID();
    scaleRows.push({ id, districtId, name: seed.name, description: seed.description, isDefault });
    return seed.levels.map((level, position) => {
      const row = { id: randomUUID(), districtId, scaleId: id, position, ...level };
      levelRows.push(row);
      return row;
    });
  };
  const levels = defaultLevels.length === DEFAULT_SCALE.levels.length ? defaultLevels : addScale(DEFAULT_SCALE, defaultLevels.length === 0);
  for (const other of OTHER_SCALES) addScale(other, false);
  const scaleId = levels[0]!.scaleId;

  // Framework and its three versions.
  const frameworkId = randomUUID();
  const versionIds: [string, string, string] = [randomUUID(), randomUUID(), randomUUID()];
  const statuses = ['retired', 'published', 'draft'] as const;
  const createdAt = ['2025-05-01T14:00:00Z', '2026-04-01T14:00:00Z', '2026-09-15T14:00:00Z'];
  const versionRows = VERSIONS.map((seed, index) => ({
    id: versionIds[index]!,
    districtId,
    frameworkId,
    versionNumber: index + 1,
    status: statuses[index]!,
    caseIdentifier: versionIds[index]!,
    title: FRAMEWORK_TITLE,
    description: seed.description,
    creator: districtName,
    publisher: districtName,
    language: 'en',
    versionLabel: seed.versionLabel,
    adoptionStatus: seed.adoptionStatus,
    itemTypes: ITEM_TYPES,
    scaleId,
    basedOnVersionId: index === 0 ? null : versionIds[index - 1]!,
    publishedAt: seed.publishedAt ? new Date(seed.publishedAt) : null,
    publishedByUserId: seed.publishedAt ? hrUserId : null,
    createdAt: new Date(createdAt[index]!),
    updatedAt: new Date(seed.publishedAt ?? createdAt[index]!),
  }));

  // Items, associations and the crosswalk of the three versions.
  const { versions, itemRows, associationRows, mappingRows } = buildFrameworkContent(districtId, versionIds);

  // Pathways, steps and equivalences.
  const pathwayRows: (typeof careerPathways.$inferInsert)[] = [];
  const stepRows: (typeof pathwaySteps.$inferInsert)[] = [];
  const steps = new Map<StepKey, { id: string; title: string }>();
  for (const pathway of PATHWAYS) {
    const pathwayId = randomUUID();
    pathwayRows.push({
      id: pathwayId,
      districtId,
      name: pathway.name,
      category: pathway.category,
      function: pathway.function,
      description: pathway.description,
    });
    pathway.steps.forEach((step, position) => {
      const id = randomUUID();
      steps.set(step.key, { id, title: step.title });
      const { key: _key, minYearsExperience, credentials, evidence, ...values } = step;
      // The key doubles as the step code a staff spreadsheet names (step_code).
      stepRows.push({
        id,
        districtId,
        pathwayId,
        position,
        code: step.key,
        ...values,
        prerequisites: { minYearsExperience, credentials, evidence },
      });
    });
  }
  const stepOf = (key: StepKey) => {
    const step = steps.get(key);
    if (!step) throw new Error(`demo pathways: no step ${key}`);
    return step;
  };
  const equivalenceRows = EQUIVALENCES.map(({ a, b, dimensions, notes }) => {
    const [stepId, equivalentStepId] = [stepOf(a).id, stepOf(b).id].sort();
    return { districtId, stepId: stepId!, equivalentStepId: equivalentStepId!, dimensions, notes };
  });

  // Role rubrics: every step in every version.
  const { rubricRows, criterionRows, descriptorRows, descriptorIds } = buildRubrics({
    districtId,
    versionIds,
    versions,
    scaleId,
    levels,
    stepOf,
  });

  // The design team of the draft and their comments.
  const collaboratorRows = designTeamPersonIds.map((personId) => ({
    districtId,
    frameworkId,
    personId,
    invitedByUserId: hrUserId,
    createdAt: new Date(DESIGN_TEAM_INVITED_AT),
    updatedAt: new Date(DESIGN_TEAM_INVITED_AT),
  }));
  const commentRows: (typeof frameworkComments.$inferInsert)[] = [];
  for (const comment of COMMENTS) {
    const authorPersonId = designTeamPersonIds[comment.author];
    if (!authorPersonId) continue;
    const target =
      'item' in comment.on
        ? { itemId: versions.codes[2]!.get(comment.on.item)?.id }
        : { descriptorId: descriptorIds.get(`2:${comment.on.step}:${comment.on.competency}:${comment.on.level}`) };
    if (!target.itemId && !target.descriptorId) throw new Error(`demo comment target not found: ${JSON.stringify(comment.on)}`);
    const resolvedAt = comment.resolvedAt ? new Date(comment.resolvedAt) : null;
    commentRows.push({
      districtId,
      versionId: versionIds[2],
      ...target,
      authorPersonId,
      body: comment.body,
      createdAt: new Date(comment.createdAt),
      updatedAt: resolvedAt ?? new Date(comment.createdAt),
      resolvedAt,
      resolvedByUserId: resolvedAt ? hrUserId : null,
    });
  }

  if (scaleRows.length) await tx.insert(scales).values(scaleRows);
  if (levelRows.length) await tx.insert(scaleLevels).values(levelRows);
  await tx.insert(frameworks).values({ id: frameworkId, districtId, title: FRAMEWORK_TITLE, createdAt: new Date(createdAt[0]!) });
  await tx.insert(frameworkVersions).values(versionRows);
  await tx.insert(frameworkItems).values(itemRows);
  await tx.insert(frameworkAssociations).values(associationRows);
  await tx.insert(frameworkItemMappings).values(mappingRows);
  await tx.insert(careerPathways).values(pathwayRows);
  await tx.insert(pathwaySteps).values(stepRows);
  await tx.insert(stepEquivalences).values(equivalenceRows);
  await tx.insert(rubrics).values(rubricRows);
  await tx.insert(rubricCriteria).values(criterionRows);
  await tx.insert(rubricDescriptors).values(descriptorRows);
  if (collaboratorRows.length) await tx.insert(frameworkCollaborators).values(collaboratorRows);
  if (commentRows.length) await tx.insert(frameworkComments).values(commentRows);
  return { created: true, frameworkId, versionIds };
}
