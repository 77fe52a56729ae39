import { randomUUID } from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { UpdateVersionInput } from '../../../common/schemas/frameworks.ts';
import type { Executor } from '../../db/client.ts';
import { frameworkItemMappings, frameworkItems, frameworkVersions } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { conflict, forbidden, invalidState } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { checkScale } from '../scales.ts';
import { loadDraftForEdit, loadVersion, type LoadedVersion } from './access.ts';
import { computeCrosswalk, crosswalkCounts, type CrosswalkItem } from './crosswalk.ts';
import { presentLoadedVersion } from './load.ts';

const reload = async (ctx: Ctx, id: string, db: Executor = ctx.db) => presentLoadedVersion(db, await loadVersion(ctx, id, db));

/** Bumps the version row's lock (`version`) when it is still `expected`; 409 with the current version otherwise. */
async function bump(ctx: Ctx, tx: Executor, loaded: LoadedVersion, expected: number, set: Partial<typeof frameworkVersions.$inferInsert>) {
  const [row] = await tx
    .update(frameworkVersions)
    .set({ ...set, version: expected + 1, updatedAt: new Date() })
    .where(and(eq(frameworkVersions.id, loaded.version.id), eq(frameworkVersions.version, expected)))
    .returning();
  if (!row) throw conflict(await reload(ctx, loaded.version.id, tx));
  return row;
}

export async function updateVersion(ctx: Ctx, id: string, input: z.infer<typeof UpdateVersionInput>) {
  const loaded = await loadDraftForEdit(ctx, id);
  if (loaded.version.version !== input.version) throw conflict(await presentLoadedVersion(ctx.db, loaded));
  if (input.scaleId) await checkScale(ctx, input.scaleId);
  const { version, itemTypes, ...fields } = input;
  const set: Partial<typeof frameworkVersions.$inferInsert> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  // Item types keep what an import brought (description, CASE identifier, URI) under the same code.
  if (itemTypes) set.itemTypes = itemTypes.map((type) => ({ ...loaded.version.itemTypes.find((old) => old.code === type.code), ...type }));
  await ctx.db.transaction(async (tx) => {
    const row = await bump(ctx, tx, loaded, version, set);
    await recordAudit(tx, ctx, {
      action: 'framework_version.update',
      entityType: 'framework_version',
      entityId: id,
      before: loaded.version,
      after: row,
    });
  });
  return reload(ctx, id);
}

const crosswalkColumns = {
  id: frameworkItems.id,
  sourceItemIds: frameworkItems.sourceItemIds,
  retired: frameworkItems.retired,
  fullStatement: frameworkItems.fullStatement,
  humanCode: frameworkItems.humanCode,
  itemType: frameworkItems.itemType,
  abbreviatedStatement: frameworkItems.abbreviatedStatement,
  parentId: frameworkItems.parentId,
};

export async function crosswalkItems(db: Executor, versionId: string): Promise<(CrosswalkItem & { parentId: string | null })[]> {
  return db.select(crosswalkColumns).from(frameworkItems).where(eq(frameworkItems.versionId, versionId));
}

/** The crosswalk of a draft to the version it is based on, computed now (previous items: those not retired). */
export async function computeDraftCrosswalk(db: Executor, version: { id: string; basedOnVersionId: string | null }) {
  if (!version.basedOnVersionId) return [];
  const previous = (await crosswalkItems(db, version.basedOnVersionId)).filter((i) => !i.retired);
  return computeCrosswalk(previous, await crosswalkItems(db, version.id));
}

/**
 * Publishes a draft: records the crosswalk to the version it is based on, item by item, and
 * retires the framework's previously published version (superseded, still readable).
 */
