/**
 * Permission matrix: signed out -> 401; every route -> district admins only, others 403. Rows of
 * other districts are never returned (the query filters by the caller's district). Rows hold no
 * more of a record than the admin may read of it (services/audit-redaction.ts).
 */
import { desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, OutboxList } from '../../common/schemas/audit.ts';
import { outboxEmails } from '../db/schema/index.ts';
import { forbidden } from '../lib/errors.ts';
import { requireCtx } from '../lib/http.ts';
import { canReadOutbox } from '../policies/audit.ts';
import { listAudit } from '../services/audit-log.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } } }, async (req) =>
    listAudit(await requireCtx(req), req.query),
  );

  app.get('/outbox', { schema: { tags: ['audit'], response: { 200: OutboxList } } }, async (req) => {
    const ctx = await requireCtx(req);
    if (!canReadOutbox(ctx.actor)) throw forbidden();
    const rows = await ctx.db
      .select()
      .from(outboxEmails)
      .where(eq(outboxEmails.districtId, ctx.actor.districtId))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(100);
    return {
      items: rows.map((r) => ({ id: r.id, toAddress: r.toAddress, subject: r.subject, body: r.body, createdAt: r.createdAt.toISOString() })),
    };
  });
};
