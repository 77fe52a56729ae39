import { auditLog } from '../db/schema/index.ts';
import type { Executor } from '../db/client.ts';
import type { Ctx } from '../lib/context.ts';
import { redactAudit } from './audit-redaction.ts';

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

/**
 * The columns of an audit row: secrets scrubbed, and fields the log's readers may not see of the
 * record redacted (services/audit-redaction.ts). Every writer of audit_log uses it, except the
 * roster bulk insert (roster/bulk-insert.ts), whose rows (people, units, roles) hide nothing.
 */
export function auditValues(ctx: Pick<Ctx, 'requestId'> & { actor: { userId: string | null; districtId: string } }, r: AuditRecord) {
  const { before, after } = redactAudit(r.entityType, scrub(r.before), scrub(r.after));
  return {
    districtId: ctx.actor.districtId,
    actorUserId: ctx.actor.userId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before,
    after,
    requestId: ctx.requestId,
  };
}

/** Appends audit rows; call inside the transaction that makes the write. */
export async function recordAudit(
  tx: Executor,
  ctx: Pick<Ctx, 'requestId'> & { actor: { userId: string | null; districtId: string } },
  records: AuditRecord | AuditRecord[],
): Promise<void> {
  const list = Array.isArray(records) ? records : [records];
  if (list.length === 0) return;
  await tx.insert(auditLog).values(list.map((r) => auditValues(ctx, r)));
}
