import { z } from 'zod';
import { ASSOCIATION_TYPES, MAPPING_KINDS, VERSION_STATUSES } from '../competency.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

const Version = z.number().int().positive();

// ---------------------------------------------------------------- versions and frameworks

export const VersionSummary = z.object({
  id: z.uuid(),
  versionNumber: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  title: z.string(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Items not retired. */
  itemCount: z.number().int(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const FrameworkSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  active: z.boolean(),
  /** Only the versions the caller may read, newest first. */
  versions: z.array(VersionSummary),
  latestPublishedId: z.uuid().nullable(),
  /** The draft, when there is one the caller may read. */
  draftId: z.uuid().nullable(),
  abilities: z.object({ newVersion: z.boolean(), manageDesignTeam: z.boolean() }),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

export const FrameworkList = z.object({ items: z.array(FrameworkSummary) });

export const ItemTypeDef = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_.-]+$/),
  title: z.string().trim().min(1).max(100),
});

export const VersionAbilities = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  newVersion: z.boolean(),
  retire: z.boolean(),
  comment: z.boolean(),
  resolveComments: z.boolean(),
  manageDesignTeam: z.boolean(),
});

export const FrameworkVersion = z.object({
  id: z.uuid(),
  frameworkId: z.uuid(),
  frameworkTitle: z.string(),
  versionNumber: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  caseIdentifier: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  creator: z.string(),
  publisher: z.string().nullable(),
  language: z.string().nullable(),
  versionLabel: z.string().nullable(),
  adoptionStatus: z.string().nullable(),
  itemTypes: z.array(z.object({ code: z.string(), title: z.string() })),
  scaleId: z.uuid().nullable(),
  basedOnVersionId: z.uuid().nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
  itemCount: z.number().int(),
  openCommentCount: z.number().int(),
  abilities: VersionAbilities,
});
export type FrameworkVersion = z.infer<typeof FrameworkVersion>;

export const CreateFrameworkInput = z.object({
  title: z.string().trim().min(1).max(300),
  description: optionalText(5000),
  scaleId: z.uuid().nullable().optional(),
});

export const CreateFrameworkResult = z.object({ framework: FrameworkSummary, version: FrameworkVersion });

export const UpdateVersionInput = z.object({
  version: Version,
  title: z.string().trim().min(1).max(300).optional(),
  description: optionalText(5000),
  versionLabel: optionalText(100),
  scaleId: z.uuid().nullable().optional(),
  itemTypes: z
    .array(ItemTypeDef)
    .min(1)
    .max(30)
    .refine((types) => new Set(types.map((t) => t.code)).size === types.length, 'Item type codes must be distinct')
    .optional(),
  creator: z.string().trim().min(1).max(300).optional(),
  publisher: optionalText(300),
  language: optionalText(20),
});

// ---------------------------------------------------------------- items and associations

export const FrameworkItem = z.object({
  id: z.uuid(),
  caseIdentifier: z.string(),
  parentId: z.uuid().nullable(),
  position: z.number().int(),
  itemType: z.string().nullable(),
  humanCode: z.string().nullable(),
  fullStatement: z.string(),
  abbreviatedStatement: z.string().nullable(),
  alternativeLabel: z.string().nullable(),
  notes: z.string().nullable(),
  retired: z.boolean(),
  /** Items of the previous version this one comes from. */
  sourceItemIds: z.array(z.uuid()),
  version: z.number().int(),
  /** Evidence exists for it or an item it comes from: it can be retired, not deleted. */
  hasEvidence: z.boolean(),
  openCommentCount: z.number().int(),
});
export type FrameworkItem = z.infer<typeof FrameworkItem>;

export const CaseLink = z.object({
  title: z.string().max(1000),
  identifier: z.string().max(300),
  uri: z.string().max(2000),
});

export const FrameworkAssociation = z.object({
  id: z.uuid(),
  caseIdentifier: z.string(),
  associationType: z.string(),
  originItemId: z.uuid().nullable(),
  destinationItemId: z.uuid().nullable(),
  originNode: CaseLink,
  destinationNode: CaseLink,
  sequenceNumber: z.number().int().nullable(),
  notes: z.string().nullable(),
});
export type FrameworkAssociation = z.infer<typeof FrameworkAssociation>;

/** Items in depth-first order (parent before children, siblings by position). */
export const FrameworkItemList = z.object({ items: z.array(FrameworkItem), associations: z.array(FrameworkAssociation) });

