import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.ts';
import { frameworkItems, frameworkVersions, frameworks, scaleLevels } from '../../db/schema/index.ts';
import { ensureDefaultScale } from '../scales.ts';
import type { ParsedFramework } from './types.ts';

/** Column (snake_case) -> PostgreSQL type of the rows an import creates, for `jsonb_to_recordset`. */
const COLUMNS = {
  framework_items: {
    id: 'uuid',
    district_id: 'uuid',
    version_id: 'uuid',
    case_identifier: 'text',
    parent_id: 'uuid',
    position: 'integer',
    parent_association_identifier: 'text',
    item_type: 'text',
    human_code: 'text',
    full_statement: 'text',
    abbreviated_statement: 'text',
    alternative_label: 'text',
    notes: 'text',
    language: 'text',
    list_enumeration: 'text',
    education_level: 'jsonb',
    concept_keywords: 'jsonb',
    case_fields: 'jsonb',
    source_changed_at: 'timestamptz',
    source_item_ids: 'jsonb',
  },
  framework_associations: {
    id: 'uuid',
    district_id: 'uuid',
    version_id: 'uuid',
    case_identifier: 'text',
    association_type: 'text',
    origin_item_id: 'uuid',
    destination_item_id: 'uuid',
    origin_node: 'jsonb',
    destination_node: 'jsonb',
    sequence_number: 'integer',
    notes: 'text',
    case_fields: 'jsonb',
  },
  rubrics: {
    id: 'uuid',
    district_id: 'uuid',
    version_id: 'uuid',
    scale_id: 'uuid',
    case_identifier: 'text',
    title: 'text',
    description: 'text',
    case_fields: 'jsonb',
  },
  rubric_criteria: {
    id: 'uuid',
    district_id: 'uuid',
    rubric_id: 'uuid',
    item_id: 'uuid',
    case_identifier: 'text',
    position: 'integer',
    category: 'text',
    description: 'text',
    weight: 'numeric',
    case_fields: 'jsonb',
  },
  rubric_descriptors: {
    id: 'uuid',
    district_id: 'uuid',
    criterion_id: 'uuid',
    scale_level_id: 'uuid',
    case_identifier: 'text',
    position: 'integer',
    quality: 'text',
    level_score: 'numeric',
    description: 'text',
    feedback: 'text',
    case_fields: 'jsonb',
  },
} as const;
type Table = keyof typeof COLUMNS;

/**
 * Inserts rows with ONE jsonb parameter expanded by `jsonb_to_recordset` (one statement per table
 * and per 5,000 rows): building a VALUES list value by value costs more than the database's work.
 */
export async function insertRecordset(tx: Tx, table: Table, rows: Record<string, unknown>[]) {
  const columns = COLUMNS[table];
  const names = Object.keys(columns);
  const list = sql.raw(names.join(', '));
  const types = sql.raw(names.map((n) => `${n} ${columns[n as keyof typeof columns]}`).join(', '));
  for (let i = 0; i < rows.length; i += 5000) {
    const json = JSON.stringify(rows.slice(i, i + 5000));
    await tx.execute(sql`insert into ${sql.raw(table)} (${list}) select ${list} from jsonb_to_recordset(${json}::jsonb) as x(${types})`);
  }
}

export interface WriteOptions {
  districtId: string;
  userId: string;
  publish: boolean;
  /** Write the next version (a draft) of this existing framework instead of a new framework. */
  into?: { frameworkId: string; versionNumber: number; basedOnVersionId: string };
}

/**
 * Writes a parsed framework as a NEW framework with version 1 (draft, or published when asked),
 * or, `into` an existing framework, as its next version: a draft based on `basedOnVersionId`
 * whose items point back (`sourceItemIds`) at the items of that version with the same CASE
 * identifier, so publishing it records the crosswalk (unchanged, changed, new, retired).
 * In the caller's transaction. Rubric levels are tied to the district's default scale when every
 * level score of the package is one of its scores.
 */
