import { z } from 'zod';

export const AuditEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  entityType: z.string().max(50).optional(),
  entityId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});

export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() });
