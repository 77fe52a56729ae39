import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { tenantColumns } from './columns.ts';
import { people } from './people.ts';
import { users } from './users.ts';

/** A performance scale: ordered levels with scores, some of which count as proficient. */
export const scales = pgTable(
  'scales',
  {
    ...tenantColumns(),
    name: text().notNull(),
    description: text(),
    /** The scale new frameworks and rubrics use unless told otherwise (one per district). */
    isDefault: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('scales_district_idx').on(t.districtId),
    uniqueIndex('scales_one_default_uq')
      .on(t.districtId)
      .where(sql`is_default`),
  ],
);

/** One level of a scale. `position` 0 is the highest level. */
export const scaleLevels = pgTable(
  'scale_levels',
  {
    ...tenantColumns(),
    scaleId: uuid()
      .notNull()
      .references(() => scales.id),
    position: integer().notNull(),
    label: text().notNull(),
    levelScore: numeric({ mode: 'number' }).notNull(),
    description: text(),
    proficient: boolean().notNull().default(false),
  },
  (t) => [uniqueIndex('scale_levels_position_uq').on(t.scaleId, t.position)],
);

/** A framework: the family of versions of one competency architecture (CASE CFDocument lineage). */
export const frameworks = pgTable(
  'frameworks',
  {
    ...tenantColumns(),
    title: text().notNull(),
    active: boolean().notNull().default(true),
  },
  (t) => [index('frameworks_district_idx').on(t.districtId)],
);

/**
 * One version of a framework: a CASE CFDocument. Drafts are edited; published versions never change
 * (the services refuse with `invalid_state`); publishing records the crosswalk to `basedOnVersionId`.
 */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    ...tenantColumns(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    versionNumber: integer().notNull(),
    status: text().notNull().default('draft'),
    /** CASE CFDocument.identifier: kept from an imported package, else the row id. */
    caseIdentifier: text().notNull(),
    title: text().notNull(),
    description: text(),
    creator: text().notNull(),
    publisher: text(),
    language: text(),
    /** CASE `version` string of the document (free text, e.g. "2026-27"). */
    versionLabel: text(),
    adoptionStatus: text(),
    /** Item types this version uses, in display order: [{ code, title, description?, hierarchyCode?, identifier?, uri? }]. */
    itemTypes: jsonb().$type<ItemTypeDef[]>().notNull().default([]),
    /** Every other CASE field of the document (officialSourceURL, subject, licenseURI, notes, extensions, CFDefinitions...), kept for round trips. */
    caseFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    scaleId: uuid().references(() => scales.id),
    basedOnVersionId: uuid().references((): AnyPgColumn => frameworkVersions.id),
    publishedAt: timestamp({ withTimezone: true }),
    publishedByUserId: uuid().references(() => users.id),
    /** When the source last changed it (CASE lastChangeDateTime of an import), else null. */
    sourceChangedAt: timestamp({ withTimezone: true }),
    /** Optimistic lock for the version's own fields and for publish. */
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('framework_versions_number_uq').on(t.frameworkId, t.versionNumber),
    /** At most one draft per framework. */
    uniqueIndex('framework_versions_one_draft_uq')
      .on(t.frameworkId)
      .where(sql`status = 'draft'`),
    index('framework_versions_case_idx').on(t.districtId, t.caseIdentifier),
  ],
);

export interface ItemTypeDef {
  code: string;
  title: string;
  description?: string | null;
  hierarchyCode?: string | null;
  identifier?: string | null;
  uri?: string | null;
}

/**
 * An item of a version (CASE CFItem): a domain, competency, indicator... The primary hierarchy is
 * `parentId` + `position` (exported as isChildOf associations); other links are associations.
 */
