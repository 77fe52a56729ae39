/**
 * Permission matrix: signed out -> 401. The initiative page at a glance -> everyone in the
 * initiative's district (it shows aggregates; the open action items name their owners) and the
 * initiative's own vendor guest (aggregates only: no action items); another initiative's guest and
 * another district -> 404. There is no write here, so no 403.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../common/schemas/common.ts';
import { InitiativeOverview } from '../../common/schemas/implementation-overview.ts';
import { requireCtx } from '../lib/http.ts';
import { GUEST_OWN_INITIATIVE, routesNeed } from '../lib/route-auth.ts';
import { initiativeOverview } from '../services/implementation/overview.ts';

export const initiativeOverviewRoutes: FastifyPluginAsyncZod = async (app) => {
  routesNeed(app, 'session');
  app.get(
    '/:id/overview',
    { config: GUEST_OWN_INITIATIVE, schema: { tags: ['implementation'], params: IdParams, response: { 200: InitiativeOverview } } },
    async (req) => initiativeOverview(await requireCtx(req), req.params.id),
  );
};
