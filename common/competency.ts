/**
 * Vocabulary of the competency architecture (frameworks, scales, pathways, rubrics), shared by the
 * API contract, the server and the web app.
 */

/** A framework version's life: drafts are edited, published versions are immutable, retired ones are kept for history. */
export const VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** CASE 1.1 association types (CFAssociation.associationType). Imports accept these and `ext:` types. */
export const ASSOCIATION_TYPES = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
] as const;
export type AssociationType = (typeof ASSOCIATION_TYPES)[number];

/** How an item of a new version relates to the previous version (the crosswalk recorded on publish). */
export const MAPPING_KINDS = ['unchanged', 'changed', 'split', 'merged', 'new', 'retired'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

/** Item types a new framework starts with; each framework version may add its own. */
export const DEFAULT_ITEM_TYPES = ['domain', 'competency', 'indicator'] as const;

/** Pathway families; central-office pathways also name a function. */
export const PATHWAY_CATEGORIES = ['instructional', 'leadership', 'central_office'] as const;
export type PathwayCategory = (typeof PATHWAY_CATEGORIES)[number];

export const CENTRAL_OFFICE_FUNCTIONS = [
  'finance',
  'human_resources',
  'technology',
  'operations',
  'curriculum',
  'student_services',
] as const;

/** Dimensions on which two steps of different pathways can be declared equivalent. */
export const EQUIVALENCE_DIMENSIONS = ['skills', 'responsibility', 'pay'] as const;
export type EquivalenceDimension = (typeof EQUIVALENCE_DIMENSIONS)[number];

/** The four-level scale the districts asked for, highest first; the top two count as proficient. */
export const DEFAULT_SCALE_LEVELS = [
  { code: 'exemplifying', levelScore: 4, proficient: true },
  { code: 'demonstrating', levelScore: 3, proficient: true },
  { code: 'developing', levelScore: 2, proficient: false },
  { code: 'needs_improvement', levelScore: 1, proficient: false },
] as const;

/** Where a piece of evidence about a person's level on a competency came from. */
export const EVIDENCE_SOURCES = [
  'observation',
  'self_assessment',
  'training_assessment',
  'interview',
  'fidelity_check',
  'manager_review',
  'walkthrough',
] as const;

/** Limits that keep one upload or one field from exhausting the server. */
export const CASE_UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
export const FRAMEWORK_MAX_ITEMS = 20_000;
/**
 * Free JSON a CASE file carries (extensions, fields CASE does not define) is kept as written, up to
 * this depth of nesting and this many characters per field; beyond either it is a row error.
 */
export const CASE_FREE_JSON_MAX_DEPTH = 32;
export const CASE_FREE_JSON_MAX_CHARS = 1_000_000;
