import { auditLog } from '../db/schema/index.ts';
import type { Executor } from '../db/client.ts';
import type { Ctx } from '../lib/context.ts';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Fields never written to the audit log. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'csrfToken', 'searchText', 'clientSecret', 'clientSecretEncrypted']);

function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEYS.has(key)));
}

/** Appends audit rows; call inside the transaction that makes the write. */
export async function recordAudit(
  tx: Executor,
  ctx: Pick<Ctx, 'requestId'> & { actor: { userId: string | null; districtId: string } },
  records: AuditRecord | AuditRecord[],
): Promise<void> {
  const list = Array.isArray(records) ? records : [records];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(
    list.map((r) => ({
      districtId: ctx.actor.districtId,
      actorUserId: ctx.actor.userId,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: scrub(r.before),
      after: scrub(r.after),
      requestId: ctx.requestId,
    })),
  );
}
