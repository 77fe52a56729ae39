/**
 * Permission matrix: signed out -> 401; every route -> district admins only, others 403. Rows of
 * other districts are never returned (the query filters by the caller's district). Rows hold no
 * more of a record than the admin may read of it (services/audit-redaction.ts). Reading the audit
 * log or the outbox is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery } from '../../common/schemas/audit.ts';
import { OutboxList, OutboxQuery } from '../../common/schemas/outbox.ts';
import { requireCtx } from '../lib/http.ts';
import { listAudit } from '../services/audit-log.ts';
import { listOutbox } from '../services/mail/outbox-list.ts';
import { routesNeed } from '../lib/route-auth.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get('/audit', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } } }, async (req) =>
    listAudit(await requireCtx(req), req.query),
  );

  app.get('/outbox', { schema: { tags: ['audit'], querystring: OutboxQuery, response: { 200: OutboxList } } }, async (req) =>
    listOutbox(await requireCtx(req), req.query, app.mailer.delivery),
  );
};
