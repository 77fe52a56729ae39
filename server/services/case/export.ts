import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  frameworkAssociations,
  frameworkItems,
  frameworkVersions,
  rubricCriteria,
  rubricDescriptors,
  rubrics,
  type CaseLink,
  type ItemTypeDef,
} from '../../db/schema/index.ts';
import { FIELD_SPECS, isUuid, uuidV5, type ObjectKind } from './fields.ts';
import { caseUri } from './rows.ts';

type Json = Record<string, unknown>;
type VersionRow = typeof frameworkVersions.$inferSelect;
type ItemRow = typeof frameworkItems.$inferSelect;

/** Everything of one version the export reads, items in tree order (parent before children, siblings by position). */
export interface VersionContent {
  version: VersionRow;
  items: ItemRow[];
  associations: (typeof frameworkAssociations.$inferSelect)[];
  rubrics: (typeof rubrics.$inferSelect & {
    criteria: (typeof rubricCriteria.$inferSelect & { levels: (typeof rubricDescriptors.$inferSelect)[] })[];
  })[];
}

/** Depth-first order: parents before children, siblings by position. */
export function treeOrder<T extends { id: string; parentId: string | null; position: number }>(rows: T[]): T[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const row of rows) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const out: T[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const row = stack.pop()!;
    out.push(row);
    stack.push(...[...(children.get(row.id) ?? [])].reverse());
  }
  return out;
}

/** Reads a version's items, associations and rubrics (the caller has checked it may read the version). */
export async function loadVersionContent(db: Executor, version: VersionRow): Promise<VersionContent> {
  const [items, associations, rubricRows] = await Promise.all([
    db.select().from(frameworkItems).where(eq(frameworkItems.versionId, version.id)),
    db
      .select()
      .from(frameworkAssociations)
      .where(eq(frameworkAssociations.versionId, version.id))
      .orderBy(asc(frameworkAssociations.createdAt), asc(frameworkAssociations.caseIdentifier)),
    db.select().from(rubrics).where(eq(rubrics.versionId, version.id)).orderBy(asc(rubrics.createdAt), asc(rubrics.title), asc(rubrics.id)),
  ]);
  const rubricIds = rubricRows.map((r) => r.id);
  const criteria = rubricIds.length
    ? await db
        .select()
        .from(rubricCriteria)
        .where(inArray(rubricCriteria.rubricId, rubricIds))
        .orderBy(asc(rubricCriteria.position), asc(rubricCriteria.caseIdentifier))
    : [];
  const criterionIds = criteria.map((c) => c.id);
  const levels = criterionIds.length
    ? await db
        .select()
        .from(rubricDescriptors)
        .where(inArray(rubricDescriptors.criterionId, criterionIds))
        .orderBy(asc(rubricDescriptors.position), asc(rubricDescriptors.caseIdentifier))
    : [];
  const levelsBy = groupBy(levels, (l) => l.criterionId);
  const criteriaBy = groupBy(criteria, (c) => c.rubricId);
  return {
    version,
    items: treeOrder(items),
    associations,
    rubrics: rubricRows.map((r) => ({
      ...r,
      criteria: (criteriaBy.get(r.id) ?? []).map((c) => ({ ...c, levels: levelsBy.get(c.id) ?? [] })),
    })),
  };
}

/** `Map.groupBy` (Node 21+) for Node 20. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

const asUuid = (id: string) => (isUuid(id) ? id : uuidV5(id));
const iso = (d: Date | null | undefined, fallback: Date) => (d ?? fallback).toISOString();
const strOr = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

/**
 * Keeps the properties CASE 1.1 defines for `kind` (the official schema allows no others) and
 * moves anything else into `extensions`; drops null/undefined values.
 */
function shape(kind: ObjectKind, obj: Json): Json {
  const spec = FIELD_SPECS[kind];
  const out: Json = {};
  const extra: Json = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === null || v === undefined) continue;
    if (k in spec) out[k] = v;
    else extra[k] = v;
  }
  if (Object.keys(extra).length > 0) {
    if (spec.extensions === 'extensionsArray') out.extensions = [...((out.extensions as Json[] | undefined) ?? []), extra];
    else out.extensions = { ...((out.extensions as Json | undefined) ?? {}), ...extra };
  }
  return out;
}

type TypedVersion = Pick<VersionRow, 'caseIdentifier' | 'itemTypes' | 'updatedAt'>;

/**
 * A version's item types with the identifier and uri the export gives each: the ones they were
 * imported with, else derived from the document and the type's code, served by this server's
 * CASE REST `CFItemTypes/{identifier}` (so an item's CFItemTypeURI never points at nothing).
 */