export const frameworkItems = pgTable(
  'framework_items',
  {
    ...tenantColumns(),
    versionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id),
    /** CASE CFItem.identifier: kept from an import, else the row id; unique within the version. */
    caseIdentifier: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => frameworkItems.id),
    position: integer().notNull().default(0),
    /** CASE identifier of the isChildOf association that places the item under its parent (round trips). */
    parentAssociationIdentifier: text(),
    itemType: text(),
    humanCode: text(),
    fullStatement: text().notNull(),
    abbreviatedStatement: text(),
    alternativeLabel: text(),
    notes: text(),
    language: text(),
    listEnumeration: text(),
    educationLevel: jsonb().$type<string[]>(),
    conceptKeywords: jsonb().$type<string[]>(),
    /** Every other CASE field of the item (subject, licenseURI, CFItemTypeURI, statusStartDate, extensions...). */
    caseFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Items of the previous version this one comes from: one = same or changed, one shared by several = split, several = merged. */
    sourceItemIds: jsonb().$type<string[]>().notNull().default([]),
    /** Retired items stay in the version for history but leave rubrics and the tree. */
    retired: boolean().notNull().default(false),
    sourceChangedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('framework_items_case_uq').on(t.versionId, t.caseIdentifier),
    index('framework_items_version_idx').on(t.versionId, t.parentId, t.position),
  ],
);

/**
 * A typed link (CASE CFAssociation) other than an item's primary parent. Either end may be outside
 * the version (another framework, an external URI): then only its URI/identifier/title are known.
 */
export const frameworkAssociations = pgTable(
  'framework_associations',
  {
    ...tenantColumns(),
    versionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id),
    caseIdentifier: text().notNull(),
    associationType: text().notNull(),
    originItemId: uuid().references(() => frameworkItems.id),
    destinationItemId: uuid().references(() => frameworkItems.id),
    /** CASE LinkGenURI of each end: { title, identifier, uri, targetType? } (always kept for round trips). */
    originNode: jsonb().$type<CaseLink>().notNull(),
    destinationNode: jsonb().$type<CaseLink>().notNull(),
    sequenceNumber: integer(),
    notes: text(),
    caseFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('framework_associations_case_uq').on(t.versionId, t.caseIdentifier),
    index('framework_associations_origin_idx').on(t.originItemId),
    index('framework_associations_destination_idx').on(t.destinationItemId),
  ],
);

export interface CaseLink {
  title: string;
  identifier: string;
  uri: string;
  targetType?: string;
}

/** The crosswalk recorded when a version is published: how each item relates to the previous version. */
export const frameworkItemMappings = pgTable(
  'framework_item_mappings',
  {
    ...tenantColumns(),
    versionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id),
    previousVersionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id),
    /** Null for `retired`. */
    itemId: uuid().references(() => frameworkItems.id),
    /** Null for `new`. */
    previousItemId: uuid().references(() => frameworkItems.id),
    kind: text().notNull(),
  },
  (t) => [index('framework_item_mappings_version_idx').on(t.versionId), index('framework_item_mappings_previous_idx').on(t.previousItemId)],
);

/** The design team of a framework: staff invited to comment on its drafts (they cannot edit). */
export const frameworkCollaborators = pgTable(
  'framework_collaborators',
  {
    ...tenantColumns(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    invitedByUserId: uuid().references(() => users.id),
    active: boolean().notNull().default(true),
  },
  (t) => [uniqueIndex('framework_collaborators_uq').on(t.frameworkId, t.personId)],
);

/** A design-team comment on a draft item or rubric descriptor; editors resolve them. */
export const frameworkComments = pgTable(
  'framework_comments',
  {
    ...tenantColumns(),
    versionId: uuid()
      .notNull()
      .references(() => frameworkVersions.id),
    itemId: uuid().references(() => frameworkItems.id),
    /** Set when the comment is about one rubric descriptor (see rubrics.ts). */
    descriptorId: uuid(),
    authorPersonId: uuid()
      .notNull()
      .references(() => people.id),
    body: text().notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedByUserId: uuid().references(() => users.id),
  },
  (t) => [index('framework_comments_version_idx').on(t.versionId, t.itemId)],
);
