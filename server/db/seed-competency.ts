import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { DEFAULT_ITEM_TYPES } from '../../common/competency.ts';
import { computeCrosswalk, type CrosswalkItem } from '../services/frameworks/crosswalk.ts';
import type { Executor } from './client.ts';
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
  type CaseLink,
} from './schema/index.ts';
import {
  DEFAULT_SCALE,
  FRAMEWORK_TITLE,
  ITEM_TYPES,
  OTHER_SCALES,
  V1_TREE,
  VERSIONS,
  type ItemSeed,
  type ScaleSeed,
} from './seed-competency-data.ts';
import {
  V1_ASSOCIATIONS,
  V2_ASSOCIATIONS,
  V2_TREE,
  V3_ADDITIONS,
  V3_REWORDS,
  type AssociationSeed,
  type NextItemSeed,
} from './seed-competency-data-versions.ts';
import { COMMENTS, DESIGN_TEAM_INVITED_AT, EQUIVALENCES, PATHWAYS, ROLE_COMPETENCIES, type StepKey } from './seed-competency-data-roles.ts';
import {
  CLASSROOM_TEMPLATES,
  PHRASES,
  PROFESSIONAL_TEMPLATES,
  V3_DESCRIPTOR_EDITS,
  rubricDescription,
  rubricTitle,
  type CompetencyPhrases,
} from './seed-competency-data-rubrics.ts';

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

/** An item being built in memory: the tree of one version. */
interface Item {
  id: string;
  code: string;
  depth: number;
  title: string | null;
  statement: string;
  key: string | null;
  retired: boolean;
  sourceItemIds: string[];
  children: Item[];
}

const ITEM_TYPE_BY_DEPTH = DEFAULT_ITEM_TYPES;

function newItem(values: Omit<Item, 'id' | 'children'>): Item {
  return { ...values, id: randomUUID(), children: [] };
}

/** Version 1 from its full text. */
function buildFirst(seeds: ItemSeed[], depth = 0): Item[] {
  return seeds.map((seed) => {
    const item = newItem({
      code: seed.code,
      depth,
      title: seed.title ?? null,
      statement: seed.statement,
      key: seed.key ?? null,
      retired: false,
      sourceItemIds: [],
    });
    item.children = buildFirst(seed.children ?? [], depth + 1);
    return item;
  });
}

function flatten(tree: Item[]): Item[] {
  return tree.flatMap((item) => [item, ...flatten(item.children)]);
}

function byCode(tree: Item[]): Map<string, Item> {
  return new Map(flatten(tree).map((item) => [item.code, item]));
}

/** Version 2 from its description against version 1 (see NextItemSeed). */
function buildNext(seeds: NextItemSeed[], previous: Map<string, Item>, depth = 0): Item[] {
  return seeds.map((seed) => {
    const sources = (seed.from ?? [seed.code]).map((code) => {
      const source = previous.get(code);
      if (!source) throw new Error(`demo framework: ${seed.code} comes from unknown item ${code}`);
      return source;
    });
    const only = sources.length === 1 ? sources[0] : undefined;
    const statement = seed.statement ?? only?.statement;
    if (!statement) throw new Error(`demo framework: ${seed.code} needs a statement`);
    const item = newItem({
      code: seed.code,
      depth,
      title: seed.title ?? only?.title ?? null,
      statement,
      key: seed.key ?? only?.key ?? null,
      retired: seed.retired ?? false,
      sourceItemIds: sources.map((source) => source.id),
    });
    const children: NextItemSeed[] =
      seed.keepChildren && only
        ? only.children.map((child) => ({ code: seed.code + child.code.slice(only.code.length), from: [child.code] }))
        : (seed.children ?? []);
    item.children = buildNext(children, previous, depth + 1);
    return item;
  });
}

/** The version 3 draft: a copy of version 2's active items, reworded and added to. */
function buildDraft(tree: Item[]): Item[] {
  const copy = (items: Item[]): Item[] =>
    items
      .filter((item) => !item.retired)
      .map((item) => {
        const next = newItem({ ...item, statement: V3_REWORDS[item.code] ?? item.statement, sourceItemIds: [item.id] });
        next.children = copy(item.children);
        for (const addition of V3_ADDITIONS.filter((a) => a.parent === item.code)) {
          next.children.push(newItem({ code: addition.code, depth: item.depth + 1, title: null, statement: addition.statement, key: null, retired: false, sourceItemIds: [] }));
        }
        return next;
      });
  return copy(tree);
}