export async function writeFramework(tx: Tx, parsed: ParsedFramework, opts: WriteOptions) {
  const { districtId } = opts;
  const scale = await ensureDefaultScale(tx, districtId);
  const levels = await tx.select().from(scaleLevels).where(eq(scaleLevels.scaleId, scale.id)).orderBy(asc(scaleLevels.position));
  const levelByScore = new Map(levels.map((l) => [Number(l.levelScore), l.id]));
  const scores = parsed.rubrics.flatMap((r) => r.criteria.flatMap((c) => c.levels.map((l) => l.levelScore)));
  const scaleFits = scores.length > 0 && scores.every((s) => s !== null && levelByScore.has(s));

  const { into } = opts;
  const publish = opts.publish && !into;
  const [framework] = into
    ? [{ id: into.frameworkId }]
    : await tx.insert(frameworks).values({ districtId, title: parsed.document.title }).returning({ id: frameworks.id });
  const previousItems = new Map<string, string>();
  if (into) {
    const rows = await tx
      .select({ id: frameworkItems.id, caseIdentifier: frameworkItems.caseIdentifier })
      .from(frameworkItems)
      .where(and(eq(frameworkItems.districtId, districtId), eq(frameworkItems.versionId, into.basedOnVersionId)));
    for (const row of rows) previousItems.set(row.caseIdentifier, row.id);
  }
  const now = new Date();
  const doc = parsed.document;
  const [version] = await tx
    .insert(frameworkVersions)
    .values({
      districtId,
      frameworkId: framework!.id,
      versionNumber: into?.versionNumber ?? 1,
      status: publish ? 'published' : 'draft',
      basedOnVersionId: into?.basedOnVersionId ?? null,
      caseIdentifier: doc.identifier,
      title: doc.title,
      description: doc.description,
      creator: doc.creator,
      publisher: doc.publisher,
      language: doc.language,
      versionLabel: doc.versionLabel,
      adoptionStatus: doc.adoptionStatus,
      itemTypes: parsed.itemTypes,
      caseFields: doc.caseFields,
      scaleId: scale.id,
      publishedAt: publish ? now : null,
      publishedByUserId: publish ? opts.userId : null,
      sourceChangedAt: doc.sourceChangedAt,
    })
    .returning({ id: frameworkVersions.id });
  const versionId = version!.id;

  const itemIds = parsed.items.map(() => randomUUID());
  await insertRecordset(
    tx,
    'framework_items',
    parsed.items.map((item, i) => ({
      id: itemIds[i],
      district_id: districtId,
      version_id: versionId,
      case_identifier: item.identifier,
      parent_id: item.parentIndex === null ? null : itemIds[item.parentIndex],
      position: item.position,
      parent_association_identifier: item.parentAssociationIdentifier,
      item_type: item.itemType,
      human_code: item.humanCode,
      full_statement: item.fullStatement,
      abbreviated_statement: item.abbreviatedStatement,
      alternative_label: item.alternativeLabel,
      notes: item.notes,
      language: item.language,
      list_enumeration: item.listEnumeration,
      education_level: item.educationLevel,
      concept_keywords: item.conceptKeywords,
      case_fields: item.caseFields,
      source_changed_at: item.sourceChangedAt?.toISOString() ?? null,
      source_item_ids: previousItems.has(item.identifier) ? [previousItems.get(item.identifier)] : [],
    })),
  );
  await insertRecordset(
    tx,
    'framework_associations',
    parsed.associations.map((a) => ({
      id: randomUUID(),
      district_id: districtId,
      version_id: versionId,
      case_identifier: a.identifier,
      association_type: a.associationType,
      origin_item_id: a.originIndex === null ? null : itemIds[a.originIndex],
      destination_item_id: a.destinationIndex === null ? null : itemIds[a.destinationIndex],
      origin_node: a.originNode,
      destination_node: a.destinationNode,
      sequence_number: a.sequenceNumber,
      notes: a.notes,
      case_fields: a.caseFields,
    })),
  );
  const rubricRows: Record<string, unknown>[] = [];
  const criterionRows: Record<string, unknown>[] = [];
  const descriptorRows: Record<string, unknown>[] = [];
  for (const rubric of parsed.rubrics) {
    const rubricId = randomUUID();
    rubricRows.push({
      id: rubricId,
      district_id: districtId,
      version_id: versionId,
      scale_id: scaleFits ? scale.id : null,
      case_identifier: rubric.identifier,
      title: rubric.title,
      description: rubric.description,
      case_fields: rubric.caseFields,
    });
    for (const c of rubric.criteria) {
      const criterionId = randomUUID();
      criterionRows.push({
        id: criterionId,
        district_id: districtId,
        rubric_id: rubricId,
        item_id: c.itemIndex === null ? null : itemIds[c.itemIndex],
        case_identifier: c.identifier,
        position: c.position,
        category: c.category,
        description: c.description,
        weight: c.weight,
        case_fields: c.caseFields,
      });
      for (const l of c.levels) {
        descriptorRows.push({
          id: randomUUID(),
          district_id: districtId,
          criterion_id: criterionId,
          scale_level_id: scaleFits && l.levelScore !== null ? levelByScore.get(l.levelScore) : null,
          case_identifier: l.identifier,
          position: l.position,
          quality: l.quality,
          level_score: l.levelScore,
          description: l.description,
          feedback: l.feedback,
          case_fields: l.caseFields,
        });
      }
    }
  }
  await insertRecordset(tx, 'rubrics', rubricRows);
  await insertRecordset(tx, 'rubric_criteria', criterionRows);
  await insertRecordset(tx, 'rubric_descriptors', descriptorRows);
  return { frameworkId: framework!.id, versionId };
}

/** The version an earlier import of the same bytes created, if it still exists in the district. */
export async function findEarlierImport(tx: Executor, districtId: string, sha256: string) {
  const rows = (await tx.execute(sql`
    select v.id as "versionId", v.framework_id as "frameworkId", v.status
    from audit_log a join framework_versions v on v.id = a.entity_id and v.district_id = a.district_id
    where a.district_id = ${districtId} and a.action = 'framework.import' and a.after->>'sha256' = ${sha256}
    order by a.at desc limit 1`)) as unknown as { rows: { versionId: string; frameworkId: string; status: string }[] };
  return rows.rows[0] ?? null;
}