export function itemTypeLinks(version: TypedVersion, baseUrl: string) {
  const docId = asUuid(version.caseIdentifier);
  return (version.itemTypes as (ItemTypeDef & Json)[]).map((t) => {
    const identifier = t.identifier && isUuid(t.identifier) ? t.identifier : uuidV5(`itemType:${docId}:${t.code}`);
    return { def: t, identifier, uri: t.uri ?? caseUri(baseUrl, 'CFItemTypes', identifier) };
  });
}

/** A version's item types as CASE 1.1 CFItemType objects (CFDefinitions, and CASE REST `CFItemTypes/{id}`). */
export function buildItemTypes(version: TypedVersion, baseUrl: string): Json[] {
  return itemTypeLinks(version, baseUrl).map(({ def, identifier, uri }) => {
    const { code, title, description, hierarchyCode, identifier: _id, uri: _uri, ...extra } = def;
    return shape('itemType', {
      ...extra,
      identifier,
      uri,
      title,
      description: description ?? '',
      hierarchyCode: hierarchyCode ?? '',
      typeCode: code,
      lastChangeDateTime: strOr(extra.lastChangeDateTime, version.updatedAt.toISOString()),
    });
  });
}

const nodeTitle = (item: ItemRow) => item.humanCode ?? item.abbreviatedStatement ?? item.fullStatement.slice(0, 200);