export const CreateItemInput = z.object({
  parentId: z.uuid().nullable(),
  /** Among the siblings, 0 first; default last. */
  position: z.number().int().min(0).optional(),
  itemType: z.string().trim().min(1).max(50).optional(),
  humanCode: optionalText(50),
  fullStatement: z.string().trim().min(1).max(10000),
  abbreviatedStatement: optionalText(500),
  notes: optionalText(10000),
});

export const UpdateItemInput = z.object({
  version: Version,
  fullStatement: z.string().trim().min(1).max(10000).optional(),
  humanCode: optionalText(50),
  itemType: z.string().trim().min(1).max(50).nullable().optional(),
  abbreviatedStatement: optionalText(500),
  alternativeLabel: optionalText(500),
  notes: optionalText(10000),
});

export const MoveItemInput = z.object({ version: Version, parentId: z.uuid().nullable(), position: z.number().int().min(0) });

export const MergeItemsInput = z.object({
  itemIds: z.array(z.uuid()).min(2).max(50),
  fullStatement: z.string().trim().min(1).max(10000),
  humanCode: optionalText(50),
});

export const CreateAssociationInput = z
  .object({
    associationType: z.enum(ASSOCIATION_TYPES).exclude(['isChildOf']),
    originItemId: z.uuid(),
    destinationItemId: z.uuid().nullable().optional(),
    destinationNode: CaseLink.optional(),
    sequenceNumber: z.number().int().nullable().optional(),
    notes: optionalText(5000),
  })
  .refine((a) => Boolean(a.destinationItemId) !== Boolean(a.destinationNode), {
    message: 'Give either destinationItemId or destinationNode',
    path: ['destinationItemId'],
  });

// ---------------------------------------------------------------- crosswalk and comparison

export const ItemRef = z.object({ id: z.uuid(), humanCode: z.string().nullable(), fullStatement: z.string() });
export type ItemRef = z.infer<typeof ItemRef>;

const countsOf = <T extends readonly [string, ...string[]]>(kinds: T) =>
  z.object(Object.fromEntries(kinds.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const Crosswalk = z.object({
  previousVersion: VersionSummary.nullable(),
  /** Recorded rows for a published version; a preview computed now for a draft. */
  recorded: z.boolean(),
  mappings: z.array(z.object({ kind: z.enum(MAPPING_KINDS), item: ItemRef.nullable(), previousItem: ItemRef.nullable() })),
  counts: countsOf(MAPPING_KINDS),
});
export type Crosswalk = z.infer<typeof Crosswalk>;

export const CHANGE_KINDS = ['added', 'removed', 'changed', 'moved', 'unchanged', 'split', 'merged'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CompareQuery = z.object({ from: z.uuid(), to: z.uuid() });

export const VersionComparison = z.object({
  from: VersionSummary,
  to: VersionSummary,
  changes: z.array(
    z.object({
      kind: z.enum(CHANGE_KINDS),
      item: ItemRef.nullable(),
      previousItem: ItemRef.nullable(),
      /** For changed and moved items: fullStatement, humanCode, itemType, abbreviatedStatement, parentId. */
      fields: z.array(z.string()),
    }),
  ),
  counts: countsOf(CHANGE_KINDS),
});
export type VersionComparison = z.infer<typeof VersionComparison>;

// ---------------------------------------------------------------- design team and comments

export const DesignTeamMember = z.object({
  personId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  invitedAt: z.iso.datetime({ offset: true }),
});
export const DesignTeam = z.object({ items: z.array(DesignTeamMember) });
export const AddDesignTeamMemberInput = z.object({ personId: z.uuid() });
export const DesignTeamParams = z.object({ id: z.uuid(), personId: z.uuid() });

export const FrameworkComment = z.object({
  id: z.uuid(),
  itemId: z.uuid().nullable(),
  descriptorId: z.uuid().nullable(),
  author: z.object({ personId: z.uuid(), name: z.string() }),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedByName: z.string().nullable(),
  abilities: z.object({ resolve: z.boolean() }),
});
export type FrameworkComment = z.infer<typeof FrameworkComment>;

export const CommentList = z.object({ items: z.array(FrameworkComment) });

export const CommentListQuery = z.object({
  itemId: z.uuid().optional(),
  descriptorId: z.uuid().optional(),
  status: z.enum(['open', 'resolved', 'all']).default('all'),
});

export const CreateCommentInput = z
  .object({
    itemId: z.uuid().nullable().optional(),
    descriptorId: z.uuid().nullable().optional(),
    body: z.string().trim().min(1).max(4000),
  })
  .refine((c) => !(c.itemId && c.descriptorId), {
    message: 'A comment is about an item or a descriptor, not both',
    path: ['descriptorId'],
  });
