/**
 * The content of the demo framework's three versions, built in memory: the item trees, their
 * associations, the crosswalk from version 1 to version 2, and the role rubrics of every version.
 * seed-competency.ts builds the rest (scales, versions, pathways, design team) and inserts it all.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_ITEM_TYPES } from '../../common/competency.ts';
import { computeCrosswalk, type CrosswalkItem } from '../services/frameworks/crosswalk.ts';
import type {
  CaseLink,
  frameworkAssociations,
  frameworkItems,
  rubricCriteria,
  rubricDescriptors,
  rubrics,
  scaleLevels,
} from '../db/schema/index.ts';
import { V1_TREE, VERSIONS, type ItemSeed } from './seed-competency-data.ts';
import {
  V1_ASSOCIATIONS,
  V2_ASSOCIATIONS,
  V2_TREE,
  V3_ADDITIONS,
  V3_REWORDS,
  type AssociationSeed,
  type NextItemSeed,
} from './seed-competency-data-versions.ts';
import { ROLE_COMPETENCIES, type StepKey } from './seed-competency-data-roles.ts';
import {
  CLASSROOM_TEMPLATES,
  PHRASES,
  PROFESSIONAL_TEMPLATES,
  V3_DESCRIPTOR_EDITS,
  rubricDescription,
  rubricTitle,
  type CompetencyPhrases,
} from './seed-competency-data-rubrics.ts';

/** An item being built in memory: the tree of one version. */
export interface Item {
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
          next.children.push(
            newItem({
              code: addition.code,
              depth: item.depth + 1,
              title: null,
              statement: addition.statement,
              key: null,
              retired: false,
              sourceItemIds: [],
            }),
          );
        }
        return next;
      });
  return copy(tree);
}

/** An association end inside the version, written as the frameworks service writes it. */
const link = (item: Item): CaseLink => ({
  title: `${item.code} ${item.statement}`,
  identifier: item.id,
  uri: `/ims/case/v1p1/CFItems/${item.id}`,
});

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

/** The three versions' item trees, each also flattened (in tree order) and indexed by code. */
export interface VersionTrees {
  trees: Item[][];
  flat: Item[][];
  codes: Map<string, Item>[];
}

/** Items, associations and the crosswalk of the three versions (versionIds: versions 1, 2, 3). */
export function buildFrameworkContent(districtId: string, versionIds: [string, string, string]) {
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

  const versions: VersionTrees = { trees, flat, codes };
  return { versions, itemRows, associationRows, mappingRows };
}

/** A level of the scale the rubrics are written against. */
export type RubricLevel = Pick<typeof scaleLevels.$inferSelect, 'id' | 'position' | 'label' | 'levelScore'>;

export interface RubricOptions {
  districtId: string;
  versionIds: [string, string, string];
  versions: VersionTrees;
  scaleId: string;
  levels: RubricLevel[];
  /** A pathway step's id and title by its key. */
  stepOf: (key: StepKey) => { id: string; title: string };
}

/**
 * Role rubrics: every step in every version; the draft copies version 2 with the design team's edits.
 * descriptorIds holds each descriptor's id by `version index:step:competency:level`.
 */
export function buildRubrics({ districtId, versionIds, versions, scaleId, levels, stepOf }: RubricOptions) {
  const { trees, flat } = versions;
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
        criterionRows.push({
          id: criterionId,
          districtId,
          rubricId,
          itemId: item.id,
          caseIdentifier: criterionId,
          position,
          category: domainTitle.get(item) ?? null,
        });
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
  return { rubricRows, criterionRows, descriptorRows, descriptorIds };
}