export async function publishVersion(ctx: Ctx, id: string, expected: number) {
  const loaded = await loadDraftForEdit(ctx, id);
  if (!loaded.abilities.publish) throw forbidden();
  if (loaded.version.version !== expected) throw conflict(await presentLoadedVersion(ctx.db, loaded));
  await ctx.db.transaction(async (tx) => {
    const mappings = await computeDraftCrosswalk(tx, loaded.version);
    const previousVersionId = loaded.version.basedOnVersionId;
    if (previousVersionId) {
      for (let i = 0; i < mappings.length; i += 5000) {
        await tx
          .insert(frameworkItemMappings)
          .values(mappings.slice(i, i + 5000).map((m) => ({ districtId: ctx.actor.districtId, versionId: id, previousVersionId, ...m })));
      }
    }
    const superseded = await tx
      .update(frameworkVersions)
      .set({ status: 'retired', version: sql`${frameworkVersions.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(frameworkVersions.frameworkId, loaded.version.frameworkId),
          eq(frameworkVersions.status, 'published'),
          ne(frameworkVersions.id, id),
        ),
      )
      .returning({ id: frameworkVersions.id });
    const row = await bump(ctx, tx, loaded, expected, {
      status: 'published',
      publishedAt: new Date(),
      publishedByUserId: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'framework_version.publish',
        entityType: 'framework_version',
        entityId: id,
        before: { status: loaded.version.status },
        after: { status: row.status, publishedAt: row.publishedAt, crosswalk: crosswalkCounts(mappings) },
      },
      ...superseded.map((s) => ({
        action: 'framework_version.supersede',
        entityType: 'framework_version',
        entityId: s.id,
        before: { status: 'published' },
        after: { status: 'retired', supersededBy: id },
      })),
    ]);
  });
  return reload(ctx, id);
}

export async function retireVersion(ctx: Ctx, id: string, expected: number) {
  const loaded = await loadVersion(ctx, id);
  if (!loaded.abilities.manageDesignTeam) throw forbidden();
  if (!loaded.abilities.retire) throw invalidState('Only a published version can be retired', { status: loaded.version.status });
  if (loaded.version.version !== expected) throw conflict(await presentLoadedVersion(ctx.db, loaded));
  await ctx.db.transaction(async (tx) => {
    const row = await bump(ctx, tx, loaded, expected, { status: 'retired' });
    await recordAudit(tx, ctx, {
      action: 'framework_version.retire',
      entityType: 'framework_version',
      entityId: id,
      before: { status: loaded.version.status },
      after: { status: row.status },
    });
  });
  return reload(ctx, id);
}

/**
 * A new id for a copied row, derived from the original id and the new version (an RFC 4122 v4-shaped
 * hash): the same in every statement of the copy, so references remap without a lookup table.
 */
const newId = (column: string, versionId: string) =>
  sql.raw(`overlay(overlay(md5(${column}::text || '${versionId}') placing '4' from 13) placing '8' from 17)::uuid`);

/**
 * Starts the next draft from a published version: copies the version's fields, items (each
 * pointing back at its original through `sourceItemIds`, with new CASE identifiers),
 * associations, and rubrics with their criteria and descriptors, remapping every item id.
 */
export async function newVersion(ctx: Ctx, id: string) {
  const loaded = await loadVersion(ctx, id);
  if (!loaded.abilities.manageDesignTeam) throw forbidden();
  if (loaded.version.status !== 'published') {
    throw invalidState('Start a new version from the published version', { reason: 'not_published', status: loaded.version.status });
  }
  const src = loaded.version;
  const [draft] = await ctx.db
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.frameworkId, src.frameworkId), eq(frameworkVersions.status, 'draft')));
  if (draft) throw invalidState('This framework already has a draft', { reason: 'draft_exists', draftId: draft.id });
  const nv = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [max] = await tx
      .select({ n: sql<number>`max(${frameworkVersions.versionNumber})`.mapWith(Number) })
      .from(frameworkVersions)
      .where(eq(frameworkVersions.frameworkId, src.frameworkId));
    const [row] = await tx
      .insert(frameworkVersions)
      .values({
        id: nv,
        districtId: src.districtId,
        frameworkId: src.frameworkId,
        versionNumber: (max?.n ?? src.versionNumber) + 1,
        status: 'draft',
        caseIdentifier: nv,
        title: src.title,
        description: src.description,
        creator: src.creator,
        publisher: src.publisher,
        language: src.language,
        adoptionStatus: src.adoptionStatus,
        itemTypes: src.itemTypes,
        caseFields: src.caseFields,
        scaleId: src.scaleId,
        basedOnVersionId: src.id,
      })
      .returning();
    await copyContents(tx, src.id, nv);
    await recordAudit(tx, ctx, {
      action: 'framework_version.new_version',
      entityType: 'framework_version',
      entityId: nv,
      after: { ...row, basedOnVersionId: src.id },
    });
  });
  return reload(ctx, nv);
}

/** Copies items, associations, rubrics, criteria and descriptors of `from` into `to`: one statement per table. */
async function copyContents(tx: Executor, from: string, to: string) {
  const item = (col: string) => newId(col, to);
  await tx.execute(sql`
    insert into framework_items (id, district_id, version_id, case_identifier, parent_id, position, item_type, human_code,
      full_statement, abbreviated_statement, alternative_label, notes, language, list_enumeration, education_level,
      concept_keywords, case_fields, source_item_ids, retired)
    select ${item('i.id')}, i.district_id, ${to}::uuid, ${item('i.id')}::text,
      case when i.parent_id is null then null else ${item('i.parent_id')} end, i.position, i.item_type, i.human_code,
      i.full_statement, i.abbreviated_statement, i.alternative_label, i.notes, i.language, i.list_enumeration, i.education_level,
      i.concept_keywords, i.case_fields, jsonb_build_array(i.id::text), i.retired
    from framework_items i where i.version_id = ${from}::uuid`);
  // Ends inside the version point at the copies (identifier and URI follow); outside ends are kept.
  await tx.execute(sql`
    insert into framework_associations (id, district_id, version_id, case_identifier, association_type, origin_item_id,
      destination_item_id, origin_node, destination_node, sequence_number, notes, case_fields)
    select ${item('a.id')}, a.district_id, ${to}::uuid, ${item('a.id')}::text, a.association_type,
      case when a.origin_item_id is null then null else ${item('a.origin_item_id')} end,
      case when a.destination_item_id is null then null else ${item('a.destination_item_id')} end,
      case when o.id is null then a.origin_node else a.origin_node || jsonb_build_object(
        'identifier', ${item('o.id')}::text, 'uri', replace(a.origin_node->>'uri', o.case_identifier, ${item('o.id')}::text)) end,
      case when d.id is null then a.destination_node else a.destination_node || jsonb_build_object(
        'identifier', ${item('d.id')}::text, 'uri', replace(a.destination_node->>'uri', d.case_identifier, ${item('d.id')}::text)) end,
      a.sequence_number, a.notes, a.case_fields
    from framework_associations a
    left join framework_items o on o.id = a.origin_item_id and o.version_id = ${from}::uuid
    left join framework_items d on d.id = a.destination_item_id and d.version_id = ${from}::uuid
    where a.version_id = ${from}::uuid`);
  await tx.execute(sql`
    insert into rubrics (id, district_id, version_id, step_id, scale_id, case_identifier, title, description, case_fields)
    select ${item('r.id')}, r.district_id, ${to}::uuid, r.step_id, r.scale_id, ${item('r.id')}::text, r.title, r.description, r.case_fields
    from rubrics r where r.version_id = ${from}::uuid`);
  await tx.execute(sql`
    insert into rubric_criteria (id, district_id, rubric_id, item_id, case_identifier, position, category, description, weight, case_fields)
    select ${item('c.id')}, c.district_id, ${item('c.rubric_id')},
      case when i.id is null then c.item_id else ${item('c.item_id')} end,
      ${item('c.id')}::text, c.position, c.category, c.description, c.weight, c.case_fields
    from rubric_criteria c join rubrics r on r.id = c.rubric_id
    left join framework_items i on i.id = c.item_id and i.version_id = ${from}::uuid
    where r.version_id = ${from}::uuid`);
  await tx.execute(sql`
    insert into rubric_descriptors (id, district_id, criterion_id, scale_level_id, case_identifier, position, quality,
      level_score, description, feedback, case_fields)
    select ${item('d.id')}, d.district_id, ${item('d.criterion_id')}, d.scale_level_id, ${item('d.id')}::text, d.position,
      d.quality, d.level_score, d.description, d.feedback, d.case_fields
    from rubric_descriptors d join rubric_criteria c on c.id = d.criterion_id join rubrics r on r.id = c.rubric_id
    where r.version_id = ${from}::uuid`);
}