/** A version as a CASE 1.1 CFPackage (validates against the official schema). */
export function buildPackage(content: VersionContent, baseUrl: string): Json {
  const { version } = content;
  const vcf = version.caseFields as Json;
  const { CFDefinitions: storedDefs, packageExtensions, uri: docUriField, ...docRest } = vcf as Json & { CFDefinitions?: Json };
  const docId = asUuid(version.caseIdentifier);
  const docUri = strOr(docUriField, caseUri(baseUrl, 'CFDocuments', docId));
  const docLink: CaseLink = { title: version.title, identifier: docId, uri: docUri };

  const types = itemTypeLinks(version, baseUrl);
  const typeByCode = new Map(types.map((t) => [t.def.code, t]));
  const itemById = new Map(content.items.map((i) => [i.id, i]));
  const itemUri = (item: ItemRow) => strOr((item.caseFields as Json).uri, caseUri(baseUrl, 'CFItems', asUuid(item.caseIdentifier)));
  const itemLink = (item: ItemRow): CaseLink => ({ title: nodeTitle(item), identifier: asUuid(item.caseIdentifier), uri: itemUri(item) });

  const CFItems: Json[] = [];
  const hierarchy: Json[] = [];
  for (const item of content.items) {
    const { parentAssociation, CFItemTypeURI, ...cf } = item.caseFields as Json & { parentAssociation?: Json };
    const type = item.itemType ? typeByCode.get(item.itemType) : undefined;
    CFItems.push(
      shape('item', {
        ...cf,
        identifier: asUuid(item.caseIdentifier),
        uri: itemUri(item),
        fullStatement: item.fullStatement,
        alternativeLabel: item.alternativeLabel,
        CFItemType: type?.def.title ?? item.itemType,
        humanCodingScheme: item.humanCode,
        listEnumeration: item.listEnumeration,
        abbreviatedStatement: item.abbreviatedStatement,
        conceptKeywords: item.conceptKeywords,
        notes: item.notes,
        language: item.language,
        educationLevel: item.educationLevel,
        CFItemTypeURI: CFItemTypeURI ?? (type ? { title: type.def.title, identifier: type.identifier, uri: type.uri } : undefined),
        lastChangeDateTime: iso(item.sourceChangedAt, item.updatedAt),
      }),
    );
    const parent = item.parentId ? itemById.get(item.parentId) : undefined;
    const pa = parentAssociation ?? {};
    const identifier =
      item.parentAssociationIdentifier && isUuid(item.parentAssociationIdentifier)
        ? item.parentAssociationIdentifier
        : uuidV5(`${item.caseIdentifier}:isChildOf:${parent?.caseIdentifier ?? docId}`);
    hierarchy.push(
      shape('association', {
        ...pa,
        identifier,
        uri: strOr(pa.uri, caseUri(baseUrl, 'CFAssociations', identifier)),
        associationType: 'isChildOf',
        originNodeURI: itemLink(item),
        destinationNodeURI: parent ? itemLink(parent) : docLink,
        sequenceNumber: item.position + 1,
        lastChangeDateTime: strOr(pa.lastChangeDateTime, iso(item.sourceChangedAt, item.updatedAt)),
      }),
    );
  }

  const node = (stored: CaseLink | null, itemId: string | null): CaseLink => {
    const item = itemId ? itemById.get(itemId) : undefined;
    if (item)
      return {
        ...itemLink(item),
        ...(stored?.title ? { title: stored.title } : {}),
        ...(stored?.targetType ? { targetType: stored.targetType } : {}),
      };
    return {
      title: strOr(stored?.title, ''),
      identifier: strOr(stored?.identifier, ''),
      uri: strOr(stored?.uri, ''),
      ...(stored?.targetType ? { targetType: stored.targetType } : {}),
    };
  };
  const others = content.associations.map((a) => {
    const cf = a.caseFields as Json;
    const identifier = asUuid(a.caseIdentifier);
    return shape('association', {
      ...cf,
      identifier,
      uri: strOr(cf.uri, caseUri(baseUrl, 'CFAssociations', identifier)),
      associationType: a.associationType,
      originNodeURI: node(a.originNode, a.originItemId),
      destinationNodeURI: node(a.destinationNode, a.destinationItemId),
      sequenceNumber: a.sequenceNumber,
      notes: a.notes,
      lastChangeDateTime: strOr(cf.lastChangeDateTime, a.updatedAt.toISOString()),
    });
  });

  const defs = storedDefs ?? {};
  const CFDefinitions = {
    CFConcepts: (defs.CFConcepts as Json[] | undefined)?.map((d) => shape('concept', d)) ?? [],
    CFSubjects: (defs.CFSubjects as Json[] | undefined)?.map((d) => shape('subject', d)) ?? [],
    CFLicenses: (defs.CFLicenses as Json[] | undefined)?.map((d) => shape('license', d)) ?? [],
    CFItemTypes: buildItemTypes(version, baseUrl),
    CFAssociationGroupings: (defs.CFAssociationGroupings as Json[] | undefined)?.map((d) => shape('grouping', d)) ?? [],
    ...(defs.extensions ? { extensions: defs.extensions } : {}),
  };

  const CFRubrics = content.rubrics.map((r) => {
    const cf = r.caseFields as Json;
    const rubricId = asUuid(r.caseIdentifier);
    return shape('rubric', {
      ...cf,
      identifier: rubricId,
      uri: strOr(cf.uri, caseUri(baseUrl, 'CFRubrics', rubricId)),
      title: r.title,
      description: r.description,
      lastChangeDateTime: strOr(cf.lastChangeDateTime, r.updatedAt.toISOString()),
      CFRubricCriteria: r.criteria.map((c) => {
        const ccf = c.caseFields as Json;
        const criterionId = asUuid(c.caseIdentifier);
        const item = c.itemId ? itemById.get(c.itemId) : undefined;
        return shape('criterion', {
          ...ccf,
          identifier: criterionId,
          uri: strOr(ccf.uri, caseUri(baseUrl, 'CFRubricCriteria', criterionId)),
          category: c.category,
          description: c.description,
          CFItemURI: item ? itemLink(item) : ccf.CFItemURI,
          weight: c.weight === null ? null : Number(c.weight),
          position: c.position,
          rubricId,
          lastChangeDateTime: strOr(ccf.lastChangeDateTime, c.updatedAt.toISOString()),
          CFRubricCriterionLevels: c.levels.map((l) => {
            const lcf = l.caseFields as Json;
            const levelId = asUuid(l.caseIdentifier);
            return shape('level', {
              ...lcf,
              identifier: levelId,
              uri: strOr(lcf.uri, caseUri(baseUrl, 'CFRubricCriterionLevels', levelId)),
              description: l.description === '' ? null : l.description,
              quality: l.quality,
              score: l.levelScore === null ? null : Number(l.levelScore),
              feedback: l.feedback,
              position: l.position,
              rubricCriterionId: criterionId,
              lastChangeDateTime: strOr(lcf.lastChangeDateTime, l.updatedAt.toISOString()),
            });
          }),
        });
      }),
    });
  });

  const CFDocument = shape('document', {
    ...docRest,
    identifier: docId,
    uri: docUri,
    caseVersion: '1.1',
    creator: version.creator,
    title: version.title,
    lastChangeDateTime: iso(version.sourceChangedAt, version.updatedAt),
    publisher: version.publisher,
    description: version.description,
    language: version.language,
    version: version.versionLabel,
    adoptionStatus: version.adoptionStatus,
  });
  return {
    CFDocument,
    CFItems,
    CFAssociations: [...hierarchy, ...others],
    CFDefinitions,
    CFRubrics,
    ...(packageExtensions ? { extensions: packageExtensions } : {}),
  };
}

/** One item as the CASE REST `CFItems/{id}` answers it: the package item with a link to its document. */
export function buildItem(content: VersionContent, pkg: Json, identifier: string): Json | null {
  const item = (pkg.CFItems as Json[]).find((i) => i.identifier === identifier);
  if (!item) return null;
  const doc = pkg.CFDocument as Json;
  return { ...item, CFDocumentURI: { title: doc.title, identifier: doc.identifier, uri: doc.uri } };
}
