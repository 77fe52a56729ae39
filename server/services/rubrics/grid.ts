import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { VersionStatus } from '../../../common/competency.ts';
import type { GridCriterion, GridLevel, RubricDescriptor, RubricGrid } from '../../../common/schemas/rubrics.ts';
import type { Executor } from '../../db/client.ts';
import {
  careerPathways,
  frameworkCollaborators,
  frameworkItems,
  frameworkVersions,
  frameworks,
  pathwaySteps,
  rubricCriteria,
  rubricDescriptors,
  rubrics,
  scaleLevels,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { canReadVersion, versionAbilities } from '../../policies/frameworks.ts';
import { qualified } from '../../db/qualified.ts';
import { hasSharedRead, sharedRead } from '../../lib/read-cache.ts';

const parentItem = alias(frameworkItems, 'parent_item');

/**
 * The rubric, its version, framework, step and the scale's levels (as one JSON array), and whether
 * the caller is on the framework's design team: statement 1 of the grid.
 */
export function gridHeaderQuery(db: Executor, districtId: string, personId: string, rubricId: string) {
  const levels = sql<GridLevel[]>`coalesce((select json_agg(json_build_object('id', l.id, 'position', l.position, 'label', l.label,
    'levelScore', l.level_score, 'proficient', l.proficient, 'description', l.description) order by l.position)
    from ${scaleLevels} l where l.scale_id = ${qualified(rubrics.scaleId)}), '[]'::json)`;
  const isCollaborator = sql<boolean>`exists (select 1 from ${frameworkCollaborators} fc where fc.framework_id = ${qualified(frameworkVersions.frameworkId)}
    and fc.person_id = ${personId} and fc.active)`;
  return db
    .select({
      rubric: {
        id: rubrics.id,
        title: rubrics.title,
        description: rubrics.description,
        scaleId: rubrics.scaleId,
        version: rubrics.version,
      },
      version: {
        id: frameworkVersions.id,
        districtId: frameworkVersions.districtId,
        frameworkId: frameworkVersions.frameworkId,
        versionNumber: frameworkVersions.versionNumber,
        title: frameworkVersions.title,
        status: frameworkVersions.status,
      },
      frameworkTitle: frameworks.title,
      stepId: pathwaySteps.id,
      stepTitle: pathwaySteps.title,
      stepPathwayId: pathwaySteps.pathwayId,
      stepLevel: pathwaySteps.responsibilityLevel,
      pathwayName: careerPathways.name,
      isCollaborator,
      levels,
    })
    .from(rubrics)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, rubrics.versionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .leftJoin(pathwaySteps, eq(pathwaySteps.id, rubrics.stepId))
    .leftJoin(careerPathways, eq(careerPathways.id, pathwaySteps.pathwayId))
    .where(and(eq(rubrics.id, rubricId), eq(rubrics.districtId, districtId)));
}

/**
 * Every criterion with its competency, the competency's parent and its descriptors (one JSON array
 * per criterion, so one row per competency): statement 2 of the grid.
 */
export function gridRowsQuery(db: Executor, districtId: string, rubricId: string) {
  const descriptors = sql<RubricDescriptor[]>`coalesce((select json_agg(json_build_object('id', d.id, 'criterionId', d.criterion_id,
    'scaleLevelId', d.scale_level_id, 'position', d.position, 'quality', d.quality, 'levelScore', d.level_score,
    'description', d.description, 'version', d.version) order by d.position)
    from ${rubricDescriptors} d where d.criterion_id = ${qualified(rubricCriteria.id)}), '[]'::json)`;
  return db
    .select({
      criterion: { id: rubricCriteria.id, position: rubricCriteria.position, description: rubricCriteria.description },
      item: {
        id: frameworkItems.id,
        humanCode: frameworkItems.humanCode,
        fullStatement: frameworkItems.fullStatement,
        itemType: frameworkItems.itemType,
        retired: frameworkItems.retired,
      },
      parent: {
        id: parentItem.id,
        humanCode: parentItem.humanCode,
        fullStatement: parentItem.fullStatement,
        itemType: parentItem.itemType,
      },
      descriptors,
    })
    .from(rubricCriteria)
    .leftJoin(frameworkItems, eq(frameworkItems.id, rubricCriteria.itemId))
    .leftJoin(parentItem, eq(parentItem.id, frameworkItems.parentId))
    .where(and(eq(rubricCriteria.rubricId, rubricId), eq(rubricCriteria.districtId, districtId)))
    .orderBy(asc(rubricCriteria.position), asc(rubricCriteria.id));
}

type RowsResult = Awaited<ReturnType<typeof gridRowsQuery>>;

/** Puts each criterion's descriptors in the order of the columns (matched by scale level, else by position). */
function alignToLevels(levels: GridLevel[], descriptors: RubricDescriptor[]): RubricDescriptor[] {
  const out: RubricDescriptor[] = [];
  for (const level of levels) {
    const d =
      descriptors.find((x) => level.id !== null && x.scaleLevelId === level.id) ??
      descriptors.find((x) => x.position === level.position && !out.includes(x));
    if (d && !out.includes(d)) out.push(d);
  }
  return out.concat(descriptors.filter((d) => !out.includes(d)));
}

function buildCriteria(rows: RowsResult, levels: GridLevel[]): GridCriterion[] {
  return rows.map((r) => ({
    id: r.criterion.id,
    position: r.criterion.position,
    description: r.criterion.description,
    item: r.item?.id ? r.item : null,
    domain: r.parent?.id ? r.parent : null,
    descriptors: alignToLevels(
      levels,
      r.descriptors.map((d) => ({ ...d, levelScore: d.levelScore === null ? null : Number(d.levelScore) })),
    ),
  }));
}

/** A rubric without a scale (imported from CASE) takes its columns from its descriptors. */
function levelsFromDescriptors(rows: RowsResult): GridLevel[] {
  const byPosition = new Map<number, GridLevel>();
  for (const d of rows.flatMap((r) => r.descriptors)) {
    if (byPosition.has(d.position)) continue;
    const score = d.levelScore === null ? null : Number(d.levelScore);
    byPosition.set(d.position, {
      id: null,
      position: d.position,
      label: d.quality ?? String(score ?? d.position + 1),
      levelScore: score,
      proficient: false,
      description: null,
    });
  }
  return [...byPosition.values()].sort((a, b) => a.position - b.position);
}

/**
 * The grid of a role rubric (competencies x levels) in two statements: the header (the caller's
 * access) and the rows. A published or retired version's rubric never changes, so its rows are
 * shared between readers for a few seconds (lib/read-cache.ts; any write through this process drops
 * them); a draft's are read afresh beside the header. The rubric of another district, or of a draft
 * the caller may not read, is 404.
 */
export async function loadGrid(ctx: Ctx, rubricId: string, db: Executor = ctx.db): Promise<RubricGrid> {
  const districtId = ctx.actor.districtId;
  const rowsKey = `rubric-grid-rows:${rubricId}`;
  const [headers, fresh] = await Promise.all([
    gridHeaderQuery(db, districtId, ctx.actor.personId, rubricId),
    // Rows already shared (the rubric was read while published) need no second statement.
    hasSharedRead(db, rowsKey) ? null : gridRowsQuery(db, districtId, rubricId),
  ]);
  const h = headers[0];
  if (!h) throw notFound('Rubric');
  const access = {
    districtId: h.version.districtId,
    status: h.version.status,
    isCollaborator: h.isCollaborator,
    frameworkId: h.version.frameworkId,
  };
  if (!canReadVersion(ctx.actor, access)) throw notFound('Rubric');
  const rows =
    h.version.status === 'draft'
      ? (fresh ?? (await gridRowsQuery(db, districtId, rubricId)))
      : await sharedRead(db, rowsKey, async () => fresh ?? gridRowsQuery(db, districtId, rubricId));
  const abilities = versionAbilities(ctx.actor, access);
  const levels =
    h.levels.length > 0
      ? h.levels.map((l) => ({ ...l, levelScore: l.levelScore === null ? null : Number(l.levelScore) }))
      : levelsFromDescriptors(rows);
  return {
    rubric: h.rubric,
    step: h.stepId
      ? { id: h.stepId, title: h.stepTitle!, pathwayId: h.stepPathwayId!, pathwayName: h.pathwayName!, responsibilityLevel: h.stepLevel }
      : null,
    frameworkVersion: {
      id: h.version.id,
      frameworkId: h.version.frameworkId,
      frameworkTitle: h.frameworkTitle,
      versionNumber: h.version.versionNumber,
      title: h.version.title,
      status: h.version.status as VersionStatus,
    },
    levels,
    criteria: buildCriteria(rows, levels),
    abilities: { edit: abilities.edit, comment: abilities.comment },
  };
}