/** An association end inside the version, written as the frameworks service writes it. */
const link = (item: Item): CaseLink => ({ title: `${item.code} ${item.statement}`, identifier: item.id, uri: `/ims/case/v1p1/CFItems/${item.id}` });

const crosswalkItem = (item: Item): CrosswalkItem => ({
  id: item.id,
  sourceItemIds: item.sourceItemIds,
  retired: item.retired,
  fullStatement: item.statement,
  humanCode: item.code,
  itemType: ITEM_TYPE_BY_DEPTH[item.depth] ?? null,
  abbreviatedStatement: item.title,
});

/** Fills a rubric template with a competency's phrases: {does}, {Partly} (capitalized)... */
function fill(template: string, phrases: CompetencyPhrases): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const field = (name[0]!.toLowerCase() + name.slice(1)) as keyof CompetencyPhrases;
    const value = phrases[field];
    if (!value || field === 'kind') throw new Error(`demo rubric: unknown placeholder {${name}}`);
    return name[0] === name[0]!.toUpperCase() ? value[0]!.toUpperCase() + value.slice(1) : value;
  });
}

/** The descriptor text of one competency at one level for one step. */
export function descriptorText(step: StepKey, competency: string, level: number): string {
  const phrases = PHRASES[competency];
  if (!phrases) throw new Error(`demo rubric: no wording for competency ${competency}`);
  const templates = phrases.kind === 'professional' ? PROFESSIONAL_TEMPLATES[step] : CLASSROOM_TEMPLATES[step];
  const template = templates?.[level];
  if (!template) throw new Error(`demo rubric: no ${phrases.kind} template for ${step} level ${level}`);
  return fill(template, phrases);
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
    .select({ id: scaleLevels.id, scaleId: scaleLevels.scaleId, position: scaleLevels.position, label: scaleLevels.label, levelScore: scaleLevels.levelScore })
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
  const levels =
    defaultLevels.length === DEFAULT_SCALE.levels.length ? defaultLevels : addScale(DEFAULT_SCALE, defaultLevels.length === 0);
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

  const v1 = buildFirst(V1_TREE);
  const v2 = buildNext(V2_TREE, byCode(v1));
  const v3 = buildDraft(v2);
  const trees = [v1, v2, v3];
  const flat = trees.map(flatten);
  const codes = trees.map(byCode);

  const itemRows: (typeof frameworkItems.$inferInsert)[] = [];
  trees.forEach((tree, index) => {
    const walk = (items: Item[], parentId: string | null) =>
      items.forEach((item, position) => {
        itemRows.push({
          id: item.id,
          districtId,
          versionId: versionIds[index]!,
          caseIdentifier: item.id,
          parentId,
          position,
          itemType: ITEM_TYPE_BY_DEPTH[item.depth] ?? null,
          humanCode: item.code,
          fullStatement: item.statement,
          abbreviatedStatement: item.title,
          language: 'en',
          sourceItemIds: item.sourceItemIds,
          retired: item.retired,
        });
        walk(item.children, item.id);
      });
    walk(tree, null);
  });

  const associationRows: (typeof frameworkAssociations.$inferInsert)[] = [];
  const addAssociations = (seeds: AssociationSeed[], index: number) => {
    for (const seed of seeds) {
      const origin = codes[index]!.get(seed.from);
      const destination = typeof seed.to === 'string' ? codes[index]!.get(seed.to) : undefined;
      const destinationNode = destination ? link(destination) : typeof seed.to === 'string' ? undefined : seed.to;
      if (!origin || !destinationNode) throw new Error(`demo framework: association ${seed.from} -> ${JSON.stringify(seed.to)}`);
      const id = randomUUID();
      associationRows.push({
        id,
        districtId,
        versionId: versionIds[index]!,
        caseIdentifier: id,
        associationType: seed.type,
        originItemId: origin.id,
        destinationItemId: destination?.id ?? null,
        originNode: link(origin),
        destinationNode,
        notes: seed.notes ?? null,
      });
    }
  };
  addAssociations(V1_ASSOCIATIONS, 0);
  addAssociations(V2_ASSOCIATIONS, 1);
  addAssociations(V2_ASSOCIATIONS, 2);

  const mappingRows = computeCrosswalk(flat[0]!.map(crosswalkItem), flat[1]!.map(crosswalkItem)).map((mapping) => ({
    districtId,
    versionId: versionIds[1],
    previousVersionId: versionIds[0],
    ...mapping,
  }));

  // Pathways, steps and equivalences.
  const pathwayRows: (typeof careerPathways.$inferInsert)[] = [];
  const stepRows: (typeof pathwaySteps.$inferInsert)[] = [];
  const steps = new Map<StepKey, { id: string; title: string }>();
  for (const pathway of PATHWAYS) {
    const pathwayId = randomUUID();
    pathwayRows.push({ id: pathwayId, districtId, name: pathway.name, category: pathway.category, function: pathway.function, description: pathway.description });
    pathway.steps.forEach((step, position) => {
      const id = randomUUID();
      steps.set(step.key, { id, title: step.title });
      const { key: _key, minYearsExperience, credentials, evidence, ...values } = step;
      stepRows.push({ id, districtId, pathwayId, position, ...values, prerequisites: { minYearsExperience, credentials, evidence } });
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

  // Role rubrics: every step in every version; the draft copies version 2 with the design team's edits.
  const rubricRows: (typeof rubrics.$inferInsert)[] = [];
  const criterionRows: (typeof rubricCriteria.$inferInsert)[] = [];
  const descriptorRows: (typeof rubricDescriptors.$inferInsert)[] = [];
  const descriptorIds = new Map<string, string>();
  const editedText = new Map(V3_DESCRIPTOR_EDITS.map((edit) => [`${edit.step}:${edit.competency}:${edit.level}`, edit.text]));
  trees.forEach((_tree, index) => {
    const order = new Map(flat[index]!.map((item, position) => [item, position]));
    const byKey = new Map(flat[index]!.filter((item) => item.key && !item.retired).map((item) => [item.key!, item]));
    const domainTitle = new Map(trees[index]!.flatMap((domain) => domain.children.map((item) => [item, domain.title] as const)));
    const lists = ROLE_COMPETENCIES[index === 0 ? 'v1' : 'v2'];
    for (const [stepKey, competencies] of Object.entries(lists) as [StepKey, string[]][]) {
      const step = stepOf(stepKey);
      const rubricId = randomUUID();
      rubricRows.push({
        id: rubricId,
        districtId,
        versionId: versionIds[index]!,
        stepId: step.id,
        scaleId,
        caseIdentifier: rubricId,
        title: rubricTitle(step.title),
        description: rubricDescription(step.title, VERSIONS[index]!.versionLabel),
      });
      const items = competencies.map((key) => {
        const item = byKey.get(key);
        if (!item) throw new Error(`demo rubric: ${stepKey} is held to ${key}, which version ${index + 1} does not have`);
        return item;
      });
      items.sort((a, b) => order.get(a)! - order.get(b)!);
      items.forEach((item, position) => {
        const criterionId = randomUUID();
        criterionRows.push({ id: criterionId, districtId, rubricId, itemId: item.id, caseIdentifier: criterionId, position, category: domainTitle.get(item) ?? null });
        levels.forEach((level) => {
          const id = randomUUID();
          const key = `${stepKey}:${item.key}:${level.position}`;
          descriptorIds.set(`${index}:${key}`, id);
          descriptorRows.push({
            id,
            districtId,
            criterionId,
            scaleLevelId: level.id,
            caseIdentifier: id,
            position: level.position,
            quality: level.label,
            levelScore: level.levelScore,
            description: (index === 2 ? editedText.get(key) : undefined) ?? descriptorText(stepKey, item.key!, level.position),
          });
        });
      });
    }
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
        ? { itemId: codes[2]!.get(comment.on.item)?.id }
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
