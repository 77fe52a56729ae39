import { z } from 'zod';

/** Kinds of record whose reads are logged for the person they are about. */
export const READ_ENTITY_TYPES = [
  'person',
  'person_history',
  'competency_profile',
  'observation',
  'action_step',
  'coaching_plan',
  'coaching_cycle',
  'coaching_log',
  'coaching_summary',
  'file',
] as const;
export type ReadEntityType = (typeof READ_ENTITY_TYPES)[number];

/** One read of a record about the signed-in user by someone else: who, what, when (never the content). */
export const RecordRead = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  reader: z.object({ id: z.uuid(), name: z.string() }),
  entityType: z.enum(READ_ENTITY_TYPES),
  entityId: z.uuid(),
});
export type RecordRead = z.infer<typeof RecordRead>;

export const RecordReadQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});

/** GET /api/me/record-reads: newest first, a page at a time. */
export const RecordReadPage = z.object({ items: z.array(RecordRead), nextCursor: z.string().nullable() });
export type RecordReadPage = z.infer<typeof RecordReadPage>;
