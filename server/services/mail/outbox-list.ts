import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { EMAIL_FAILURES, EMAIL_KINDS, EMAIL_STATUSES, OutboxList as OutboxListSchema } from '../../../common/schemas/outbox.ts';
import { districts, outboxEmails } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canReadOutbox } from '../../policies/audit.ts';
import { recordAudit } from '../audit.ts';
import type { Delivery } from './transport.ts';

const PAGE = 100;

/**
 * The district's newest e-mails with their delivery state (district admins only). Set-password
 * links are never among them: the outbox keeps those e-mails with the link withheld. The read is
 * audited, like every read of the audit log.
 */
export async function listOutbox(
  ctx: Ctx,
  query: { status?: (typeof EMAIL_STATUSES)[number] },
  delivery: Delivery,
): Promise<z.infer<typeof OutboxListSchema>> {
  if (!canReadOutbox(ctx.actor)) throw forbidden();
  const filter = and(eq(outboxEmails.districtId, ctx.actor.districtId), query.status ? eq(outboxEmails.status, query.status) : undefined);
  const rows = await ctx.db.select().from(outboxEmails).where(filter).orderBy(desc(outboxEmails.createdAt)).limit(PAGE);
  const [district] = await ctx.db.select({ timeZone: districts.timeZone }).from(districts).where(eq(districts.id, ctx.actor.districtId));
  await recordAudit(ctx.db, ctx, {
    action: 'outbox.read',
    entityType: 'outbox',
    entityId: null,
    after: { status: query.status ?? null, shown: rows.length },
  });
  return {
    delivery,
    timeZone: district?.timeZone ?? 'UTC',
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as (typeof EMAIL_KINDS)[number],
      toAddress: r.toAddress,
      subject: r.subject,
      body: r.body,
      linkWithheld: r.linkWithheld,
      status: r.status as (typeof EMAIL_STATUSES)[number],
      attempts: r.attempts,
      nextAttemptAt: r.status === 'pending' ? r.nextAttemptAt.toISOString() : null,
      failureReason: (r.failureReason as (typeof EMAIL_FAILURES)[number] | null) ?? null,
      lastError: r.lastError,
      sentAt: r.sentAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
