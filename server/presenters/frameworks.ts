import type { VersionStatus } from '../../common/competency.ts';
import type {
  FrameworkAssociation,
  FrameworkComment,
  FrameworkItem,
  FrameworkVersion,
  ItemRef,
  VersionSummary,
} from '../../common/schemas/frameworks.ts';
import type { frameworkAssociations, frameworkComments, frameworkItems, frameworkVersions, frameworks } from '../db/schema/index.ts';
import type { versionAbilities } from '../policies/frameworks.ts';

type VersionRow = typeof frameworkVersions.$inferSelect;
type ItemRow = typeof frameworkItems.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentVersionSummary(
  v: Pick<VersionRow, 'id' | 'versionNumber' | 'status' | 'title' | 'publishedAt'>,
  itemCount: number,
): VersionSummary {
  return {
    id: v.id,
    versionNumber: v.versionNumber,
    status: v.status as VersionStatus,
    title: v.title,
    publishedAt: iso(v.publishedAt),
    itemCount,
  };
}

export function presentVersion(
  v: VersionRow,
  framework: Pick<typeof frameworks.$inferSelect, 'title'>,
  abilities: ReturnType<typeof versionAbilities>,
  counts: { itemCount: number; openCommentCount: number },
): FrameworkVersion {
  return {
    id: v.id,
    frameworkId: v.frameworkId,
    frameworkTitle: framework.title,
    versionNumber: v.versionNumber,
    status: v.status as VersionStatus,
    caseIdentifier: v.caseIdentifier,
    title: v.title,
    description: v.description,
    creator: v.creator,
    publisher: v.publisher,
    language: v.language,
    versionLabel: v.versionLabel,
    adoptionStatus: v.adoptionStatus,
    itemTypes: v.itemTypes.map((t) => ({ code: t.code, title: t.title })),
    scaleId: v.scaleId,
    basedOnVersionId: v.basedOnVersionId,
    publishedAt: iso(v.publishedAt),
    version: v.version,
    itemCount: counts.itemCount,
    openCommentCount: counts.openCommentCount,
    abilities,
  };
}

/** The item fields the API shows. */
export type ItemFields = Pick<
  ItemRow,
  | 'id'
  | 'caseIdentifier'
  | 'parentId'
  | 'position'
  | 'itemType'
  | 'humanCode'
  | 'fullStatement'
  | 'abbreviatedStatement'
  | 'alternativeLabel'
  | 'notes'
  | 'retired'
  | 'sourceItemIds'
  | 'version'
>;

export function presentItem(i: ItemFields, extra: { hasEvidence: boolean; openCommentCount: number }): FrameworkItem {
  return {
    id: i.id,
    caseIdentifier: i.caseIdentifier,
    parentId: i.parentId,
    position: i.position,
    itemType: i.itemType,
    humanCode: i.humanCode,
    fullStatement: i.fullStatement,
    abbreviatedStatement: i.abbreviatedStatement,
    alternativeLabel: i.alternativeLabel,
    notes: i.notes,
    retired: i.retired,
    sourceItemIds: i.sourceItemIds,
    version: i.version,
    hasEvidence: extra.hasEvidence,
    openCommentCount: extra.openCommentCount,
  };
}

export const itemRef = (i: Pick<ItemRow, 'id' | 'humanCode' | 'fullStatement'> | null | undefined): ItemRef | null =>
  i ? { id: i.id, humanCode: i.humanCode, fullStatement: i.fullStatement } : null;

export function presentAssociation(a: typeof frameworkAssociations.$inferSelect): FrameworkAssociation {
  const node = (n: { title?: string; identifier?: string; uri?: string }) => ({
    title: n.title ?? '',
    identifier: n.identifier ?? '',
    uri: n.uri ?? '',
  });
  return {
    id: a.id,
    caseIdentifier: a.caseIdentifier,
    associationType: a.associationType,
    originItemId: a.originItemId,
    destinationItemId: a.destinationItemId,
    originNode: node(a.originNode),
    destinationNode: node(a.destinationNode),
    sequenceNumber: a.sequenceNumber,
    notes: a.notes,
  };
}

export function presentComment(
  c: typeof frameworkComments.$inferSelect,
  extra: { authorName: string; resolvedByName: string | null; canResolve: boolean },
): FrameworkComment {
  return {
    id: c.id,
    itemId: c.itemId,
    descriptorId: c.descriptorId,
    author: { personId: c.authorPersonId, name: extra.authorName },
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    resolvedAt: iso(c.resolvedAt),
    resolvedByName: extra.resolvedByName,
    abilities: { resolve: extra.canResolve },
  };
}
